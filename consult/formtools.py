"""Small helpers shared by the forms of every blueprint."""

from collections.abc import Callable, Iterable
from functools import lru_cache

from babel import support
from flask import current_app
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.i18n import messages_path
from wtforms.widgets import CheckboxInput, ListWidget


class Form(FlaskForm):
    """Every form of the site: Flask-WTF's, with WTForms' own messages ("This field is
    required.") in the reader's language, their catalogue read once per language per process
    (Flask-WTF reads it from disk for every form of every request)."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return super().get_translations(form)
            return _wtforms_catalogue(str(get_locale()))


@lru_cache(maxsize=8)
def _wtforms_catalogue(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class CheckboxesField(SelectMultipleField):
    """A multiple choice shown as checkboxes (usable without JavaScript, unlike a multi-select)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def choices(pairs: Iterable[tuple[str, object]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms select choices; labels may be lazy translations."""
    return [SelectChoice(value, label) for value, label in pairs]


def lazy_choices(make_pairs: Callable[[], Iterable[tuple[str, object]]]):
    """Choices computed when the form is built (in the request's language)."""
    return lambda: choices(make_pairs())
