"""Reports, the moderators' queue, hiding with a reason, blocking, the audit log."""

import pytest
from sqlalchemy import func, select

from consult.audit import AuditEvent
from consult.comments.models import CommentStatus
from consult.consultations.models import Section
from consult.extensions import db
from consult.moderation.models import Flag, FlagStatus


def _article(consultation):
    return db.session.scalars(
        select(Section).where(Section.consultation_id == consultation.id, Section.kind == "article")
    ).first()


@pytest.fixture
def reported(make):
    consultation = make.consultation()
    author = make.user(name="Auteur")
    comment = make.comment(
        consultation, author, section=_article(consultation), body="Achetez des montres"
    )
    return consultation, author, comment


def _moderator(make):
    moderator = make.user(name="Modératrice")
    moderator.is_moderator = True
    db.session.commit()
    return moderator


def test_a_report_needs_a_reason_and_is_recorded_once(client, make, login_as, reported):
    _consultation, _author, comment = reported
    login_as(make.user())
    url = f"/moderation/report/comment/{comment.id}"
    assert client.get(url).status_code == 200
    assert client.post(url, data={"reason": "nonsense"}).status_code == 400
    assert client.post(url, data={"reason": "spam", "note": "pub"}).status_code == 302
    assert client.post(url, data={"reason": "spam"}).status_code == 409
    assert db.session.scalar(select(func.count()).select_from(Flag)) == 1


def test_authors_cannot_report_themselves(client, login_as, reported):
    _consultation, author, comment = reported
    login_as(author)
    response = client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "spam"})
    assert response.status_code == 403


def test_three_different_reporters_hide_content_until_reviewed(
    client, make, login_as, reported, app
):
    consultation, _author, comment = reported
    for number in range(3):
        login_as(make.user())
        client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "abuse"})
        db.session.refresh(comment)
        assert (comment.status == CommentStatus.HIDDEN) == (number == 2)
    page = client.get(f"/consultations/{consultation.id}/articles/1").get_data(as_text=True)
    assert "Achetez des montres" not in page
    assert 'class="placeholder"' in page

    login_as(_moderator(make))
    assert client.post(f"/moderation/comment/{comment.id}/dismiss", data={}).status_code == 302
    db.session.refresh(comment)
    assert comment.status == CommentStatus.VISIBLE
    statuses = set(db.session.scalars(select(Flag.status)))
    assert statuses == {FlagStatus.DISMISSED}


def test_the_threshold_is_configurable(client, make, login_as, reported, app):
    app.config["FLAGS_TO_HIDE"] = 1
    _consultation, _author, comment = reported
    login_as(make.user())
    client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "spam"})
    db.session.refresh(comment)
    assert comment.status == CommentStatus.HIDDEN


def test_moderator_hides_with_a_reason_shown_in_the_thread_and_restores(
    client, make, login_as, reported
):
    consultation, _author, comment = reported
    login_as(make.user())
    client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "spam"})
    login_as(_moderator(make))
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Achetez des montres" in queue
    response = client.post(
        f"/moderation/comment/{comment.id}/hide",
        data={"reason": "spam", "note": "publicité commerciale"},
    )
    assert response.status_code == 302
    db.session.refresh(comment)
    assert (comment.status, comment.hidden_reason) == (CommentStatus.HIDDEN, "spam")
    assert comment.body_source == "Achetez des montres"  # hidden, never edited
    page = client.get(f"/consultations/{consultation.id}/articles/1").get_data(as_text=True)
    assert "publicité commerciale" in page and "Achetez des montres" not in page
    assert "Achetez des montres" not in client.get("/moderation/").get_data(as_text=True)

    client.post(f"/moderation/comment/{comment.id}/restore", data={})
    db.session.refresh(comment)
    assert comment.status == CommentStatus.VISIBLE
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"moderation.flag", "moderation.hide", "moderation.restore"} <= actions


def test_queue_is_for_moderators_only(client, make, login_as):
    assert client.get("/moderation/").status_code == 302
    login_as(make.user())
    assert client.get("/moderation/").status_code == 403
    login_as(make.user(admin=True))
    assert client.get("/moderation/").status_code == 200


def test_queue_filters_and_orders_oldest_first(client, make, login_as, frozen_clock):
    consultation = make.consultation()
    section = _article(consultation)
    first = make.comment(consultation, section=section, body="Premier signalé")
    second = make.comment(consultation, section=section, body="Second signalé")
    reporter = make.user()
    login_as(reporter)
    client.post(f"/moderation/report/comment/{first.id}", data={"reason": "spam"})
    frozen_clock.advance(minutes=5)
    client.post(f"/moderation/report/comment/{second.id}", data={"reason": "off_topic"})
    login_as(_moderator(make))
    page = client.get("/moderation/").get_data(as_text=True)
    assert page.index("Premier signalé") < page.index("Second signalé")
    only_spam = client.get("/moderation/?reason=spam").get_data(as_text=True)
    assert "Premier signalé" in only_spam and "Second signalé" not in only_spam


def test_blocked_user_cannot_post_and_is_told_why(client, make, login_as, reported):
    consultation, author, _comment = reported
    login_as(_moderator(make))
    assert client.post(f"/moderation/users/{author.id}/block", data={}).status_code == 302
    login_as(author)
    response = client.post(
        f"/consultations/{consultation.id}/comments", data={"body": "Encore moi", "section": "1"}
    )
    assert response.status_code == 403
    page = client.get(f"/consultations/{consultation.id}/articles/1").get_data(as_text=True)
    assert 'class="notice" role="status"' in page


def test_audit_log_is_visible_to_administrators_and_exports_as_csv(
    client, make, login_as, reported
):
    _consultation, _author, comment = reported
    login_as(make.user())
    client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "spam"})
    assert client.get("/admin/audit").status_code == 403
    login_as(make.user(admin=True))
    page = client.get("/admin/audit?action=moderation.").get_data(as_text=True)
    assert "moderation.flag" in page and "consultation.create" not in page
    export = client.get("/admin/audit.csv")
    assert export.headers["Content-Disposition"].startswith("attachment")
    lines = export.get_data(as_text=True).splitlines()
    assert lines[0].startswith("id,at_utc,actor_id")
    assert any(",moderation.flag,comment," in line for line in lines)


def test_administrator_grants_the_moderator_role(client, make, login_as):
    person = make.user(email="future.moderator@example.org")
    login_as(make.user(admin=True))
    client.post(
        "/admin/moderators", data={"email": "Future.Moderator@example.org", "grant": "grant"}
    )
    db.session.refresh(person)
    assert person.is_moderator


# --- Recommendations are reported and moderated like comments -------------------------------


@pytest.fixture
def recommended(make):
    from .org_factories import OrgFactories

    consultation = make.consultation()
    org = OrgFactories(make)
    recommendation = org.recommendation(
        org.organisation(), consultation, justification="Vendez-nous vos données"
    )
    return consultation, recommendation


def test_a_recommendation_is_reported_hidden_with_the_reason_shown_and_restored(
    client, make, login_as, recommended
):
    from consult.recommendations.models import Recommendation

    _consultation, recommendation = recommended
    url = f"/recommendations/{recommendation.id}"
    login_as(make.user())
    report = f"/moderation/report/recommendation/{recommendation.id}"
    assert (
        client.post(report, data={"reason": "personal_data", "note": "numéros"}).status_code == 302
    )
    assert client.post(report, data={"reason": "spam"}).status_code == 409
    login_as(_moderator(make))
    queue = client.get("/moderation/?type=recommendation").get_data(as_text=True)
    assert "Vendez-nous vos données" in queue and "numéros" in queue
    response = client.post(
        f"/moderation/recommendation/{recommendation.id}/hide",
        data={"reason": "abuse", "note": "propos injurieux"},
    )
    assert response.status_code == 302
    recommendation = db.session.get(Recommendation, recommendation.id)
    db.session.refresh(recommendation)
    assert (recommendation.hidden_reason, recommendation.hidden_note) == (
        "abuse",
        "propos injurieux",
    )
    assert recommendation.justification == "Vendez-nous vos données"  # hidden, not edited
    page = client.get(url).get_data(as_text=True)
    assert 'class="placeholder"' in page and "propos injurieux" in page
    assert "Vendez-nous vos données" not in page
    listing = client.get(f"/consultations/{recommendation.consultation_id}/recommendations")
    assert "Vendez-nous vos données" not in listing.get_data(as_text=True)

    client.post(f"/moderation/recommendation/{recommendation.id}/restore", data={})
    db.session.refresh(recommendation)
    assert recommendation.hidden_reason is None
    assert "Vendez-nous vos données" in client.get(url).get_data(as_text=True)
    events = db.session.execute(
        select(AuditEvent.action, AuditEvent.target_type).where(
            AuditEvent.action.startswith("moderation.")
        )
    ).all()
    assert {
        ("moderation.flag", "recommendation"),
        ("moderation.hide", "recommendation"),
        ("moderation.restore", "recommendation"),
    } <= set(events)


def test_three_different_reporters_hide_a_recommendation_until_reviewed(
    client, make, login_as, recommended, app
):
    _consultation, recommendation = recommended
    for number in range(3):
        login_as(make.user())
        client.post(
            f"/moderation/report/recommendation/{recommendation.id}", data={"reason": "spam"}
        )
        db.session.refresh(recommendation)
        assert (recommendation.hidden_reason is not None) == (number == 2)
    page = client.get(f"/recommendations/{recommendation.id}").get_data(as_text=True)
    assert "Vendez-nous vos données" not in page and 'class="placeholder"' in page
    login_as(_moderator(make))
    client.post(f"/moderation/recommendation/{recommendation.id}/dismiss", data={})
    db.session.refresh(recommendation)
    assert recommendation.hidden_reason is None
    assert set(db.session.scalars(select(Flag.status))) == {FlagStatus.DISMISSED}


def test_the_same_person_reporting_three_times_hides_nothing(client, make, login_as, reported):
    _consultation, _author, comment = reported
    login_as(make.user())
    for reason in ("spam", "abuse", "other"):
        client.post(f"/moderation/report/comment/{comment.id}", data={"reason": reason})
    db.session.refresh(comment)
    assert comment.status == CommentStatus.VISIBLE


# --- The queue ----------------------------------------------------------------------------


def test_queue_is_paginated_oldest_first_across_pages(client, make, login_as, frozen_clock):
    consultation = make.consultation()
    section = _article(consultation)
    comments = [
        make.comment(consultation, section=section, body=f"Signalement numéro {n:02d}")
        for n in range(23)
    ]
    login_as(make.user())
    for comment in comments:
        client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "spam"})
        frozen_clock.advance(minutes=1)
    login_as(_moderator(make))
    first = client.get("/moderation/").get_data(as_text=True)
    second = client.get("/moderation/?page=2").get_data(as_text=True)

    def shown_numbers(page):
        return [n for n in range(23) if f"Signalement numéro {n:02d}" in page]

    assert shown_numbers(first) == list(range(20))
    assert shown_numbers(second) == [20, 21, 22]
    assert first.index("numéro 00") < first.index("numéro 01") < first.index("numéro 19")
    assert "page=2" in first


def test_queue_filters_by_kind_of_content(client, make, login_as, reported, recommended):
    _c, _a, comment = reported
    _c2, recommendation = recommended
    login_as(make.user())
    client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "spam"})
    client.post(f"/moderation/report/recommendation/{recommendation.id}", data={"reason": "spam"})
    login_as(_moderator(make))
    everything = client.get("/moderation/").get_data(as_text=True)
    comments = client.get("/moderation/?type=comment").get_data(as_text=True)
    recommendations = client.get("/moderation/?type=recommendation").get_data(as_text=True)
    assert "Achetez des montres" in everything and "Vendez-nous vos données" in everything
    assert "Achetez des montres" in comments and "Vendez-nous vos données" not in comments
    assert "Vendez-nous vos" in recommendations and "Achetez des montres" not in recommendations


def test_each_queue_item_lists_its_own_reports_when_a_comment_and_a_recommendation_share_an_id(
    client, make, login_as, reported, recommended
):
    from sqlalchemy import update

    from consult.comments.models import Comment
    from consult.recommendations.models import Recommendation

    _c, _a, comment = reported
    _c2, recommendation = recommended
    # Give both the same id, as happens in any database with both kinds of content.
    shared = max(comment.id, recommendation.id) + 1000
    db.session.execute(update(Comment).where(Comment.id == comment.id).values(id=shared))
    db.session.execute(
        update(Recommendation).where(Recommendation.id == recommendation.id).values(id=shared)
    )
    db.session.commit()
    db.session.expunge_all()
    login_as(make.user())
    client.post(
        f"/moderation/report/comment/{shared}", data={"reason": "spam", "note": "note-sur-avis"}
    )
    client.post(
        f"/moderation/report/recommendation/{shared}",
        data={"reason": "other", "note": "note-sur-recommandation"},
    )
    login_as(_moderator(make))
    cards = client.get("/moderation/").get_data(as_text=True).split('<li class="card">')[1:]
    [comment_card] = [c for c in cards if "Achetez des montres" in c]
    [recommendation_card] = [c for c in cards if "Vendez-nous vos" in c]
    assert "note-sur-avis" in comment_card and "note-sur-recommandation" not in comment_card
    assert "note-sur-recommandation" in recommendation_card
    assert "note-sur-avis" not in recommendation_card


# --- Blocking, and what moderators cannot do ----------------------------------------------


def test_a_blocked_person_is_told_why_and_can_neither_comment_vote_nor_support(
    client, make, login_as, reported, recommended
):
    from .org_factories import shown

    consultation, author, comment = reported
    _c2, recommendation = recommended
    voter = make.user()
    login_as(_moderator(make))
    client.post(f"/moderation/users/{voter.id}/block", data={})
    login_as(voter)
    message = shown("Your account cannot post at the moment.")
    article_url = f"/consultations/{consultation.id}/articles/1"
    assert message in _page_text(client.get(article_url))
    refused = client.post(
        f"/consultations/{consultation.id}/comments", data={"body": "Encore", "section": "1"}
    )
    assert refused.status_code == 403 and message in _page_text(refused)
    assert client.post(f"/comments/{comment.id}/vote", data={"value": "agree"}).status_code == 403
    support = client.post(f"/recommendations/{recommendation.id}/support", data={})
    assert support.status_code == 403
    db.session.refresh(comment)
    db.session.refresh(recommendation)
    assert (comment.agree_count, recommendation.support_count) == (0, 0)

    login_as(_moderator(make))
    client.post(f"/moderation/users/{voter.id}/unblock", data={})
    login_as(voter)
    assert client.post(f"/comments/{comment.id}/vote", data={"value": "agree"}).status_code == 303
    db.session.refresh(comment)
    assert comment.agree_count == 1


def test_moderators_hide_but_never_change_what_was_written(client, make, login_as, reported):
    _consultation, _author, comment = reported
    login_as(_moderator(make))
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403
    edit = client.post(f"/comments/{comment.id}/edit", data={"body": "Texte réécrit"})
    assert edit.status_code == 403
    client.post(
        f"/moderation/comment/{comment.id}/hide",
        data={"reason": "spam", "note": "n", "body": "Texte réécrit"},
    )
    db.session.refresh(comment)
    assert comment.body_source == "Achetez des montres"
    assert "Texte réécrit" not in comment.body_html


def _page_text(response) -> str:
    import html

    return html.unescape(response.get_data(as_text=True))


# --- The audit log ------------------------------------------------------------------------


def test_every_moderation_decision_is_in_the_audit_log_with_its_actor(
    client, make, login_as, reported
):
    _consultation, author, comment = reported
    reporters = [make.user() for _ in range(3)]
    for reporter in reporters:
        login_as(reporter)
        client.post(f"/moderation/report/comment/{comment.id}", data={"reason": "spam"})
    moderator = _moderator(make)
    login_as(moderator)
    client.post(f"/moderation/comment/{comment.id}/dismiss", data={})
    client.post(f"/moderation/comment/{comment.id}/hide", data={"reason": "abuse", "note": "x"})
    client.post(f"/moderation/comment/{comment.id}/restore", data={})
    client.post(f"/moderation/users/{author.id}/block", data={})
    client.post(f"/moderation/users/{author.id}/unblock", data={})
    events = db.session.execute(
        select(AuditEvent.action, AuditEvent.actor_id)
        .where(AuditEvent.action.startswith("moderation."))
        .order_by(AuditEvent.id)
    ).all()
    assert events == [
        *[("moderation.flag", r.id) for r in reporters[:2]],
        ("moderation.flag", reporters[2].id),
        ("moderation.auto_hide", None),
        ("moderation.dismiss", moderator.id),
        ("moderation.hide", moderator.id),
        ("moderation.restore", moderator.id),
        ("moderation.block", moderator.id),
        ("moderation.unblock", moderator.id),
    ]


def test_the_audit_log_cannot_be_changed_or_deleted_through_the_application(make):
    from consult import audit

    make.consultation()
    event = db.session.scalars(select(AuditEvent)).first()
    event.action = "consultation.forged"
    with pytest.raises(audit.AppendOnly):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(audit.AppendOnly):
        db.session.flush()
    db.session.rollback()
    assert db.session.get(AuditEvent, event.id).action == "consultation.create"


def test_the_audit_export_holds_every_event_not_only_one_page(client, make, login_as):
    import csv
    import io

    from consult import audit
    from consult.admin.routes import AUDIT_PER_PAGE

    moderator = _moderator(make)
    targets = [make.user() for _ in range(AUDIT_PER_PAGE + 5)]
    for target in targets:  # more than a page of the log
        audit.record(moderator, "moderation.block", target, reason="")
    db.session.commit()
    login_as(make.user(admin=True))
    export = client.get("/admin/audit.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(export)))
    total = db.session.scalar(select(func.count()).select_from(AuditEvent))
    assert len(rows) == 1 + total and total >= AUDIT_PER_PAGE + 5
    blocked = {int(r[6]) for r in rows[1:] if r[4] == "moderation.block"}
    assert blocked == {t.id for t in targets}
