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
