"""The officials' form that publishes an outcome report."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, TextAreaField
from wtforms.validators import Length, Optional

from ..formtools import Form

LANGS = ("ar", "fr", "zgh")


class PublishForm(Form):
    summary_ar = TextAreaField(_l("Summary in Arabic"), validators=[Length(max=8000)])
    summary_fr = TextAreaField(_l("Summary in French"), validators=[Length(max=8000)])
    summary_zgh = TextAreaField(_l("Summary in Tamazight"), validators=[Length(max=8000)])
    next_ar = TextAreaField(_l("What happens next, in Arabic"), validators=[Length(max=4000)])
    next_fr = TextAreaField(_l("What happens next, in French"), validators=[Length(max=4000)])
    next_zgh = TextAreaField(_l("What happens next, in Tamazight"), validators=[Length(max=4000)])
    next_date = DateField(_l("Date of the next step"), validators=[Optional()])
    note_ar = TextAreaField(
        _l("What this version changes, in Arabic"), validators=[Length(max=2000)]
    )
    note_fr = TextAreaField(
        _l("What this version changes, in French"), validators=[Length(max=2000)]
    )
    note_zgh = TextAreaField(
        _l("What this version changes, in Tamazight"), validators=[Length(max=2000)]
    )

    def texts(self, prefix: str) -> dict[str, str]:
        return {lang: getattr(self, f"{prefix}_{lang}").data or "" for lang in LANGS}
