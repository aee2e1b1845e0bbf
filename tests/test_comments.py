"""The citizen's path on an article: comment, reply, edit, withdraw, vote."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from consult.comments.models import Comment, CommentStatus, Vote
from consult.consultations.models import Consultation, Section
from consult.extensions import db


def article(consultation, number="1") -> Section:
    return db.session.scalars(
        select(Section).where(
            Section.consultation_id == consultation.id,
            Section.number == number,
            Section.kind == "article",
        )
    ).one()


def article_url(consultation, slug="1", **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/consultations/{consultation.id}/articles/{slug}" + (f"?{params}" if params else "")


def post(client, consultation, body, section="1", **extra):
    data = {"body": body, "section": section, **extra}
    return client.post(f"/consultations/{consultation.id}/comments", data=data)


def test_citizen_comments_on_an_article_with_a_stance(client, make, login_as):
    consultation = make.consultation()
    login_as(make.user(name="Amina"))
    response = post(client, consultation, "Je propose de *préciser* ce point.", stance="for")
    assert response.status_code == 302
    assert response.location.endswith(f"/articles/1#comment-{response.location.split('-')[-1]}")

    page = client.get(article_url(consultation)).get_data(as_text=True)
    assert "<em>préciser</em>" in page
    assert "Amina" in page
    comment = db.session.scalars(select(Comment)).one()
    assert comment.stance == "for"
    assert comment.lang == "fr"
    section = article(consultation)
    db.session.refresh(section)
    assert (section.comment_count, section.participant_count, section.thread_count) == (1, 1, 1)


def test_comment_on_the_consultation_as_a_whole(client, make, login_as):
    consultation = make.consultation()
    login_as(make.user())
    response = post(client, consultation, "Remarque générale sur le texte.", section="")
    assert response.status_code == 302
    comment = db.session.scalars(select(Comment)).one()
    assert comment.section_id is None
    page = client.get(f"/consultations/{consultation.id}").get_data(as_text=True)
    assert "Remarque générale sur le texte." in page


def test_arabic_comment_is_marked_with_its_language_and_direction(client, make, login_as):
    consultation = make.consultation()
    login_as(make.user())
    post(client, consultation, "أقترح تعديل هذه المادة")
    page = client.get(article_url(consultation)).get_data(as_text=True)
    assert 'dir="auto" lang="ar"' in page


def test_empty_comment_is_refused_with_a_message(client, make, login_as):
    consultation = make.consultation()
    login_as(make.user())
    response = post(client, consultation, "   ", stance="against")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'role="alert"' in page
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


def test_too_long_comment_is_refused_and_the_text_is_kept(client, make, login_as, app):
    app.config["COMMENT_MAX_LENGTH"] = 50
    consultation = make.consultation()
    login_as(make.user())
    text = "Trop long " * 10
    response = post(client, consultation, text)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Trop long Trop long" in page  # what the user typed is still in the form
    assert 'aria-invalid="true"' in page
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


@pytest.mark.parametrize("phase", ["upcoming", "closed"])
def test_commenting_outside_the_open_period_gives_a_clear_message(client, make, login_as, phase):
    consultation = make.consultation(phase=phase)
    login_as(make.user())
    page = client.get(article_url(consultation))
    assert page.status_code == 200
    assert 'name="body"' not in page.get_data(as_text=True)  # no form offered

    response = post(client, consultation, "Trop tard ou trop tôt")
    assert response.status_code == 403
    assert 'class="notice" role="status"' in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


def test_visitor_sees_comments_but_is_invited_to_sign_in(client, make):
    consultation = make.consultation()
    make.comment(consultation, section=article(consultation), body="Visible pour tous")
    page = client.get(article_url(consultation)).get_data(as_text=True)
    assert "Visible pour tous" in page
    assert "/login?next=" in page
    assert 'name="body"' not in page


def test_posting_without_an_account_redirects_to_sign_in(client, make):
    consultation = make.consultation()
    response = post(client, consultation, "Bonjour")
    assert response.status_code == 302
    assert "/login" in response.location


def test_replies_nest_at_least_three_levels(client, make, login_as):
    consultation = make.consultation()
    section = article(consultation)
    top = make.comment(consultation, section=section, body="Niveau 0")
    parent = top
    login_as(make.user())
    for level in range(1, 4):
        response = client.post(f"/comments/{parent.id}/reply", data={"body": f"Niveau {level}"})
        assert response.status_code == 302
        parent = db.session.scalars(select(Comment).order_by(Comment.id.desc())).first()
        assert parent.depth == level
        assert parent.root_id == top.id
    page = client.get(article_url(consultation)).get_data(as_text=True)
    assert page.index("Niveau 0") < page.index("Niveau 1") < page.index("Niveau 3")
    assert page.count('class="replies"') == 3
    db.session.refresh(top)
    assert top.discussion_count == 3
    assert top.reply_count == 1


def test_reply_page_shows_the_comment_answered(client, make, login_as):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation), body="Question initiale")
    login_as(make.user())
    page = client.get(f"/comments/{comment.id}/reply").get_data(as_text=True)
    assert "Question initiale" in page
    assert 'name="body"' in page


def test_author_edits_within_fifteen_minutes_but_not_after(client, make, login_as, frozen_clock):
    consultation = make.consultation()
    author = make.user()
    comment = make.comment(consultation, author, section=article(consultation), body="Premier jet")
    login_as(author)
    frozen_clock.advance(minutes=14)
    response = client.post(f"/comments/{comment.id}/edit", data={"body": "Version corrigée"})
    assert response.status_code == 302
    db.session.refresh(comment)
    assert comment.body_source == "Version corrigée"
    assert comment.edited_at is not None

    frozen_clock.advance(minutes=2)
    response = client.post(f"/comments/{comment.id}/edit", data={"body": "Trop tard"})
    assert response.status_code == 302  # back to the thread with a message
    db.session.refresh(comment)
    assert comment.body_source == "Version corrigée"


def test_only_the_author_can_edit(client, make, login_as):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation))
    login_as(make.user())
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403


def test_withdrawn_comment_leaves_a_placeholder_and_keeps_replies(client, make, login_as):
    consultation = make.consultation()
    section = article(consultation)
    author = make.user()
    comment = make.comment(consultation, author, section=section, body="Je retire ceci")
    make.comment(consultation, section=section, parent=comment, body="Réponse qui reste")
    login_as(author)
    response = client.post(f"/comments/{comment.id}/withdraw", data={})
    assert response.status_code == 302
    page = client.get(article_url(consultation)).get_data(as_text=True)
    assert "Je retire ceci" not in page
    assert 'class="placeholder"' in page
    assert "Réponse qui reste" in page
    db.session.refresh(comment)
    assert comment.status == CommentStatus.WITHDRAWN
    db.session.refresh(section)
    assert section.comment_count == 1


def test_someone_else_cannot_withdraw_a_comment(client, make, login_as):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation))
    login_as(make.user())
    response = client.post(f"/comments/{comment.id}/withdraw", data={})
    assert response.status_code == 403
    db.session.refresh(comment)
    assert comment.status == CommentStatus.VISIBLE


def test_one_vote_per_person_and_comment_which_can_change(client, make, login_as):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation))
    voter = login_as(make.user())
    assert client.post(f"/comments/{comment.id}/vote", data={"value": "agree"}).status_code == 303
    assert client.post(f"/comments/{comment.id}/vote", data={"value": "agree"}).status_code == 303
    db.session.refresh(comment)
    assert (comment.agree_count, comment.disagree_count) == (1, 0)

    client.post(f"/comments/{comment.id}/vote", data={"value": "disagree"})
    db.session.refresh(comment)
    assert (comment.agree_count, comment.disagree_count, comment.pass_count) == (0, 1, 0)
    votes = db.session.scalars(select(Vote).where(Vote.user_id == voter.id)).all()
    assert [v.value.value for v in votes] == ["disagree"]
    consultation = db.session.get(Consultation, consultation.id)
    db.session.refresh(consultation)
    assert consultation.vote_count == 1
    assert consultation.participant_count == 2  # the author and the voter

    page = client.get(article_url(consultation)).get_data(as_text=True)
    assert 'value="disagree" class="vote vote-disagree" aria-pressed="true"' in page


def test_vote_with_javascript_returns_the_new_counts(client, make, login_as):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation))
    login_as(make.user())
    response = client.post(
        f"/comments/{comment.id}/vote",
        data={"value": "pass"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json["value"] == "pass"
    assert response.json["counts"] == {"agree": 0, "disagree": 0, "pass": 1}


@pytest.mark.parametrize("value", ["", "maybe", "AGREE"])
def test_unknown_vote_value_is_a_400(client, make, login_as, value):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation))
    login_as(make.user())
    response = client.post(f"/comments/{comment.id}/vote", data={"value": value})
    assert response.status_code == 400
    assert 'class="error-message"' in response.get_data(as_text=True)


def test_vote_on_a_withdrawn_comment_is_refused(client, make, login_as):
    consultation = make.consultation()
    author = make.user()
    comment = make.comment(consultation, author, section=article(consultation))
    login_as(author)
    client.post(f"/comments/{comment.id}/withdraw", data={})
    login_as(make.user())
    response = client.post(f"/comments/{comment.id}/vote", data={"value": "agree"})
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(Vote)) == 0


def test_vote_after_closing_is_refused(client, make, login_as, frozen_clock):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation))
    login_as(make.user())
    frozen_clock.advance(days=40)
    response = client.post(f"/comments/{comment.id}/vote", data={"value": "agree"})
    assert response.status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Vote)) == 0


@pytest.mark.parametrize(
    "url",
    [
        "/comments/999999/vote",
        "/comments/999999/withdraw",
        "/consultations/999999/comments",
    ],
)
def test_actions_on_unknown_items_are_404(client, make, login_as, url):
    login_as(make.user())
    assert client.post(url, data={"value": "agree", "body": "x"}).status_code == 404


def test_comment_on_an_unknown_article_is_404(client, make, login_as):
    consultation = make.consultation()
    login_as(make.user())
    assert post(client, consultation, "Bonjour", section="99").status_code == 404


def test_sort_orders(client, make):
    consultation = make.consultation()
    section = article(consultation)
    old = make.comment(consultation, section=section, body="Ancien et discuté")
    liked = make.comment(consultation, section=section, body="Très approuvé")
    newest = make.comment(consultation, section=section, body="Le plus récent")
    for _ in range(3):
        make.comment(consultation, section=section, parent=old, body="réponse")
    from consult import clock
    from consult.comments.services import cast_vote

    for _ in range(2):
        cast_vote(make.user(), liked, "agree", now=clock.utcnow())
    db.session.commit()

    def first_of(sort):
        page = client.get(article_url(consultation, sort=sort)).get_data(as_text=True)
        positions = {c.id: page.index(f'id="comment-{c.id}"') for c in (old, liked, newest)}
        return min(positions, key=positions.get)

    assert first_of("newest") == newest.id
    assert first_of("agreed") == liked.id
    assert first_of("discussed") == old.id


def test_threads_are_paginated(client, make, app):
    app.config["COMMENTS_PER_PAGE"] = 5
    consultation = make.consultation()
    section = article(consultation)
    for i in range(12):
        make.comment(consultation, section=section, body=f"Commentaire numéro {i:02d}")
    page1 = client.get(article_url(consultation)).get_data(as_text=True)
    page3 = client.get(article_url(consultation, page=3)).get_data(as_text=True)
    assert "Commentaire numéro 11" in page1 and "Commentaire numéro 00" not in page1
    assert "Commentaire numéro 00" in page3 and "Commentaire numéro 11" not in page3
    assert 'rel="next"' in page1
    # A page past the end or a malformed page number shows a page, never an error.
    assert client.get(article_url(consultation, page=99)).status_code == 200
    assert client.get(article_url(consultation, page="abc")).status_code == 200


def test_links_in_comments_are_nofollow_and_scripts_never_run(client, make, login_as):
    consultation = make.consultation()
    login_as(make.user())
    post(
        client,
        consultation,
        "[source](https://example.org/a) <script>alert(1)</script> [x](javascript:alert(2))",
    )
    page = client.get(article_url(consultation)).get_data(as_text=True)
    assert 'href="https://example.org/a" rel="nofollow ugc noopener"' in page
    assert "<script>alert(1)" not in page
    assert 'href="javascript:' not in page


def _seed_comments(make, consultation, section, n):
    users = [make.user() for _ in range(5)]
    from consult import clock
    from consult.comments.services import cast_vote, post_comment

    roots = []
    for i in range(n):
        parent = roots[-1] if roots and i % 3 == 0 else None
        comment = post_comment(
            users[i % 5],
            consultation,
            f"Commentaire {i}",
            section=section,
            parent=parent,
            now=clock.utcnow(),
        )
        if parent is None:
            roots.append(comment)
        cast_vote(users[(i + 1) % 5], comment, "agree", now=clock.utcnow())
    db.session.commit()
    return users[0]


@pytest.mark.parametrize("signed_in", [False, True])
def test_article_page_runs_the_same_number_of_queries_at_10_and_500_comments(
    client, make, login_as, count_queries, signed_in
):
    counts = []
    for n in (10, 500):
        consultation = make.consultation()
        section = article(consultation)
        reader = _seed_comments(make, consultation, section, n)
        if signed_in:
            login_as(reader)
        db.session.expire_all()
        with count_queries() as counted:
            response = client.get(article_url(consultation))
        assert response.status_code == 200
        counts.append(counted.n)
    assert counts[0] == counts[1], counts
    print(
        f"article page queries (signed_in={signed_in}): 10 comments={counts[0]}, "
        f"500 comments={counts[1]}"
    )


def test_comment_times_follow_morocco_clock_changes(client, make, frozen_clock):
    """Morocco is UTC+1, but UTC+0 during Ramadan (10 March 2026 falls in it)."""
    import re

    consultation = make.consultation()
    section = article(consultation)
    make.comment(consultation, section=section, body="Pendant le ramadan")
    frozen_clock.advance(days=20)  # 30 March 2026, after Ramadan
    make.comment(consultation, section=section, body="Après le ramadan")
    page = client.get(article_url(consultation), headers={"Accept-Language": "fr"})
    times = re.findall(r"<time datetime=\"[^\"]+\">([^<]+)</time>", page.get_data(as_text=True))
    assert times == ["30 mars 2026 11:00", "10 mars 2026 10:00"]


def test_edit_window_is_measured_from_creation(app, make, frozen_clock):
    from consult import permissions

    consultation = make.consultation()
    author = make.user()
    comment = make.comment(consultation, author, section=article(consultation))
    assert permissions.can_edit_comment(author, comment, frozen_clock() + timedelta(minutes=15))
    assert not permissions.can_edit_comment(
        author, comment, frozen_clock() + timedelta(minutes=15, seconds=1)
    )
