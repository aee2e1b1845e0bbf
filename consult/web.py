"""Shared web plumbing: error pages, template globals, safe redirects."""

from urllib.parse import urlsplit

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from . import clock
from .errors import DomainError
from .i18n import (
    LANGUAGE_NAMES,
    localise_article_number,
    pick,
    select_language,
    text_direction,
)
from .text.scripts import lang_for_text


def safe_next(target: str | None, fallback: str) -> str:
    """Only same-site relative paths are followed after a form (no open redirects)."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target:
        return fallback
    return target


def redirect_back(fallback_endpoint: str = "consultations.index", **values):
    """Redirect to the `next` form field or the referring page (same site only)."""
    fallback = url_for(fallback_endpoint, **values)
    target = request.form.get("next") or request.args.get("next")
    return redirect(safe_next(target, fallback))


ERROR_CODES = (400, 403, 404, 405, 409, 413, 429, 500)

#: Shown when even the error page fails; in the three languages since none can be chosen.
LAST_RESORT_500 = (
    '<!doctype html><meta charset="utf-8"><title>500</title>'
    '<p lang="ar" dir="rtl">حدث خطأ من جهتنا. يرجى المحاولة بعد قليل.</p>'
    '<p lang="fr">Une erreur est survenue de notre côté. Veuillez réessayer dans un instant.</p>'
    '<p lang="zgh">ⵉⵍⵍⴰ ⵓⵣⴳⴰⵍ ⵖⵓⵔⵏⵖ. ⴰⵍⵙ ⵜⴰⵔⵎⵉⵜ ⴷⴼⴼⵉⵔ ⴽⵔⴰ.</p>'
)


def register_error_pages(app: Flask) -> None:
    def render_error(code: int, message=None):
        return render_template(f"errors/{code}.html", code=code, message=message), code

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(
            400,
            _(
                "The form had expired or was sent from another page. Please go back and "
                "send it again; what you typed is still in the page you came from."
            ),
        )

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        code = error.status_code if error.status_code in ERROR_CODES else 400
        return render_error(code, error.message)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code if error.code in ERROR_CODES else 400
        if code == 405:
            return render_error(405)
        return render_error(code)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error")
        try:
            from .extensions import db

            db.session.rollback()
            return render_error(500)
        except Exception:  # the page itself failed (database down?): say so plainly
            app.logger.exception("The error page could not be shown")
            return LAST_RESORT_500, 500, {"Content-Type": "text/html; charset=utf-8"}


def register_template_context(app: Flask) -> None:
    @app.context_processor
    def inject_language():
        language = select_language()
        return {
            "ui_language": language,
            "direction": text_direction(language),
            "language_names": LANGUAGE_NAMES,
            "now": clock.utcnow(),
        }

    from . import permissions
    from .accounts.profile import REGIONS
    from .comments.forms import STANCE_CHOICES
    from .consultations.themes import (
        KIND_NAMES,
        PHASE_NAMES,
        SCOPE_NAMES,
        SECTION_KIND_NAMES,
        THEMES,
    )
    from .moderation.names import REASON_NAMES
    from .organisations.names import DOMAIN_NAMES
    from .organisations.names import KIND_NAMES as ORGANISATION_KIND_NAMES
    from .organisations.names import STATUS_NAMES as ORGANISATION_STATUS_NAMES
    from .recommendations.names import KIND_NAMES as RECOMMENDATION_KIND_NAMES
    from .recommendations.names import SORT_NAMES as RECOMMENDATION_SORT_NAMES
    from .recommendations.names import STATUS_NAMES as RECOMMENDATION_STATUS_NAMES

    app.jinja_env.globals.update(
        permissions=permissions,
        reason_names=REASON_NAMES,
        region_names=REGIONS,
        country_name=country_name,
        domain_names=DOMAIN_NAMES,
        organisation_kind_names=ORGANISATION_KIND_NAMES,
        organisation_status_names=ORGANISATION_STATUS_NAMES,
        recommendation_kind_names=RECOMMENDATION_KIND_NAMES,
        recommendation_status_names=RECOMMENDATION_STATUS_NAMES,
        recommendation_sort_names=RECOMMENDATION_SORT_NAMES,
        phase_names=PHASE_NAMES,
        kind_names=KIND_NAMES,
        scope_names=SCOPE_NAMES,
        section_kind_names=SECTION_KIND_NAMES,
        theme_names=THEMES,
        stance_names=dict(STANCE_CHOICES),
        pick=lambda texts: pick(texts, select_language()),
        lang_for_text=lang_for_text,
        format_number=format_decimal,
        babel_locale=get_locale,
    )
    app.jinja_env.filters.update(
        date=lambda value, fmt="medium": format_date(value, fmt) if value else "",
        # Day, month name, year and hour:minute, ordered and named by the reader's locale.
        datetime=lambda value, fmt="d MMMM y HH:mm": format_datetime(value, fmt) if value else "",
        number=lambda value: format_decimal(value or 0),
        article_number=lambda value: localise_article_number(value, select_language()),
    )


def country_name(code: str | None) -> str:
    """A country's name in the reader's language (CLDR via Babel), French as a fallback."""
    if not code:
        return ""
    from babel import Locale

    from .i18n import FORMAT_LOCALES

    language = select_language()
    names = Locale.parse(FORMAT_LOCALES.get(language, language)).territories
    return names.get(code) or Locale.parse("fr").territories.get(code, code)


def flash_error(message) -> None:
    flash(message, "error")


def flash_done(message) -> None:
    flash(message, "success")
