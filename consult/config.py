"""Configuration defaults; instance/config.py and CONSULT_* variables override them."""

from datetime import timedelta


class Defaults:
    SECRET_KEY: str | None = None
    #: Set by create_app() to a SQLite file in the instance folder when left empty.
    SQLALCHEMY_DATABASE_URI: str | None = None
    #: A pooled connection is tested before use, so a database restart costs the requests
    #: made while it is down, not the first ones after it.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
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
    #: Reports from this many different people hide content until a moderator reviews it.
    FLAGS_TO_HIDE = 3
    CONSULTATIONS_PER_PAGE = 20
    #: Rendered fragments (a comment, the table of contents) kept per worker process; 0 turns
    #: the cache off. About 2 KB each.
    FRAGMENT_CACHE_SIZE = 5000

    #: How long work started from a page runs (a synthesis, the outcome e-mails): "process" (a
    #: `flask` command of its own, never inside the web request) or "inline" (tests: at once).
    BACKGROUND_TASKS = "process"
    #: A running synthesis silent for this long is shown as stalled and may be started again.
    SYNTHESIS_STALLED_AFTER = timedelta(minutes=10)
    #: Parameters of the engine (see consult.synthesis.engine.SynthesisParams).
    SYNTHESIS_THRESHOLD = 0.5
    SYNTHESIS_CAMPAIGN_SIZE = 5
    SYNTHESIS_SEED = 0
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024

    #: Outgoing mail: SMTP when MAIL_SERVER is set, else files in instance/outbox/.
    MAIL_SERVER: str | None = None
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_FROM = "consult <no-reply@consult.invalid>"

    #: Where rate-limit counters live: memory for one process, redis://... for several hosts.
    RATELIMIT_STORAGE_URI = "memory://"
    #: When Redis cannot be reached, count in each process's memory rather than fail requests.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    #: Reverse proxies in front of the app that set X-Forwarded-For/-Proto/-Host (nginx: 1).
    #: 0 trusts no such header: then every visitor has the proxy's address for rate limits.
    TRUSTED_PROXIES = 0
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_LOGIN = "10 per minute"
    RATELIMIT_SIGNUP = "5 per hour"
    RATELIMIT_POST_PER_USER = "15 per minute"
    RATELIMIT_POST_PER_ADDRESS = "60 per minute"
    RATELIMIT_VOTE_PER_USER = "120 per minute"
    #: The read-only API at /api/v1: one budget per address for all its routes.
    RATELIMIT_API = "300 per minute"

    #: Tests turn this on: a UI string missing from a catalogue is recorded.
    I18N_RECORD_MISSING = False
