"""The published outcome: indicators with small cells suppressed, versions that never change,
draft against final text, notices to participants."""

import random
from pathlib import Path

import pytest
from sqlalchemy import func, select

from consult.consultations import services as consultation_services
from consult.extensions import db
from consult.outcome import indicators
from consult.outcome.indicators import SMALL_CELL, suppress
from consult.outcome.models import Notification, Publication
from consult.recommendations.models import Recommendation

from .org_factories import article, committed, page, plain
from .test_synthesis_workspace import (
    scene,  # noqa: F401 (the closed consultation)
    start,
    url,
)


def test_small_cells_are_hidden_and_cannot_be_recovered_from_the_total():
    rng = random.Random(9)
    for _ in range(2000):
        counts = {
            f"k{i}": rng.choice([0, 1, 2, 4, 5, 6, 9, 30, 200]) for i in range(rng.randint(1, 8))
        }
        breakdown = suppress(counts)
        total = sum(counts.values())
        hidden = [cell for cell in breakdown.cells if cell.hidden]
        for cell in breakdown.cells:
            if 0 < cell.count < SMALL_CELL:
                assert cell.hidden, counts
        if total < SMALL_CELL:
            assert breakdown.total_hidden == (total > 0)
            assert all(cell.hidden for cell in breakdown.cells if cell.count)
        else:
            # With the total shown, one hidden cell would be the total minus the others.
            assert len(hidden) != 1, counts
        published = breakdown.to_dict()
        assert all(
            c["count"] is None or c["count"] == 0 or c["count"] >= SMALL_CELL
            for c in published["cells"]
        )


def test_suppression_examples():
    assert suppress({"a": 3, "b": 50, "c": 7}).to_dict() == {
        "total": 60,
        "cells": [
            {"key": "a", "count": None},
            {"key": "b", "count": 50},
            {"key": "c", "count": None},  # else a = 60 - 50 - 7
        ],
    }
    assert suppress({"a": 2, "b": 1}).to_dict() == {
        "total": None,
        "cells": [{"key": "a", "count": None}, {"key": "b", "count": None}],
    }
    assert suppress({"a": 0, "b": 12}).to_dict()["cells"] == [
        {"key": "a", "count": 0},
        {"key": "b", "count": 12},
    ]


FINAL_FR = "Article 1\nLe premier article adopté.\n\nArticle 2\n{body}\n\nArticle 3\n{three}\n"


def _store_final(closed, body: str) -> None:
    consultation = closed["consultation"]
    draft = {
        number: (article(consultation, number).body or {}).get("fr", "")
        for number in ("1", "2", "3")
    }
    items = [
        consultation_services.DraftItem("article", "1", "", draft["1"]),
        consultation_services.DraftItem("article", "2", "", body),
        consultation_services.DraftItem("article", "3", "", draft["3"]),
    ]
    consultation_services.store_draft_language(
        closed["official"], consultation, "fr", items, "", _now(), final=True
    )
    db.session.commit()


def _now():
    from consult import clock

    return clock.utcnow()


def _publish(client, closed, **data):
    fields = {
        "summary_fr": "Le ministère retient trois axes.",
        "next_fr": "Le texte part au Parlement.",
    }
    fields.update(data)
    return client.post(f"/manage/consultations/{closed['consultation'].id}/outcome", data=fields)


@pytest.fixture
def answered(client, login_as, scene):  # noqa: F811
    login_as(scene["official"])
    start(client, scene)
    recommendation = scene["recommendations"][0]
    response = client.post(
        url(scene, f"recommendations/{recommendation.id}"),
        data={
            "outcome": "accepted",
            "justification_fr": "Le droit à l'eau entre à l'article 2.",
            "articles": "2",
        },
    )
    assert response.status_code == 302
    _store_final(scene, "Toute personne a droit à l'eau potable et à un environnement sain.")
    return scene


def test_publishing_freezes_the_report_and_tells_participants(client, answered, app):
    consultation = answered["consultation"]
    response = _publish(client, answered, next_date="2026-06-01")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/consultations/{consultation.id}/outcome/v1")
    committed()
    publication = db.session.scalar(select(Publication))
    assert publication.version == 1
    assert db.session.get(type(consultation), consultation.id).phase.value == "published"

    client.get("/logout")
    report = page(client.get(f"/consultations/{consultation.id}/outcome"))
    assert "Le ministère retient trois axes." in report
    assert "Le texte part au Parlement." in report
    assert "Le droit à l'eau entre à l'article 2." in report
    assert "<ins>" in client.get(f"/consultations/{consultation.id}/outcome").get_data(as_text=True)
    assert f'href="#recommendation-{answered["recommendations"][0].id}"' in report
    # The figures: every participant is counted, small groups are hidden.
    figures = publication.snapshot["indicators"]
    assert figures["participants"] == len(
        {p.id for p in answered["people"]}
        | {
            r.author_id
            for r in db.session.scalars(select(Recommendation))
            if r.status.value != "withdrawn"
        }
    )
    for key in ("regions", "genders", "ages", "participant_types"):
        cells = figures[key]["cells"]
        assert all(c["count"] is None or c["count"] == 0 or c["count"] >= 5 for c in cells)
    assert "<5" in report
    # Everyone who took part is told, in the site and by e-mail (to the outbox here).
    notices = db.session.scalar(select(func.count()).select_from(Notification))
    assert notices == figures["participants"]
    outbox = list((Path(app.instance_path) / "outbox").glob("*.eml"))
    assert len(outbox) >= notices


def test_a_correction_is_a_new_version_and_the_first_stays_as_it_was(client, answered):
    consultation = answered["consultation"]
    assert _publish(client, answered).status_code == 302
    recommendation = answered["recommendations"][0]
    client.post(
        url(answered, f"recommendations/{recommendation.id}"),
        data={"outcome": "partly_accepted", "justification_fr": "En partie seulement."},
    )
    refused = _publish(client, answered)
    assert refused.status_code == 400
    assert "Indiquez ce que change cette nouvelle version" in page(refused)
    assert _publish(client, answered, note_fr="Réponse corrigée.").status_code == 302
    first = page(client.get(f"/consultations/{consultation.id}/outcome/v1"))
    second = page(client.get(f"/consultations/{consultation.id}/outcome/v2"))
    assert "Le droit à l'eau entre à l'article 2." in first and "En partie seulement." not in first
    assert "En partie seulement." in second and "Réponse corrigée." in second
    assert "Une version plus récente de ce rapport existe." in first
    committed()
    publication = db.session.scalar(select(Publication).where(Publication.version == 1))
    publication.summary = {"fr": "réécrit"}
    with pytest.raises(ValueError, match="immutable"):
        db.session.flush()
    db.session.rollback()


def test_the_report_waits_for_publication_and_reads_in_every_language(client, answered):
    consultation = answered["consultation"]
    assert client.get(f"/consultations/{consultation.id}/outcome").status_code == 404
    _publish(client, answered)
    for lang in ("ar", "fr", "zgh"):
        response = client.get(f"/consultations/{consultation.id}/outcome?lang={lang}")
        assert response.status_code == 200, lang
        assert 'role="img"' in response.get_data(as_text=True)
    shown = plain(client.get(f"/consultations/{consultation.id}?lang=fr"))
    assert "Lire le résultat de la consultation" in shown


def test_participants_read_their_notifications(client, answered, login_as):
    _publish(client, answered)
    login_as(answered["people"][0])
    body = page(client.get("/notifications"))
    assert "Nouveau" in body and "Projet de loi test" in body
    client.post("/notifications/read")
    committed()
    assert (
        db.session.scalar(
            select(func.count()).where(
                Notification.user_id == answered["people"][0].id, Notification.read_at.is_(None)
            )
        )
        == 0
    )


def test_indicators_count_replies_and_outcomes(answered):
    figures = indicators.compute(answered["consultation"])
    assert figures.comments == 30 and figures.replies == 0
    assert figures.recommendations == 2 and figures.answered == 1
    assert figures.outcomes["accepted"] == 1
    assert figures.organisations == 2


def _weasyprint_or_skip():
    import os

    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: the system's Pango is missing
        if os.environ.get("CI"):
            raise
        pytest.skip(f"WeasyPrint cannot run here ({error}); `make test` installs Pango as root")


def test_the_report_downloads_as_a_pdf_in_each_script(client, answered):
    _weasyprint_or_skip()
    _publish(
        client,
        answered,
        summary_ar="قرر الوزارة ثلاثة محاور.",
        summary_zgh="ⵜⵙⵜⴰⵢ ⵜⵎⴰⵡⴰⵙⵜ ⴽⵕⴰⴹ ⵉⵙⵏⵜⵍⵏ.",
    )
    fonts = {"ar": b"Noto-Naskh-Arabic", "zgh": b"Noto-Sans-Tifinagh", "fr": b"Noto-Sans"}
    for lang, font in fonts.items():
        response = client.get(
            f"/consultations/{answered['consultation'].id}/outcome/v1.pdf?lang={lang}"
        )
        data = response.get_data()
        response.close()
        assert response.status_code == 200, lang
        assert response.mimetype == "application/pdf"
        assert data.startswith(b"%PDF-")
        # The script's own font is embedded: its letters are drawn, not boxes.
        assert font in _embedded_fonts(data), (lang, _embedded_fonts(data))


def _embedded_fonts(pdf: bytes) -> bytes:
    """The /BaseFont names of a PDF, from its (compressed) object streams too."""
    import re
    import zlib

    names = re.findall(rb"/BaseFont\s*/([\w+\-]+)", pdf)
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            names += re.findall(rb"/BaseFont\s*/([\w+\-]+)", zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
    return b" ".join(names)


def test_a_report_is_rendered_once_and_still_announces_a_newer_version(client, answered, app):
    from consult import fragments

    consultation = answered["consultation"]
    assert _publish(client, answered).status_code == 302
    report_url = f"/consultations/{consultation.id}/outcome/v1?lang=fr"
    first = page(client.get(report_url))
    hits = fragments.cache_for(app).hits
    again = page(client.get(report_url))
    assert fragments.cache_for(app).hits > hits  # the report body came from the cache
    assert "Le droit à l'eau entre à l'article 2." in again and 'role="img"' in again
    assert "Une version plus récente de ce rapport existe." not in first + again

    recommendation = answered["recommendations"][0]
    client.post(
        url(answered, f"recommendations/{recommendation.id}"),
        data={"outcome": "partly_accepted", "justification_fr": "En partie seulement."},
    )
    assert _publish(client, answered, note_fr="Réponse corrigée.").status_code == 302
    old = page(client.get(report_url))
    assert "Une version plus récente de ce rapport existe." in old
    assert "En partie seulement." not in old
    assert "En partie seulement." in page(client.get(report_url.replace("/v1", "/v2")))
