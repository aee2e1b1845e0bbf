"""Cached pages of threads and comment fragments (consult/fragments.py): never stale, never
another reader's token, vote or rights."""

import re

from consult import clock, fragments
from consult.accounts import privacy
from consult.accounts import services as account_services
from consult.comments import services as comment_services
from consult.extensions import db
from consult.moderation import services as moderation

from .test_comments import article, article_url

CSRF_VALUES = re.compile(r'name="csrf_token" value="([^"]+)"')
NEXT_VALUES = re.compile(r'name="next" value="([^"]+)#comment-\d+"')


def page(client, url) -> str:
    response = client.get(url, headers={"Accept-Language": "fr"})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def cache(app) -> fragments.FragmentCache:
    return fragments.cache_for(app)


def test_the_second_anonymous_reading_comes_from_the_cache(app, client, make):
    consultation = make.consultation()
    make.comment(consultation, section=article(consultation), body="Premier avis.")
    first = page(client, article_url(consultation))
    hits = cache(app).hits
    second = page(client, article_url(consultation))
    assert cache(app).hits > hits
    assert CSRF_VALUES.sub("", first) == CSRF_VALUES.sub("", second)
    assert "Premier avis." in second and "\x00" not in second


def test_a_new_comment_shows_at_once_to_anonymous_readers(client, make):
    consultation = make.consultation()
    section = article(consultation)
    make.comment(consultation, section=section, body="Premier avis.")
    assert "Deuxième avis." not in page(client, article_url(consultation))
    make.comment(consultation, section=section, body="Deuxième avis.")
    assert "Deuxième avis." in page(client, article_url(consultation))


def test_a_changed_vote_shows_at_once_although_the_clock_stands_still(client, make):
    consultation = make.consultation()
    comment = make.comment(consultation, section=article(consultation), body="Avis.")
    voter = make.user()
    comment_services.cast_vote(voter, comment, "agree", now=clock.utcnow())
    db.session.commit()
    assert 'data-count="agree">1<' in page(client, article_url(consultation))
    comment_services.cast_vote(voter, comment, "disagree", now=clock.utcnow())
    db.session.commit()
    html = page(client, article_url(consultation))
    assert 'data-count="agree">0<' in html and 'data-count="disagree">1<' in html


def test_hidden_edited_and_withdrawn_comments_change_cached_pages(client, make, frozen_clock):
    consultation = make.consultation()
    section = article(consultation)
    author = make.user()
    hidden = make.comment(consultation, author, section=section, body="Publicité ici.")
    edited = make.comment(consultation, author, section=section, body="Première version.")
    withdrawn = make.comment(consultation, author, section=section, body="Je retire ceci.")
    before = page(client, article_url(consultation))
    assert all(t in before for t in ("Publicité ici.", "Première version.", "Je retire ceci."))

    moderation.hide(make.user(), hidden, "spam", "", frozen_clock())
    comment_services.edit_comment(author, edited, "Seconde version.", now=frozen_clock())
    comment_services.withdraw_comment(author, withdrawn, now=frozen_clock())
    db.session.commit()
    after = page(client, article_url(consultation))
    assert "Publicité ici." not in after and "Hidden by moderation" not in after
    assert "Seconde version." in after and "Première version." not in after
    assert "Je retire ceci." not in after


def test_an_author_renamed_or_deleted_is_shown_so_on_cached_pages(client, make, frozen_clock):
    consultation = make.consultation()
    author = make.user(name="Ancien nom")
    make.comment(consultation, author, section=article(consultation), body="Sur l'article.")
    make.comment(consultation, author, body="Sur le texte entier.")
    assert "Ancien nom" in page(client, article_url(consultation))
    assert "Ancien nom" in page(client, f"/consultations/{consultation.id}")

    account_services.rename(author, "Nouveau nom", frozen_clock())
    db.session.commit()
    assert "Nouveau nom" in page(client, article_url(consultation))
    assert "Nouveau nom" in page(client, f"/consultations/{consultation.id}")

    privacy.delete_account(author, frozen_clock())
    db.session.commit()
    for url in (article_url(consultation), f"/consultations/{consultation.id}"):
        html = page(client, url)
        assert "Nouveau nom" not in html and "Ancien(ne) participant(e)" in html


def test_comments_on_the_whole_text_are_cached_and_refreshed_too(app, client, make):
    consultation = make.consultation()
    make.comment(consultation, body="Sur le texte entier.")
    url = f"/consultations/{consultation.id}"
    page(client, url)
    hits = cache(app).hits
    assert "Sur le texte entier." in page(client, url)
    assert cache(app).hits > hits
    make.comment(consultation, body="Un autre avis général.")
    assert "Un autre avis général." in page(client, url)


def test_each_reader_gets_their_own_csrf_token_and_page_address(app, make):
    consultation = make.consultation()
    make.comment(consultation, section=article(consultation), body="Avis.")
    first, second = app.test_client(), app.test_client()
    html_first = page(first, article_url(consultation))
    html_second = page(second, article_url(consultation, sort="agreed"))
    tokens_first, tokens_second = (
        set(CSRF_VALUES.findall(html_first)),
        set(CSRF_VALUES.findall(html_second)),
    )
    # One token per page, the one of the reader's session (the language switch shows it too).
    assert len(tokens_first) == len(tokens_second) == 1
    assert tokens_first != tokens_second
    assert set(NEXT_VALUES.findall(html_first)) == {article_url(consultation)}
    assert set(NEXT_VALUES.findall(html_second)) == {article_url(consultation, sort="agreed")}


def test_signed_in_readers_see_their_own_vote_and_rights(app, make, login_as, client):
    consultation = make.consultation()
    author, voter, other = make.user(), make.user(), make.user()
    comment = make.comment(consultation, author, section=article(consultation), body="Avis.")
    comment_services.cast_vote(voter, comment, "agree", now=clock.utcnow())
    db.session.commit()

    def pressed_agree(user) -> bool:
        reader = app.test_client()
        with reader.session_transaction() as session:
            session["_user_id"] = str(user.id)
            session["_fresh"] = True
        html = page(reader, article_url(consultation))
        agree = re.search(r'value="agree" class="vote vote-agree" aria-pressed="(\w+)"', html)
        return agree.group(1) == "true", f"/comments/{comment.id}/edit" in html

    assert pressed_agree(voter) == (True, False)
    assert pressed_agree(other) == (False, False)
    assert pressed_agree(author) == (False, True)  # the author may still edit
    assert pressed_agree(voter) == (True, False)


def test_the_cache_keeps_only_the_most_recently_used_fragments():
    store = fragments.FragmentCache(size=2)
    store.put("a", "A")
    store.put("b", "B")
    assert store.get("a") == "A"  # "a" is now the most recently used
    store.put("c", "C")
    assert (store.get("a"), store.get("b"), store.get("c")) == ("A", None, "C")
    assert len(store) == 2
