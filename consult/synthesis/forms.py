"""Forms of the synthesis workspace."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..formtools import Form, choices
from .responses import OUTCOME_NAMES


class NamesForm(Form):
    name_ar = StringField(_l("Name in Arabic"), validators=[Length(max=200)])
    name_fr = StringField(_l("Name in French"), validators=[Length(max=200)])
    name_zgh = StringField(_l("Name in Tamazight"), validators=[Length(max=200)])

    def names(self) -> dict[str, str]:
        return {lang: getattr(self, f"name_{lang}").data or "" for lang in ("ar", "fr", "zgh")}


class MergeForm(Form):
    into = SelectField(_l("Merge into"), coerce=int, validators=[DataRequired()])


class AnswerForm(Form):
    outcome = RadioField(
        _l("Outcome"), choices=choices(OUTCOME_NAMES.items()), validators=[DataRequired()]
    )
    justification_ar = TextAreaField(_l("Justification in Arabic"), validators=[Length(max=5000)])
    justification_fr = TextAreaField(_l("Justification in French"), validators=[Length(max=5000)])
    justification_zgh = TextAreaField(
        _l("Justification in Tamazight"), validators=[Length(max=5000)]
    )
    articles = StringField(
        _l("Articles of the final text this answer changed"),
        description=_l("Article numbers separated by commas, for example: 3, 7 bis."),
        validators=[Length(max=300)],
    )

    def article_numbers(self) -> list[str]:
        return [part.strip() for part in (self.articles.data or "").split(",") if part.strip()]

    def texts(self) -> dict[str, str]:
        return {
            lang: getattr(self, f"justification_{lang}").data or "" for lang in ("ar", "fr", "zgh")
        }


def answer_data(response) -> dict | None:
    """An AnswerForm's fields filled from a saved Response (None: an empty form)."""
    if response is None:
        return None
    return {
        "outcome": response.outcome.value,
        **{f"justification_{lang}": text for lang, text in response.justification.items()},
        "articles": ", ".join(response.articles or []),
    }


class ImportForm(Form):
    file = FileField(
        _l("File (CSV or JSON Lines)"),
        description=_l(
            "One contribution per row: a “text” column, and if known “lang” (ar, fr, zgh), "
            "“article”, “sender_type”, “region” and “ref”."
        ),
    )
