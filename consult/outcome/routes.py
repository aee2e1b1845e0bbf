"""The public outcome report, its versions, the officials' publishing page, notifications."""

from datetime import UTC, datetime, time

from flask import abort, redirect, render_template, request, send_file, url_for
from flask_babel import format_date, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import select, update
from sqlalchemy.orm import defer

from .. import background, clock, fragments
from ..accounts.profile import AGE_BRACKETS, GENDERS, REGIONS
from ..consultations.models import Consultation
from ..consultations.routes import get_managed_consultation, get_readable_consultation
from ..errors import DomainError
from ..extensions import db
from ..i18n import select_language
from ..opendata.export import export_publication
from ..pagination import Page, page_number
from ..synthesis.responses import OUTCOME_NAMES
from ..web import flash_done
from . import bp, pdf, services
from .charts import Bar, bar_chart, column_chart
from .forms import PublishForm
from .mail import mail_participants
from .models import Notification, Publication

TYPE_NAMES = {
    "citizen": _l("Citizens in Morocco"),
    "abroad": _l("Moroccans abroad"),
    "organisation_member": _l("Members of organisations"),
}
NOT_GIVEN_NAME = _l("Not given")
RECOMMENDATIONS_PER_PAGE = 50


def _names() -> dict[str, dict]:
    return {
        "participant_types": dict(TYPE_NAMES),
        "regions": {**REGIONS, "abroad": _l("Moroccans abroad")},
        "genders": dict(GENDERS),
        "ages": dict(AGE_BRACKETS),
    }


def _shown(count) -> str:
    return "<5" if count is None else format_decimal(count)


def _charts(indicators: dict) -> list[dict]:
    """The report's charts, with the rows of their data tables."""
    rtl = select_language() == "ar"
    names = _names()
    charts = []
    titles = {
        "participant_types": _("Participants by type"),
        "regions": _("Participants by region"),
        "genders": _("Participants by gender"),
        "ages": _("Participants by age"),
    }
    for key, title in titles.items():
        breakdown = indicators[key]
        bars = [
            Bar(
                str(names[key].get(cell["key"], NOT_GIVEN_NAME)),
                cell["count"],
                _shown(cell["count"]),
            )
            for cell in breakdown["cells"]
        ]
        description = _(
            "%(total)s participants; groups of fewer than 5 people are shown as <5.",
            total=_shown(breakdown["total"]),
        )
        charts.append(
            {
                "id": f"chart-{key}",
                "title": title,
                "svg": bar_chart(f"chart-{key}", title, description, bars, rtl),
                "rows": [(bar.label, bar.shown) for bar in bars],
                "head": (_("Group"), _("Participants")),
            }
        )
    days = [
        Bar(
            format_date(datetime.fromisoformat(day["day"]), "medium"),
            day["contributions"],
            _shown(day["contributions"]),
        )
        for day in indicators["per_day"]
    ]
    if days:
        title = _("Contributions per day")
        charts.append(
            {
                "id": "chart-days",
                "title": title,
                "svg": column_chart(
                    "chart-days",
                    title,
                    _(
                        "Comments, replies and recommendations sent each day, from %(first)s to "
                        "%(last)s.",
                        first=days[0].label,
                        last=days[-1].label,
                    ),
                    days,
                    rtl,
                ),
                "rows": [(bar.label, bar.shown) for bar in days],
                "head": (_("Day"), _("Contributions")),
            }
        )
    articles = [
        Bar(_("Article %(number)s", number=a["article"]), a["comments"], _shown(a["comments"]))
        for a in indicators["per_article"]
    ]
    if articles:
        title = _("Comments per article")
        charts.append(
            {
                "id": "chart-articles",
                "title": title,
                "svg": bar_chart(
                    "chart-articles",
                    title,
                    _("How many comments each article of the draft received."),
                    articles,
                    rtl,
                ),
                "rows": [(bar.label, bar.shown) for bar in articles],
                "head": (_("Article"), _("Comments")),
            }
        )
    return charts


def _publication_or_404(consultation_id: int, version: int | None) -> Publication:
    """The publication without its snapshot, which is large: read it when it is needed."""
    query = (
        select(Publication)
        .options(defer(Publication.snapshot))
        .where(Publication.consultation_id == consultation_id)
    )
    if version is None:
        query = query.order_by(Publication.version.desc()).limit(1)
    else:
        query = query.where(Publication.version == version)
    publication = db.session.scalars(query).first()
    if publication is None:
        abort(404)
    return publication


def _report_context(consultation, publication, page_no: int, per_page: int) -> dict:
    snapshot = publication.snapshot
    recommendations = snapshot["recommendations"]
    page = Page(page_no, per_page, len(recommendations))
    return {
        "consultation": consultation,
        "publication": publication,
        "versions": services.versions(consultation.id),
        "snapshot": snapshot,
        "indicators": snapshot["indicators"],
        "charts": _charts(snapshot["indicators"]),
        "recommendations": recommendations[page.offset : page.offset + page.per_page],
        "page": page,
        "themes_by_id": {theme["id"]: theme for theme in snapshot["themes"]},
        "outcome_names": OUTCOME_NAMES,
        "change_names": CHANGE_NAMES,
    }


@bp.get("/consultations/<int:consultation_id>/outcome")
def report(consultation_id: int):
    """The latest version of the report."""
    return report_version(consultation_id, None)


@bp.get("/consultations/<int:consultation_id>/outcome/v<int:version>")
def report_version(consultation_id: int, version: int | None):
    consultation = get_readable_consultation(consultation_id, with_themes=False)
    publication = _publication_or_404(consultation.id, version)
    page_no = page_number(request.args.get("page"))
    # A publication never changes: its rendered report is kept per page and language, and
    # a cached one needs neither the snapshot nor the charts.
    key = ("report", publication.id, page_no, RECOMMENDATIONS_PER_PAGE, select_language())
    report_html = fragments.cached(key)
    if report_html is not None:
        context = {"consultation": consultation, "publication": publication}
        context.update(versions=services.versions(consultation.id), report_html=report_html)
    else:
        context = _report_context(consultation, publication, page_no, RECOMMENDATIONS_PER_PAGE)
    return render_template("outcome/report.html", report_key=key, **context)


@bp.get("/consultations/<int:consultation_id>/outcome/v<int:version>.pdf")
def report_pdf(consultation_id: int, version: int):
    consultation = get_readable_consultation(consultation_id)
    publication = _publication_or_404(consultation.id, version)
    context = _report_context(consultation, publication, 1, 10**9)
    try:
        path = pdf.report_pdf(publication, select_language(), context)
    except pdf.PdfUnavailable:
        abort(503, _("The PDF cannot be made on this server. Print the page from your browser."))
    name = f"consultation-{consultation.id}-outcome-v{publication.version}-{select_language()}.pdf"
    return send_file(path, mimetype="application/pdf", as_attachment=True, download_name=name)


CHANGE_NAMES = {
    "added": _l("Added"),
    "removed": _l("Removed"),
    "changed": _l("Changed"),
    "unchanged": _l("Unchanged"),
}


# The officials' side.


@bp.route("/manage/consultations/<int:consultation_id>/outcome", methods=["GET", "POST"])
@login_required
def manage(consultation_id: int):
    consultation = get_managed_consultation(consultation_id)
    latest = services.latest(consultation.id)
    form = PublishForm(
        data={
            **{f"summary_{k}": v for k, v in latest.summary.items()},
            **{f"next_{k}": v for k, v in latest.next_steps.items()},
            "next_date": latest.next_date.date() if latest.next_date else None,
        }
        if latest and request.method == "GET"
        else None
    )
    status = 200
    if form.validate_on_submit():
        next_date = (
            datetime.combine(form.next_date.data, time(12), tzinfo=UTC)
            if form.next_date.data
            else None
        )
        try:
            publication = services.publish(
                current_user,
                consultation,
                services.OutcomeFields(
                    summary=form.texts("summary"),
                    next_steps=form.texts("next"),
                    next_date=next_date,
                    change_note=form.texts("note"),
                ),
            )
        except DomainError as error:
            db.session.rollback()
            form.summary_ar.errors = [*form.summary_ar.errors, error.message]
            status = error.status_code
        else:
            db.session.commit()
            link = url_for(
                "outcome.report_version",
                consultation_id=consultation.id,
                version=publication.version,
                _external=True,
            )
            background.run(
                ["outcome-mail", str(publication.id), link],
                lambda: mail_participants(publication.id, link),
            )
            background.run(
                ["opendata-export", str(publication.id)],
                lambda: export_publication(publication.id),
            )
            flash_done(_("The outcome is published. Everyone who took part is told."))
            return redirect(
                url_for(
                    "outcome.report_version",
                    consultation_id=consultation.id,
                    version=publication.version,
                )
            )
    elif request.method == "POST":
        status = 400
    return (
        render_template(
            "outcome/manage.html",
            consultation=consultation,
            form=form,
            latest=latest,
            versions=services.versions(consultation.id),
        ),
        status,
    )


@bp.get("/notifications")
@login_required
def notifications():
    rows = db.session.execute(
        select(Notification, Consultation, Publication)
        .join(Consultation, Consultation.id == Notification.consultation_id)
        .outerjoin(Publication, Publication.id == Notification.publication_id)
        .where(Notification.user_id == current_user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(100)
    ).all()
    return render_template("outcome/notifications.html", rows=rows)


@bp.post("/notifications/read")
@login_required
def mark_read():
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=clock.utcnow())
    )
    db.session.commit()
    return redirect(url_for("outcome.notifications"))
