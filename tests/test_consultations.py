"""Visitors browse consultations and read a draft article by article, without an account."""

from sqlalchemy import select

from consult.consultations.models import Phase, Section
from consult.extensions import db


def test_list_shows_open_consultations_by_default(client, make):
    make.consultation(phase="open", title={"fr": "Loi ouverte"})
    make.consultation(phase="upcoming", title={"fr": "Loi à venir"})
    make.consultation(phase="closed", title={"fr": "Loi close"})
    make.consultation(phase="draft", title={"fr": "Brouillon secret"})
    page = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Loi ouverte" in page
    assert "Loi à venir" not in page and "Loi close" not in page
    assert "Brouillon secret" not in page

    upcoming = client.get("/?tab=upcoming").get_data(as_text=True)
    assert "Loi à venir" in upcoming and "Loi ouverte" not in upcoming
    closed = client.get("/?tab=closed").get_data(as_text=True)
    assert "Loi close" in closed and "Brouillon secret" not in closed


def test_list_filters_by_institution_and_theme(client, make):
    justice = make.institution(slug="justice")
    make.consultation(institution=justice, themes=["governance"], title={"fr": "Justice A"})
    make.consultation(themes=["youth"], title={"fr": "Jeunesse B"})
    by_institution = client.get("/?institution=justice").get_data(as_text=True)
    assert "Justice A" in by_institution and "Jeunesse B" not in by_institution
    by_theme = client.get("/?theme=youth").get_data(as_text=True)
    assert "Jeunesse B" in by_theme and "Justice A" not in by_theme


def test_unknown_filters_and_tabs_are_ignored(client, make):
    make.consultation(title={"fr": "Toujours là"})
    for query in ("?tab=zzz", "?theme=<script>", "?page=-4", "?page=abc"):
        response = client.get("/" + query)
        assert response.status_code == 200
        assert "Toujours là" in response.get_data(as_text=True)


def test_consultation_page_shows_summary_contents_and_counts(client, make):
    consultation = make.consultation(articles=4)
    make.comment(consultation)
    page = client.get(f"/consultations/{consultation.id}").get_data(as_text=True)
    for number in range(1, 5):
        assert f"/consultations/{consultation.id}/articles/{number}" in page
    assert "Un résumé." in page or "ملخص." in page
    assert "<dd>4</dd>" in page  # articles
    assert "<dd>1</dd>" in page  # one comment, one participant


def test_draft_consultation_is_hidden_from_the_public(client, make, login_as):
    consultation = make.consultation(phase="draft")
    assert client.get(f"/consultations/{consultation.id}").status_code == 404
    login_as(make.user())
    assert client.get(f"/consultations/{consultation.id}").status_code == 404


def test_official_of_the_institution_previews_a_draft_consultation(client, make, login_as):
    consultation = make.consultation(phase="draft")
    login_as(make.official(consultation.institution))
    assert client.get(f"/consultations/{consultation.id}").status_code == 200


def test_article_page_shows_text_navigation_and_table_of_contents(client, make):
    consultation = make.consultation(articles=3)
    page = client.get(
        f"/consultations/{consultation.id}/articles/2", headers={"Accept-Language": "fr"}
    ).get_data(as_text=True)
    assert "Texte français de l&#39;article 2." in page
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert 'aria-current="page"' in page
    assert f"/consultations/{consultation.id}/articles/3" in page


def test_same_article_is_shown_after_switching_language(client, make):
    consultation = make.consultation()
    url = f"/consultations/{consultation.id}/articles/2"
    french = client.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Texte français de l&#39;article 2." in french
    response = client.post("/language/ar", data={"next": url})
    assert response.status_code == 302 and response.location == url
    arabic = client.get(url).get_data(as_text=True)
    assert "النص العربي للمادة 2." in arabic
    assert '<html lang="ar" dir="rtl">' in arabic


def test_missing_language_falls_back_visibly(client, make):
    consultation = make.consultation(languages=("fr",))
    client.post("/language/zgh", data={})
    page = client.get(f"/consultations/{consultation.id}/articles/1").get_data(as_text=True)
    assert "Texte français de l&#39;article 1." in page
    article_part = page.split('id="article-title"')[1]
    note = article_part.split('class="fallback-note"')[1].split("</p>")[0]
    assert "ⵜⴰⵎⴰⵣⵉⵖⵜ" in note and "Français" in note
    assert 'class="article-body" lang="fr" dir="ltr"' in page


def test_article_with_suffix_number_has_a_readable_address(client, make, app):
    consultation = make.consultation(articles=1)
    from datetime import timedelta

    from consult import clock
    from consult.consultations.services import DraftItem, store_draft_language

    # Add "7 bis" through the service, while the consultation could still change.
    consultation.status = consultation.status.__class__("draft")
    store_draft_language(
        None,
        consultation,
        "fr",
        [DraftItem("article", "1", "", "Un."), DraftItem("article", "7 bis", "Suite", "Deux.")],
        "",
        clock.utcnow() - timedelta(days=2),
    )
    consultation.status = consultation.status.__class__("scheduled")
    db.session.commit()
    response = client.get(f"/consultations/{consultation.id}/articles/7-bis")
    assert response.status_code == 200
    assert "Deux." in response.get_data(as_text=True)


def test_unknown_or_malformed_addresses_are_404(client, make):
    consultation = make.consultation()
    for url in (
        "/consultations/999999",
        "/consultations/abc",
        f"/consultations/{consultation.id}/articles/999",
        f"/consultations/{consultation.id}/articles/chapter-1",  # a heading, not an article
        "/consultations/99999999999999999999999",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "<h1>" in response.get_data(as_text=True)


def test_phase_follows_the_dates(app, make, frozen_clock):
    consultation = make.consultation(phase="upcoming")
    assert consultation.phase == Phase.UPCOMING
    frozen_clock.advance(days=2)
    assert consultation.phase == Phase.OPEN
    frozen_clock.advance(days=40)
    assert consultation.phase == Phase.CLOSED


def test_phase_in_sql_matches_phase_in_python(app, make, frozen_clock):
    from consult.consultations.models import Consultation

    for phase in ("draft", "upcoming", "open", "closed"):
        make.consultation(phase=phase)
    rows = db.session.execute(select(Consultation, Consultation.phase)).all()
    assert len(rows) == 4
    for consultation, sql_phase in rows:
        assert sql_phase == consultation.phase.value


def test_sections_keep_their_order_with_chapters_first(app, make):
    consultation = make.consultation(articles=3)
    kinds = db.session.scalars(
        select(Section.kind)
        .where(Section.consultation_id == consultation.id)
        .order_by(Section.position)
    ).all()
    assert kinds == ["chapter", "article", "article", "article"]


def test_consultation_page_says_when_the_text_is_in_another_language(client, make):
    consultation = make.consultation(languages=("ar",))
    page = client.get(f"/consultations/{consultation.id}?lang=fr").get_data(as_text=True)
    contents = page.split('id="summary-title"')[1]
    assert 'class="fallback-note"' in contents.split('id="toc-title"')[0]
    french = make.consultation(languages=("fr",))
    page = client.get(f"/consultations/{french.id}?lang=fr").get_data(as_text=True)
    assert 'class="fallback-note"' not in page.split('id="stats-title"')[1]
