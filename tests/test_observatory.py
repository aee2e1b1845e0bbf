"""The observatory: the platform's figures by institution and year, from stored counters."""

from collections import Counter
from datetime import timedelta

from consult import clock
from consult.extensions import db

from .org_factories import page, plain
from .test_api import seed_world


def _world_with_a_second_institution(make, monkeypatch):
    world = seed_world(make, monkeypatch)
    # A consultation of another institution, held and closed the year before.
    other = make.consultation(
        phase="closed",
        institution=make.institution(
            slug="ministry-of-schools", name={"fr": "Ministère des Écoles"}
        ),
    )
    other.closes_at = clock.utcnow() - timedelta(days=400)
    other.opens_at = other.closes_at - timedelta(days=30)
    make.comment(world["open"])  # an open consultation is held too
    db.session.commit()
    return world, other


def test_the_api_gives_figures_by_institution_and_year_of_closing(client, make, monkeypatch):
    world, other = _world_with_a_second_institution(make, monkeypatch)
    body = client.get("/api/v1/observatory").get_json()
    water = world["consultation"]
    # The draft is not held: two consultations of the ministry of water, one of schools.
    assert body["totals"]["consultations"] == 3
    assert body["totals"]["recommendations"] == 1
    assert body["totals"]["answered"] == 1
    assert body["totals"]["answered_share"] == 1.0
    assert body["totals"]["participants"] == (
        water.participant_count + world["open"].participant_count + other.participant_count
    )
    by_slug = {row["institution"]["slug"]: row for row in body["by_institution"]}
    assert by_slug["ministry-of-water"]["consultations"] == 2
    assert by_slug["ministry-of-water"]["comments"] == water.comment_count + 1
    assert by_slug["ministry-of-schools"]["consultations"] == 1
    assert by_slug["ministry-of-schools"]["answered_share"] == 0
    years = {row["year"]: row["consultations"] for row in body["by_year"]}
    held = [water, world["open"], other]
    assert years == dict(Counter(c.closes_at.year for c in held))
    assert list(years) == sorted(years)


def test_the_figures_never_count_comment_rows(client, make, monkeypatch, count_queries):
    _world_with_a_second_institution(make, monkeypatch)
    with count_queries() as counted:
        assert client.get("/api/v1/observatory").status_code == 200
    reads = [s.lower() for s in counted.statements if s.lstrip().lower().startswith("select")]
    assert len(reads) <= 4
    assert not any("from comment" in s for s in reads)


def test_the_page_shows_a_table_per_breakdown_in_french_and_arabic(client, make, monkeypatch):
    _world_with_a_second_institution(make, monkeypatch)
    response = client.get("/observatory", headers={"Accept-Language": "fr"})
    assert response.status_code == 200
    html = page(response)
    assert html.count('<table class="data">') == 2
    assert html.count('<div class="table-wrap">') == 2  # scrolls on its own on a narrow screen
    assert 'scope="col"' in html and 'scope="row"' in html
    text = plain(response)
    assert "Ministère de l'Eau" in text and "Ministère des Écoles" in text
    assert "100 %" in text or "100%" in text  # the ministry of water answered its recommendation
    arabic = client.get("/observatory", headers={"Accept-Language": "ar"})
    assert arabic.status_code == 200
    assert 'dir="rtl"' in page(arabic)


def test_an_empty_platform_says_so(client):
    response = client.get("/observatory", headers={"Accept-Language": "fr"})
    assert response.status_code == 200
    assert "<table" not in page(response)
