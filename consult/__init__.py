"""consult: public consultation platform. `create_app()` builds the Flask application."""

import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from .compression import GzipMiddleware
from .config import Defaults
from .security import register_security

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None, instance_path: str | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    configure(app, test_config)
    register_extensions(app)
    register_blueprints(app)
    register_health_check(app)
    register_security(app)
    register_error_handlers(app)
    register_template_helpers(app)
    register_commands(app)
    app.wsgi_app = GzipMiddleware(app.wsgi_app)  # type: ignore[method-assign]
    if proxies := int(app.config["TRUSTED_PROXIES"]):
        # The client's address, scheme and host as the proxy saw them; only as many
        # forwarding hops as there are proxies of ours are believed.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app.config.from_prefixed_env("CONSULT")
    if app.config.get("RATELIMIT_STORAGE_URL"):  # the documented name of the setting
        app.config["RATELIMIT_STORAGE_URI"] = app.config["RATELIMIT_STORAGE_URL"]
    if test_config:
        app.config.from_mapping(test_config)

    uri = app.config.get("SQLALCHEMY_DATABASE_URI")
    if not uri:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        uri = "sqlite:///" + str(Path(app.instance_path) / "consult.sqlite3")
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(uri)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(PROJECT_ROOT / "translations"))

    if not app.config.get("SECRET_KEY"):
        if app.debug or app.testing:
            app.config["SECRET_KEY"] = "development-only-secret"
        else:
            raise RuntimeError(
                "SECRET_KEY is not set. Put SECRET_KEY = '...' in instance/config.py or set "
                "CONSULT_SECRET_KEY; `make run` writes one for local use."
            )


def normalise_database_url(uri: str) -> str:
    """Accept the postgres:// URLs hosting providers hand out; use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if uri.startswith(prefix):
            return "postgresql+psycopg://" + uri[len(prefix) :]
    return uri


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    # WAL lets readers and one writer work at once; foreign keys are off by default in SQLite.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def register_extensions(app: Flask) -> None:
    from .extensions import babel, csrf, db, limiter, login_manager, migrate
    from .i18n import select_format_locale

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_format_locale,
        timezone_selector=lambda: app.config["DISPLAY_TIMEZONE"],
    )
    login_manager.init_app(app)
    from .accounts.auth import configure_login

    configure_login(login_manager)
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.add_extension("jinja2.ext.loopcontrols")


class IdConverter(IntegerConverter):
    """`<int:...>` in URLs, bounded so an absurd id is a 404 rather than a database error."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)  # PostgreSQL's integer
        super().__init__(url_map, *args, **kwargs)


def register_blueprints(app: Flask) -> None:
    app.url_map.converters["int"] = IdConverter
    from .accounts import bp as accounts_bp
    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .comments import bp as comments_bp
    from .consultations import bp as consultations_bp
    from .manage import bp as manage_bp
    from .moderation import bp as moderation_bp
    from .observatory import bp as observatory_bp
    from .opendata import bp as opendata_bp
    from .organisations import bp as organisations_bp
    from .outcome import bp as outcome_bp
    from .recommendations import bp as recommendations_bp
    from .search import bp as search_bp
    from .synthesis import bp as synthesis_bp

    app.register_blueprint(consultations_bp)
    app.register_blueprint(comments_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(organisations_bp)
    app.register_blueprint(recommendations_bp)
    app.register_blueprint(moderation_bp)
    app.register_blueprint(manage_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(search_bp)
    app.register_blueprint(synthesis_bp)
    app.register_blueprint(outcome_bp)
    app.register_blueprint(observatory_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(opendata_bp)


def register_health_check(app: Flask) -> None:
    # For load balancers and the benchmark harness: answers without touching the database.
    @app.get("/healthz")
    def health_check():
        return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}


def register_error_handlers(app: Flask) -> None:
    from .web import register_error_pages

    register_error_pages(app)


def register_template_helpers(app: Flask) -> None:
    from . import fragments
    from .i18n import install_fast_gettext
    from .web import register_template_context

    register_template_context(app)
    fragments.init_app(app)
    install_fast_gettext(app)


def register_commands(app: Flask) -> None:
    from .cli import register_cli

    register_cli(app)
