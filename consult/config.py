"""Configuration defaults; instance/config.py and CONSULT_* variables override them."""

from datetime import timedelta


class Defaults:
    SECRET_KEY: str | None = None
    #: Set by create_app() to a SQLite file in the instance folder when left empty.
    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SQLALCHEMY_RECORD_QUERIES = False

    LANGUAGES = ("ar", "fr", "zgh")
    BABEL_DEFAULT_LOCALE = "ar"
    BABEL_DEFAULT_TIMEZONE = "Africa/Casablanca"
    #: Display time zone for dates typed and shown (Morocco).
    DISPLAY_TIMEZONE = "Africa/Casablanca"
    LOCALE_COOKIE = "consult_lang"

    WTF_CSRF_TIME_LIMIT = None  # a long comment must not fail because the token aged
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)

    COMMENT_MAX_LENGTH = 5000
    COMMENT_EDIT_WINDOW = timedelta(minutes=15)
    COMMENTS_PER_PAGE = 20
    CONSULTATIONS_PER_PAGE = 20
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024

    #: Tests turn this on: a UI string missing from a catalogue is recorded.
    I18N_RECORD_MISSING = False
