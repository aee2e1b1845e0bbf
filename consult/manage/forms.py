"""Forms of the officials' workspace."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    DateTimeLocalField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..consultations.themes import KIND_NAMES, SCOPE_NAMES, THEMES
from ..formtools import CheckboxesField, Form, choices
from ..i18n import LANGUAGE_NAMES

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class ConsultationForm(Form):
    title_ar = StringField(_l("Title in Arabic"), validators=[Length(max=300)])
    title_fr = StringField(_l("Title in French"), validators=[Length(max=300)])
    title_zgh = StringField(_l("Title in Tamazight"), validators=[Length(max=300)])
    summary_ar = TextAreaField(_l("Summary in Arabic"), validators=[Length(max=4000)])
    summary_fr = TextAreaField(_l("Summary in French"), validators=[Length(max=4000)])
    summary_zgh = TextAreaField(_l("Summary in Tamazight"), validators=[Length(max=4000)])
    kind = SelectField(_l("Kind of text"), choices=choices(KIND_NAMES.items()))
    scope = SelectField(_l("Territorial scope"), choices=choices(SCOPE_NAMES.items()))
    scope_area = StringField(
        _l("Region or commune concerned"),
        validators=[Length(max=120)],
        description=_l("Leave empty for a national consultation."),
    )
    audience = SelectField(
        _l("Who may take part"),
        choices=choices(
            [("everyone", _l("Everyone")), ("organisations", _l("Organisations only"))]
        ),
    )
    themes = CheckboxesField(_l("Themes"), choices=choices(THEMES.items()))
    opens_at = DateTimeLocalField(
        _l("Opens on (Morocco time)"),
        format=DATETIME_FORMATS,
        validators=[DataRequired(message=_l("Enter a date and time, e.g. 2026-03-01 09:00."))],
    )
    closes_at = DateTimeLocalField(
        _l("Closes on (Morocco time)"),
        format=DATETIME_FORMATS,
        validators=[DataRequired(message=_l("Enter a date and time, e.g. 2026-03-01 09:00."))],
    )

    def validate_title_ar(self, field):
        if not any((f.data or "").strip() for f in (self.title_ar, self.title_fr, self.title_zgh)):
            raise ValidationError(_l("Give a title in at least one language."))

    def validate_closes_at(self, field):
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The closing date must come after the opening date."))


class DraftUploadForm(Form):
    language = SelectField(_l("Language of this text"), choices=choices(LANGUAGE_NAMES.items()))
    text = TextAreaField(
        _l("Paste the text"),
        validators=[Optional(), Length(max=2_000_000)],
        description=_l(
            "Each article starts on its own line with its heading, "
            "e.g. “Article 1”, “Article premier”, “المادة الأولى”, “ⴰⴼⵚⵍ 1”."
        ),
    )
    document = FileField(
        _l("Or upload a file"),
        description=_l("Plain text (.txt), Markdown (.md) or Word (.docx), at most 5 MB."),
    )


class DraftConfirmForm(Form):
    """The preview's hidden fields; the rows themselves are read as lists (see routes)."""

    language = SelectField(choices=choices(LANGUAGE_NAMES.items()))
    preamble = TextAreaField()


class ActionForm(Form):
    """Lifecycle buttons: schedule, open early, close early, back to draft."""
