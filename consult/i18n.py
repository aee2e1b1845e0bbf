"""Languages of the interface: selection, direction, Babel locales and content fallback."""

from dataclasses import dataclass
from typing import Any

from babel import Locale
from flask import current_app, g, has_request_context, request
from flask_babel import Domain
from flask_login import current_user

#: Interface languages, in the order the switcher shows them, with their own names.
LANGUAGE_NAMES = {"ar": "العربية", "fr": "Français", "zgh": "ⵜⴰⵎⴰⵣⵉⵖⵜ"}

#: The Babel locale used to format dates and numbers for each interface language:
#: the Moroccan variants give 24-hour clocks and Latin digits in Arabic.
FORMAT_LOCALES = {"ar": "ar_MA", "fr": "fr_MA", "zgh": "zgh_MA"}

#: Order in which content (draft text, summaries) falls back when missing in a language.
CONTENT_FALLBACK = ("ar", "fr", "zgh")

#: Accept-Language tags that mean Tamazight without saying "zgh".
_TAMAZIGHT_ALIASES = ("tzm", "ber", "shi", "rif")


def select_language() -> str:
    """The interface language code (ar, fr, zgh) for this request, cached on g."""
    if not has_request_context():  # a command or a job: the platform's default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if "ui_language" in g:
        return g.ui_language
    languages = current_app.config["LANGUAGES"]
    # A link may name its language (?lang=zgh): shared links open as their sender saw them.
    choice = request.args.get("lang") if request.args.get("lang") in languages else None
    if (
        choice is None
        and current_user
        and current_user.is_authenticated
        and current_user.locale in languages
    ):
        choice = current_user.locale
    if choice is None:
        cookie = request.cookies.get(current_app.config["LOCALE_COOKIE"])
        if cookie in languages:
            choice = cookie
    if choice is None:
        choice = request.accept_languages.best_match(languages)
    if choice is None:
        for tag, _quality in request.accept_languages:
            if tag.split("-")[0].lower() in _TAMAZIGHT_ALIASES and "zgh" in languages:
                choice = "zgh"
                break
    g.ui_language = choice or current_app.config["BABEL_DEFAULT_LOCALE"]
    return g.ui_language


def select_format_locale() -> str:
    """Flask-Babel's locale selector: the Babel locale that formats for this language."""
    return FORMAT_LOCALES.get(select_language(), select_language())


#: Latin suffixes of inserted articles ("7 bis") as Arabic legislative texts write them.
_ARABIC_SUFFIXES = {"bis": "مكرر", "ter": "مكرر مرتين", "quater": "مكرر ثلاث مرات"}


def localise_article_number(number: str, language: str) -> str:
    """ "7 bis" stays as is in French and Tamazight and reads "7 مكرر" in Arabic."""
    if language != "ar":
        return number
    head, _, suffix = number.partition(" ")
    return f"{head} {_ARABIC_SUFFIXES.get(suffix, suffix)}".strip()


def text_direction(language: str) -> str:
    return Locale.parse(FORMAT_LOCALES.get(language, language)).text_direction


@dataclass(frozen=True)
class Localised:
    """A piece of multilingual content picked for the reader's language."""

    text: str
    lang: str | None
    is_fallback: bool

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.lang or "", self.lang or "")

    @property
    def direction(self) -> str:
        return text_direction(self.lang) if self.lang else "auto"

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def pick(texts: dict[str, Any] | None, language: str) -> Localised:
    """The text in `language`, else the first available one, marked as a fallback."""
    texts = texts or {}
    if texts.get(language):
        return Localised(texts[language], language, False)
    for other in CONTENT_FALLBACK:
        if texts.get(other):
            return Localised(texts[other], other, True)
    return Localised("", None, False)


class MissingTranslationRecorder:
    """A gettext fallback that notes every msgid the catalogue did not have."""

    def __init__(self, language: str, sink: set):
        self.language = language
        self.sink = sink

    def gettext(self, message):
        self.sink.add((self.language, message))
        return message

    def ngettext(self, singular, plural, n):
        self.sink.add((self.language, singular))
        return singular if n == 1 else plural

    def pgettext(self, context, message):
        self.sink.add((self.language, message))
        return message

    def npgettext(self, context, singular, plural, n):
        self.sink.add((self.language, singular))
        return singular if n == 1 else plural


class RecordingDomain(Domain):
    """In tests, records UI strings that a page showed untranslated (see I18N_RECORD_MISSING)."""

    missing: set = set()

    def get_translations(self):
        translations = super().get_translations()
        if current_app and current_app.config.get("I18N_RECORD_MISSING"):
            if not getattr(translations, "_consult_recording", False):
                recorder = MissingTranslationRecorder(select_language(), self.missing)
                translations.add_fallback(recorder)
                translations._consult_recording = True
        return translations


def current_translations():
    """Flask-Babel's translations for this request, looked up once rather than per string.

    Templates call gettext dozens of times per page and Flask-Babel resolves the locale and
    its catalogue again on each call. The result is kept on Flask-Babel's own request state
    beside the locale it was made for, so `force_locale` (which sets a new locale there)
    still takes effect."""
    from flask_babel import get_translations

    if not g:  # outside an application context
        return get_translations()
    state = g.get("_flask_babel")
    cached = getattr(state, "consult_translations", None) if state is not None else None
    if cached is not None and cached[0] is getattr(state, "babel_locale", None):
        return cached[1]
    translations = get_translations()
    state = g._flask_babel
    state.consult_translations = (getattr(state, "babel_locale", None), translations)
    return translations


def install_fast_gettext(app) -> None:
    """Templates' `_`, `gettext` and `ngettext` through current_translations()."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: current_translations().ugettext(s),
        ngettext=lambda s, p, n: current_translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: current_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: current_translations().unpgettext(c, s, p, n),
    )
