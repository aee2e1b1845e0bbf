"""Search: Arabic with and without vowels, French accents, Tifinagh with and without the
joiner; only public content; the index follows edits, moderation and withdrawals in the same
transaction; the reader's language first; bounded pages; no query can break it."""

import re

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, text

from consult import clock
from consult.comments import services as comment_services
from consult.consultations.models import Section, Status
from consult.extensions import db
from consult.moderation import services as moderation
from consult.search import queries
from consult.search.models import SearchDocument

from . import test_migrations
from .org_factories import OrgFactories, article, hash_passwords_fast

FRENCH = {"Accept-Language": "fr"}
ARABIC = {"Accept-Language": "ar"}

#: An app on a database without tables (SQLite, and PostgreSQL when configured).
empty_app = test_migrations.empty_app


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    hash_passwords_fast(monkeypatch)


@pytest.fixture
def consultation(make):
    return make.consultation(title={"fr": "Projet de loi sur l'eau", "ar": "مشروع قانون الماء"})


def _search(client, query, headers=FRENCH, **params):
    response = client.get("/search", query_string={"q": query, **params}, headers=headers)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _results(html: str) -> list[str]:
    """The text of each result, in order."""
    found = re.findall(r'<li class="search-result card">(.*?)</li>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item)).strip() for item in found]


def _count(html: str) -> str:
    match = re.search(r'<p class="search-count" role="status">(.*?)</p>', html, re.S)
    return match.group(1).strip() if match else ""


def test_vowelled_and_unvowelled_arabic_find_each_other(client, make, consultation):
    make.comment(consultation, body="يَحِقُّ لِكُلِّ مُوَاطِنٍ الوُصُولُ إِلَى المَعْلُومَاتِ")
    make.comment(consultation, body="أقترح حذف هذه المادة لأن المعلومات ناقصة")
    assert len(_results(_search(client, "مواطن", ARABIC))) == 1
    # Hamza forms and vowels in the query are folded the same way.
    assert len(_results(_search(client, "المَعلومات", ARABIC))) == 2
    assert len(_results(_search(client, "اقترح", ARABIC))) == 1
    assert len(_results(_search(client, "إلى", ARABIC))) == 1


def test_french_accents_and_case_fold(client, make, consultation):
    make.comment(consultation, body="L'École publique doit rester gratuite.")
    make.comment(consultation, body="Une ecole sans frais, c'est essentiel.")
    assert len(_results(_search(client, "école"))) == 2
    assert len(_results(_search(client, "ECOLE"))) == 2
    html = _search(client, "ecole publique")
    assert len(_results(html)) == 1
    assert "<mark>École</mark>" in html


def test_tifinagh_with_and_without_the_joiner(client, make, consultation):
    joined = "ⵜⴰⵎ\u2d7fⵣⵉⵖⵜ"
    make.comment(consultation, body=f"ⴰⴷ ⵉⵍⵉ {joined} ⴳ ⵓⵙⵏⵎⴰⵍ")
    make.comment(consultation, body="ⵜⴰⵎⵣⵉⵖⵜ ⴷ ⵜⵓⵜⵍⴰⵢⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ")
    assert len(_results(_search(client, "ⵜⴰⵎⵣⵉⵖⵜ"))) == 2
    assert len(_results(_search(client, joined))) == 2
    assert len(_results(_search(client, "ⵓⵙⵏⵎⴰⵍ"))) == 1


def test_consultations_and_articles_are_found_and_linked(client, consultation):
    html = _search(client, "eau")
    assert f'href="/consultations/{consultation.id}"' in html
    section = article(consultation, "2")
    html = _search(client, "français article 2", kind="article")
    assert f'href="/consultations/{consultation.id}/articles/{section.slug}"' in html
    assert len(_results(html)) == 1
    assert "Article 2" in _results(html)[0]


def test_a_draft_consultation_is_found_only_once_published(client, make):
    draft = make.consultation(phase="draft", title={"fr": "Avant-projet confidentiel"})
    assert _results(_search(client, "confidentiel")) == []
    assert _results(_search(client, "dispositions")) == []
    draft.schedule()
    db.session.commit()
    assert len(_results(_search(client, "confidentiel"))) == 1
    assert _results(_search(client, "dispositions", kind="article"))
    draft.status = Status.DRAFT
    db.session.commit()
    assert _results(_search(client, "confidentiel")) == []
    assert _results(_search(client, "dispositions")) == []


def test_edit_hide_restore_and_withdraw_update_the_index(client, make, consultation):
    author = make.user()
    comment = make.comment(consultation, author, body="Le barrage de Tiznit est trop petit.")
    assert len(_results(_search(client, "barrage"))) == 1

    comment_services.edit_comment(
        author, comment, "La digue de Tiznit est trop petite.", now=clock.utcnow()
    )
    db.session.commit()
    assert _results(_search(client, "barrage")) == []
    assert len(_results(_search(client, "digue"))) == 1

    moderator = make.user()
    moderator.is_moderator = True
    moderation.hide(moderator, comment, "spam", "", clock.utcnow())
    db.session.commit()
    assert _results(_search(client, "digue")) == []

    moderation.restore(moderator, comment, clock.utcnow())
    db.session.commit()
    assert len(_results(_search(client, "digue"))) == 1

    comment_services.withdraw_comment(author, comment, now=clock.utcnow())
    db.session.commit()
    assert _results(_search(client, "digue")) == []
    assert (
        db.session.scalar(
            select(func.count()).select_from(SearchDocument).where(SearchDocument.kind == "comment")
        )
        == 0
    )


def test_a_change_rolled_back_leaves_the_index_as_it_was(client, make, consultation):
    author = make.user()
    comment = make.comment(consultation, author, body="Le barrage de Tiznit.")
    comment_services.withdraw_comment(author, comment, now=clock.utcnow())
    db.session.rollback()
    assert len(_results(_search(client, "barrage"))) == 1


def test_recommendations_public_only(client, make, consultation):
    org = OrgFactories(make)
    organisation = org.organisation()
    shown = org.recommendation(organisation, consultation, justification="Protéger les oasis.")
    org.recommendation(
        organisation, consultation, justification="Brouillon sur les oasis.", submit=False
    )
    html = _search(client, "oasis")
    assert len(_results(html)) == 1
    assert f'href="/recommendations/{shown.id}"' in html

    moderator = make.user()
    moderator.is_moderator = True
    moderation.hide(moderator, shown, "spam", "", clock.utcnow())
    db.session.commit()
    assert _results(_search(client, "oasis")) == []
    moderation.restore(moderator, shown, clock.utcnow())
    db.session.commit()
    assert len(_results(_search(client, "oasis"))) == 1

    org.withdraw(shown)
    assert _results(_search(client, "oasis")) == []


def test_the_readers_language_comes_first(client, make, consultation):
    make.comment(consultation, body="Vision 2030 : d'accord.")
    make.comment(consultation, body="رؤية 2030 مهمة")
    make.comment(consultation, body="Objectif 2030 trop lointain.")
    in_french = _results(_search(client, "2030", FRENCH, kind="comment"))
    in_arabic = _results(_search(client, "2030", ARABIC, kind="comment"))
    assert len(in_french) == len(in_arabic) == 3
    assert "رؤية" in in_french[2] and "رؤية" not in in_french[0] + in_french[1]
    assert "رؤية" in in_arabic[0]


def test_pages_hold_twenty_results_and_say_how_many(client, make, consultation, monkeypatch):
    author = make.user()
    for n in range(25):
        make.comment(consultation, author, body=f"Remarque numéro {n} sur la sécheresse.")
    first = _search(client, "sécheresse", kind="comment")
    assert len(_results(first)) == 20
    assert _count(first) == "25 résultats"
    assert 'rel="next"' in first
    second = _search(client, "sécheresse", kind="comment", page=2)
    assert len(_results(second)) == 5
    assert set(_results(first)).isdisjoint(_results(second))
    assert _results(_search(client, "sécheresse", kind="comment", page=3)) == []
    # Past the browsable window the count says "more than".
    monkeypatch.setattr(queries, "WINDOW", 10)
    assert _count(_search(client, "sécheresse")).startswith("Plus de 10 résultats")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"eau',
        "eau*",
        "*",
        "NEAR(eau loi)",
        "eau NEAR loi",
        "(eau",
        "eau)",
        "-eau",
        "eau - loi",
        "eau AND",
        "OR NOT",
        "text : eau",
        "language:fr",
        "^eau",
        "eau's & | ! :*",
        "'; DROP TABLE comment; --",
        "\\",
        "\x00",
        "é" * 5000,
        "مواطن " * 500,
    ],
)
def test_no_query_gives_an_error(client, consultation, query):
    html = _search(client, query)
    assert "<h1>Rechercher</h1>" in html


def test_query_words_that_are_fts_keywords_are_plain_words(client, make, consultation):
    make.comment(consultation, body="Le NEAR et le NOT ne sont que des mots.")
    assert len(_results(_search(client, "near not"))) == 1
    assert len(_results(_search(client, "NEAR(near)"))) == 1


def test_a_very_long_query_is_cut_not_refused(client, make, consultation):
    make.comment(consultation, body="Le littoral mérite protection.")
    assert len(_results(_search(client, "littoral " * 2000))) == 1
    # The word cut by the limit is dropped, not searched for half-written.
    assert len(_results(_search(client, "littoral protection " + "x" * 5000))) == 1


def test_extracts_are_escaped_and_marked(client, make, consultation):
    make.comment(consultation, body="<script>alert(1)</script> Le chômage des jeunes.")
    html = _search(client, "chomage")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>chômage</mark>" in html


def test_an_empty_query_shows_the_form_only(client):
    html = _search(client, "")
    assert 'role="search"' in html
    assert "search-count" not in html


def test_the_header_has_a_labelled_search_form(client):
    html = client.get("/", headers=ARABIC).get_data(as_text=True)
    assert re.search(
        r'<form class="site-search" role="search" method="get" action="/search">', html
    )
    assert '<label for="site-search-q"' in html


def test_reindex_command_rebuilds_the_index(app, runner, make, client, consultation):
    make.comment(consultation, body="Les nappes phréatiques baissent.")
    other = make.consultation(title={"fr": "Plan nappes"})
    db.session.execute(SearchDocument.__table__.delete())
    db.session.commit()
    assert _results(_search(client, "nappes")) == []

    result = runner.invoke(args=["search-reindex", str(other.id)])
    assert result.exit_code == 0, result.output
    assert len(_results(_search(client, "nappes"))) == 1

    result = runner.invoke(args=["search-reindex"])
    assert result.exit_code == 0, result.output
    assert len(_results(_search(client, "nappes"))) == 2


def test_one_document_per_language_of_an_article(app, consultation):
    section = article(consultation, "1")
    languages = db.session.scalars(
        select(SearchDocument.language).where(
            SearchDocument.kind == "article", SearchDocument.object_id == section.id
        )
    ).all()
    assert sorted(languages) == ["ar", "fr"]


def test_the_full_text_index_agrees_with_the_table(app, make, consultation):
    for n in range(5):
        make.comment(consultation, body=f"Commentaire {n} sur la nappe.")
    dialect = db.session.get_bind().dialect.name
    if dialect == "sqlite":
        db.session.execute(text("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"))
    table = db.session.scalar(select(func.count()).select_from(SearchDocument))
    assert table > 5
    assert db.session.get(Section, article(consultation, "1").id) is not None


def test_the_migration_indexes_what_the_database_already_holds(empty_app):
    with empty_app.app_context():
        upgrade(revision=test_migrations.FIRST)
        test_migrations._insert_first_revision_rows()
        upgrade(revision="0004")
        rows = db.session.execute(
            select(SearchDocument.kind, SearchDocument.object_id, SearchDocument.language)
        ).all()
        db.session.remove()
        downgrade(revision="0003")
        db.engine.dispose()
    # The scheduled consultation, its article (not the chapter), the visible comment only.
    assert sorted(rows) == [("article", 2, "fr"), ("comment", 1, "fr"), ("consultation", 1, "fr")]


@pytest.mark.parametrize("language", ["ar", "fr", "zgh"])
def test_the_page_is_translated_and_labelled(client, make, consultation, language, monkeypatch):
    make.comment(consultation, body="ⴰⵎⴳⵉⵔⴷ ⵏ ⵜⵎⵓⵔⵜ 2030")
    make.comment(consultation, body="Vision 2030")
    headers = {"Accept-Language": language}
    html = _search(client, "2030", headers)
    assert f'<html lang="{language}"' in html
    assert '<label for="search-page-q">' in html and '<label for="search-page-kind">' in html
    assert len(_results(html)) == 2
    _search(client, "introuvable", headers)  # the "nothing matches" message
    _search(client, "«»", headers)  # the "type letters" message
    monkeypatch.setattr(queries, "WINDOW", 1)
    _search(client, "2030", headers)  # the "more than" message


def test_what_the_index_still_holds_is_checked_before_it_is_shown(client, make, consultation):
    comment = make.comment(consultation, body="La sécheresse menace les oasis.")
    # A change that bypassed the ORM (a bulk script, say) leaves the index behind.
    db.session.execute(
        text("UPDATE comment SET status = 'hidden' WHERE id = :id"), {"id": comment.id}
    )
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(SearchDocument)) > 0
    assert _results(_search(client, "oasis")) == []
