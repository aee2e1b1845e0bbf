"""Recommendations: drafting, submitting, withdrawing, attachments, co-signatures and support."""

import io
import re
from pathlib import Path

import pytest
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from consult.comments.models import Comment
from consult.consultations.models import Consultation, Section
from consult.extensions import db
from consult.recommendations import attachments
from consult.recommendations.models import (
    CoSignature,
    Recommendation,
    RecommendationStatus,
    Support,
)

from .org_factories import (
    MINIMAL_PDF,
    OrgFactories,
    article,
    committed,
    count_of,
    hash_passwords_fast,
    page,
    plain,
    shown,
)

FRENCH = {"Accept-Language": "fr"}


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    hash_passwords_fast(monkeypatch)


@pytest.fixture
def org(make):
    return OrgFactories(make)


@pytest.fixture
def uploads(app, tmp_path, monkeypatch):
    """Attachments go to a temporary instance folder, never the developer's instance/."""
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    return tmp_path / "uploads" / "recommendations"


@pytest.fixture
def world(make, org):
    """An open consultation, a verified organisation and its representative."""
    consultation = make.consultation()
    representative = make.user(name="Représentante")
    organisation = org.organisation(
        representative, name={"fr": "Association Tamkine"}, region="souss-massa"
    )
    return consultation, organisation, representative


def new_url(consultation) -> str:
    return f"/consultations/{consultation.id}/recommendations/new"


def form(organisation, action="submit", **fields) -> dict:
    data = {
        "organisation": str(organisation.id),
        "target": "1",
        "kind": "general",
        "language": "fr",
        "proposed_wording": "",
        "justification": "Le texte doit nommer les associations.",
        "action": action,
    }
    data.update(fields)
    return data


def only_recommendation() -> Recommendation:
    committed()
    return db.session.scalars(select(Recommendation)).one()


def counts(consultation, number="1") -> tuple[int, int]:
    committed()
    return (
        db.session.get(Consultation, consultation.id).recommendation_count,
        article(consultation, number).recommendation_count,
    )


# --- Submitting each kind ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "target", "wording"),
    [
        ("amend", "1", "Texte français révisé de l'article 1."),
        ("add", "1", "Un alinéa nouveau sur la consultation des associations."),
        ("delete", "1", ""),
        ("general", "1", ""),
        ("add", "", "Un article nouveau à la fin du texte."),
        ("general", "", ""),
    ],
)
def test_a_verified_organisation_submits_each_kind(client, login_as, world, kind, target, wording):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(organisation, kind=kind, target=target, proposed_wording=wording),
    )
    assert response.status_code == 302
    recommendation = only_recommendation()
    assert response.location.endswith(f"/recommendations/{recommendation.id}")
    assert recommendation.status == RecommendationStatus.SUBMITTED
    assert (recommendation.kind, recommendation.organisation_id) == (kind, organisation.id)
    assert recommendation.author_id == representative.id
    expected_section = article(consultation).id if target else None
    assert recommendation.section_id == expected_section
    assert counts(consultation) == (1, 1 if target else 0)

    text = page(client.get(response.location))
    assert shown("Submitted") in text
    assert "Le texte doit nommer les associations." in text
    assert "Association Tamkine" in text


def test_an_amendment_is_shown_as_a_word_diff(client, login_as, world):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(
            organisation,
            kind="amend",
            proposed_wording="Texte arabe de l'article 1 et ses annexes.",
        ),
    )
    text = page(client.get(response.location))
    # Current wording: "Texte français de l'article 1."
    assert "<del>français </del><ins>arabe </ins>" in text
    assert "<del>1.</del><ins>1 et ses annexes.</ins>" in text


@pytest.mark.parametrize("kind", ["amend", "delete"])
def test_amending_or_deleting_needs_an_article(client, login_as, world, kind):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(organisation, kind=kind, target="", proposed_wording="Une phrase."),
    )
    assert response.status_code == 400
    text = page(response)
    assert shown("Choose the article to amend or delete.") in text
    assert "Une phrase." in text
    assert count_of(Recommendation) == 0


@pytest.mark.parametrize(
    ("language", "wording"),
    [("fr", "Texte français de l'article 2."), ("ar", "النص العربي للمادة 2.")],
)
def test_load_the_current_wording_prefills_the_article_in_the_chosen_language(
    client, login_as, world, language, wording
):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(
            organisation,
            action="prefill",
            kind="amend",
            target="2",
            language=language,
            justification="Gardée pendant le chargement.",
        ),
    )
    assert response.status_code == 200
    text = page(response)
    textarea = re.search(r'<textarea[^>]*name="proposed_wording"[^>]*>(.*?)</textarea>', text, re.S)
    assert textarea and textarea.group(1).strip() == wording
    assert "Gardée pendant le chargement." in text
    assert count_of(Recommendation) == 0


def test_the_form_opens_on_the_article_it_comes_from(client, login_as, world):
    consultation, _organisation, representative = world
    login_as(representative)
    text = page(client.get(new_url(consultation) + "?article=3"))
    assert re.search(r'<option selected value="3">|<option value="3" selected>', text)


# --- Drafts -----------------------------------------------------------------------------------


def test_a_draft_is_seen_only_by_its_organisation(client, make, login_as, org, world):
    consultation, organisation, representative = world
    colleague = org.representative_of(organisation)
    login_as(representative)
    response = client.post(new_url(consultation), data=form(organisation, action="draft"))
    assert response.status_code == 302
    draft = only_recommendation()
    assert draft.status == RecommendationStatus.DRAFT
    assert counts(consultation) == (0, 0)
    url = f"/recommendations/{draft.id}"
    assert shown("This is a draft: only your organisation's representatives see it.") in page(
        client.get(url)
    )
    listing = page(client.get(f"/consultations/{consultation.id}/recommendations"))
    assert shown("Your organisation's drafts") in listing

    login_as(colleague)
    assert client.get(url).status_code == 200

    outsiders = [make.user(), make.user(admin=True), org._first_representative(org.organisation())]
    for outsider in outsiders:
        login_as(outsider)
        assert client.get(url).status_code == 404
        assert client.get(url + "/edit").status_code == 404
        listing = page(client.get(f"/consultations/{consultation.id}/recommendations"))
        assert "Le texte doit nommer les associations." not in listing
    client.post("/logout")
    assert client.get(url).status_code == 404


def test_a_draft_is_edited_then_submitted(client, login_as, world):
    consultation, organisation, representative = world
    login_as(representative)
    client.post(
        new_url(consultation),
        data=form(organisation, action="draft", justification="Première idée."),
    )
    draft = only_recommendation()
    edit_url = f"/recommendations/{draft.id}/edit"
    assert "Première idée." in page(client.get(edit_url))

    response = client.post(
        edit_url,
        data=form(organisation, action="draft", target="2", justification="Idée mûrie."),
    )
    assert response.status_code == 302
    draft = only_recommendation()
    assert (draft.status, draft.justification) == (RecommendationStatus.DRAFT, "Idée mûrie.")
    assert draft.section_id == article(consultation, "2").id

    response = client.post(f"/recommendations/{draft.id}/submit")
    assert response.status_code == 302
    submitted = only_recommendation()
    assert submitted.status == RecommendationStatus.SUBMITTED
    assert submitted.id == draft.id
    assert counts(consultation, "2") == (1, 1)
    # Once public, it is no longer a draft to edit.
    assert client.get(edit_url).status_code == 403


def test_the_edit_form_submits_a_draft_directly(client, login_as, world):
    consultation, organisation, representative = world
    login_as(representative)
    client.post(new_url(consultation), data=form(organisation, action="draft"))
    draft = only_recommendation()
    response = client.post(f"/recommendations/{draft.id}/edit", data=form(organisation))
    assert response.status_code == 302
    assert only_recommendation().status == RecommendationStatus.SUBMITTED
    assert counts(consultation) == (1, 1)


def test_a_justification_is_required_to_submit(client, login_as, world):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(
            organisation,
            kind="amend",
            proposed_wording="Ma rédaction à ne pas perdre.",
            justification="   ",
        ),
    )
    assert response.status_code == 400
    text = page(response)
    assert shown("Explain why: the justification is required.") in text
    assert "Ma rédaction à ne pas perdre." in text
    assert count_of(Recommendation) == 0

    # A draft may wait for its justification, but cannot be submitted without it.
    client.post(
        new_url(consultation),
        data=form(organisation, action="draft", justification=""),
    )
    draft = only_recommendation()
    response = client.post(f"/recommendations/{draft.id}/submit")
    assert response.status_code == 400
    assert shown("Explain why: the justification is required.") in page(response)
    assert only_recommendation().status == RecommendationStatus.DRAFT
    assert counts(consultation) == (0, 0)


def test_submitting_after_the_close_is_refused_and_keeps_the_text(
    client, login_as, world, frozen_clock
):
    consultation, organisation, representative = world
    login_as(representative)
    client.post(new_url(consultation), data=form(organisation, action="draft"))
    draft = only_recommendation()
    frozen_clock.advance(days=30)
    closed = shown("This consultation is closed: it no longer accepts recommendations.")

    response = client.post(
        new_url(consultation),
        data=form(organisation, justification="Envoyée une minute trop tard."),
    )
    assert response.status_code == 403
    text = page(response)
    assert closed in text
    assert "Envoyée une minute trop tard." in text

    response = client.post(f"/recommendations/{draft.id}/submit")
    assert response.status_code == 403
    assert closed in page(response)
    assert only_recommendation().status == RecommendationStatus.DRAFT
    assert counts(consultation) == (0, 0)


def test_withdrawing_keeps_the_recommendation_visible_and_updates_the_counts(
    client, login_as, world
):
    consultation, organisation, representative = world
    login_as(representative)
    client.post(new_url(consultation), data=form(organisation))
    recommendation = only_recommendation()
    assert counts(consultation) == (1, 1)

    response = client.post(f"/recommendations/{recommendation.id}/withdraw")
    assert response.status_code == 302
    withdrawn = only_recommendation()
    assert withdrawn.status == RecommendationStatus.WITHDRAWN
    assert withdrawn.withdrawn_at is not None
    assert counts(consultation) == (0, 0)

    client.post("/logout")
    response = client.get(f"/recommendations/{recommendation.id}", headers=FRENCH)
    assert response.status_code == 200
    text = page(response)
    assert shown("Withdrawn") in text and "Le texte doit nommer les associations." in text
    # A withdrawn recommendation cannot be withdrawn again.
    login_as(representative)
    assert client.post(f"/recommendations/{recommendation.id}/withdraw").status_code == 409
    assert counts(consultation) == (0, 0)


def test_withdrawing_after_the_close_is_refused(client, login_as, world, frozen_clock):
    consultation, organisation, representative = world
    login_as(representative)
    client.post(new_url(consultation), data=form(organisation))
    recommendation = only_recommendation()
    frozen_clock.advance(days=30)
    response = client.post(f"/recommendations/{recommendation.id}/withdraw")
    assert response.status_code == 403
    assert only_recommendation().status == RecommendationStatus.SUBMITTED
    assert counts(consultation) == (1, 1)


def test_consultation_and_article_pages_show_the_counts(client, org, world):
    consultation, organisation, _representative = world
    org.recommendation(organisation, consultation, article_number="1")
    org.recommendation(organisation, consultation, article_number="1", kind="delete")
    org.recommendation(organisation, consultation)  # the whole text
    org.recommendation(organisation, consultation, article_number="2")
    org.recommendation(organisation, consultation, article_number="1", submit=False)  # a draft
    assert counts(consultation, "1") == (4, 2)

    text = plain(client.get(f"/consultations/{consultation.id}", headers=FRENCH))
    assert f"{shown('Recommendations')} 4" in text
    article_page = page(client.get(f"/consultations/{consultation.id}/articles/1", headers=FRENCH))
    two = shown("%(num)s recommendation", plural="%(num)s recommendations", num=2)
    assert two in article_page
    assert f"/consultations/{consultation.id}/recommendations?article=1" in article_page


# --- Lists: filters and sorts -----------------------------------------------------------------


@pytest.fixture
def listed(make, org, frozen_clock):
    """Four public recommendations and a draft from two organisations, a minute apart."""
    consultation = make.consultation()
    souss = org.organisation(
        name={"fr": "Tamkine"}, region="souss-massa", domains=["climate", "gender_equality"]
    )
    oriental = org.organisation(
        name={"fr": "Oasis"}, region="oriental", domains=["education"], kind="cooperative"
    )
    network = org.network(region="oriental")
    recommendations = {}
    for label, organisation, kind, number in [
        ("R-amend-1", souss, "amend", "1"),
        ("R-general", souss, "general", None),
        ("R-add-2", oriental, "add", "2"),
        ("R-delete-1", oriental, "delete", "1"),
    ]:
        frozen_clock.advance(minutes=1)
        recommendations[label] = org.recommendation(
            organisation,
            consultation,
            kind=kind,
            article_number=number,
            wording=f"Rédaction {label}" if kind in ("amend", "add") else "",
            justification=f"Justification {label}",
        )
    org.recommendation(souss, consultation, justification="Justification R-draft", submit=False)
    # R-add-2 is withdrawn; R-general has the most co-signatures, R-delete-1 the most support.
    r = recommendations
    org.withdraw(r["R-add-2"])
    org.cosign(r["R-general"], oriental)
    org.cosign(r["R-general"], network)
    org.cosign(r["R-amend-1"], network)
    for _ in range(3):
        org.support(r["R-delete-1"])
    org.support(r["R-amend-1"])
    return consultation, souss, oriental


def listed_labels(client, consultation, query="") -> list[str]:
    text = page(client.get(f"/consultations/{consultation.id}/recommendations?{query}"))
    return re.findall(r"Justification (R-[\w-]+)", text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"R-amend-1", "R-general", "R-add-2", "R-delete-1"}),
        ("kind=amend", {"R-amend-1"}),
        ("kind=general", {"R-general"}),
        ("status=withdrawn", {"R-add-2"}),
        ("status=submitted", {"R-amend-1", "R-general", "R-delete-1"}),
        ("status=draft", {"R-amend-1", "R-general", "R-add-2", "R-delete-1"}),
        ("region=souss-massa", {"R-amend-1", "R-general"}),
        ("region=oriental", {"R-add-2", "R-delete-1"}),
        ("domain=climate", {"R-amend-1", "R-general"}),
        ("domain=education", {"R-add-2", "R-delete-1"}),
        ("domain=health", set()),
        ("article=1", {"R-amend-1", "R-delete-1"}),
        ("article=2", {"R-add-2"}),
        ("article=1&region=oriental", {"R-delete-1"}),
    ],
)
def test_the_list_filters(client, listed, query, expected):
    consultation, _souss, _oriental = listed
    labels = listed_labels(client, consultation, query)
    assert set(labels) == expected
    assert len(labels) == len(expected)  # each once, and never the draft


def test_the_list_filters_by_organisation(client, listed):
    consultation, souss, oriental = listed
    assert set(listed_labels(client, consultation, f"organisation={souss.id}")) == {
        "R-amend-1",
        "R-general",
    }
    assert set(listed_labels(client, consultation, f"organisation={oriental.id}")) == {
        "R-add-2",
        "R-delete-1",
    }


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["R-delete-1", "R-add-2", "R-general", "R-amend-1"]),
        ("cosigned", ["R-general", "R-amend-1", "R-delete-1", "R-add-2"]),
        ("supported", ["R-delete-1", "R-amend-1", "R-add-2", "R-general"]),
    ],
)
def test_the_list_sorts(client, listed, sort, expected):
    consultation, _souss, _oriental = listed
    assert listed_labels(client, consultation, f"sort={sort}") == expected


def test_the_organisation_page_lists_what_it_submitted_and_cosigned(client, listed):
    consultation, souss, oriental = listed
    text = page(client.get(f"/organisations/{oriental.id}", headers=FRENCH))
    links = set(re.findall(r"/recommendations/(\d+)\"", text))
    committed()
    expected = {
        str(r.id)
        for r in db.session.scalars(select(Recommendation))
        if r.status != RecommendationStatus.DRAFT
        and (r.organisation_id == oriental.id or r.justification.endswith("R-general"))
    }
    assert links == expected


# --- Attachments ------------------------------------------------------------------------------


def download_status(client, url) -> int:
    with client.get(url) as response:  # a file response holds the file open until closed
        return response.status_code


def upload(data: bytes, name: str):
    return (io.BytesIO(data), name, "application/pdf")


def test_a_pdf_memo_is_stored_and_downloaded_as_an_attachment(client, login_as, world, uploads):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(organisation, attachment=upload(MINIMAL_PDF, "Mémo d'été <final>.pdf")),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    recommendation = only_recommendation()
    assert recommendation.attachment_size == len(MINIMAL_PDF)
    # Stored under a random name in the instance folder, never the uploader's.
    assert [p.name for p in uploads.iterdir()] == [recommendation.attachment_key]
    assert "Mémo" not in recommendation.attachment_key

    client.post("/logout")
    with client.get(f"/recommendations/{recommendation.id}/attachment") as response:
        body = response.get_data()
    assert response.status_code == 200
    assert body == MINIMAL_PDF
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert re.search(r'filename="?Memo-d-ete-final\.pdf"?$', disposition), disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_download_name_is_safe_ascii():
    assert (
        attachments.download_name("Mémo d'été (version 2).pdf", "x") == "Memo-d-ete-version-2.pdf"
    )
    assert attachments.download_name("../../etc/passwd", "x") == "passwd.pdf"
    assert attachments.download_name("مذكرة.pdf", "recommendation-7") == "recommendation-7.pdf"


@pytest.mark.parametrize(
    "data",
    [
        b"<html><script>alert(1)</script></html>",
        b"MZ\x90\x00\x03 an executable renamed",
        b"%PDF-1.4 a header and nothing else",
    ],
)
def test_a_file_that_is_not_a_pdf_is_refused_by_its_content(client, login_as, world, uploads, data):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(
            organisation,
            justification="Ma justification gardée.",
            attachment=upload(data, "memo.pdf"),
        ),
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    text = page(response)
    assert shown("The memo must be a PDF file.") in text
    assert "Ma justification gardée." in text
    assert count_of(Recommendation) == 0
    assert not uploads.exists() or not any(uploads.iterdir())


def test_a_memo_over_the_limit_is_refused(client, login_as, world, uploads, monkeypatch):
    large = MINIMAL_PDF.replace(b"trailer", b"%" + b"x" * 2000 + b"\ntrailer")
    attachments.check_pdf(large)  # a valid PDF, too large only for the lowered limit
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 1024)
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(
            organisation,
            justification="Gardée malgré le fichier.",
            attachment=upload(large, "gros.pdf"),
        ),
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    text = page(response)
    assert shown("The memo is too large: at most 10 MB.") in text
    assert "Gardée malgré le fichier." in text
    assert count_of(Recommendation) == 0


def test_a_nine_megabyte_memo_passes_with_csrf_on_as_users_send_it(
    app, client, login_as, world, uploads
):
    # The site-wide request limit is lower than the memo's 10 MB.
    assert app.config["MAX_CONTENT_LENGTH"] < attachments.MAX_ATTACHMENT_BYTES
    app.config["WTF_CSRF_ENABLED"] = True
    consultation, organisation, representative = world
    login_as(representative)
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', page(client.get(new_url(consultation)))
    ).group(1)
    memo = MINIMAL_PDF.replace(b"trailer", b"%" + b"x" * (9 * 1024 * 1024) + b"\ntrailer")
    attachment = FileStorage(io.BytesIO(memo), "memo.pdf", content_type="application/pdf")
    data = {**form(organisation, attachment=attachment), "csrf_token": token}
    # Encoded in memory: the test client would spool a large body to a file it never closes.
    body, _length, boundary = stream_encode_multipart(data, use_tempfile=False)
    response = client.post(
        new_url(consultation),
        data=body.getvalue(),
        content_type=f'multipart/form-data; boundary="{boundary}"',
    )
    assert response.status_code == 302
    assert only_recommendation().attachment_size == len(memo)


def test_a_refused_submission_keeps_no_file_and_asks_for_it_again(client, login_as, world, uploads):
    consultation, organisation, representative = world
    login_as(representative)
    response = client.post(
        new_url(consultation),
        data=form(organisation, justification="", attachment=upload(MINIMAL_PDF, "memo.pdf")),
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert shown("Choose the file again: files are not kept after an error.") in page(response)
    assert count_of(Recommendation) == 0
    assert not any(uploads.iterdir())


def test_the_attachment_of_a_draft_is_not_downloadable_by_outsiders(
    client, make, login_as, org, world, uploads
):
    consultation, organisation, representative = world
    login_as(representative)
    client.post(
        new_url(consultation),
        data=form(organisation, action="draft", attachment=upload(MINIMAL_PDF, "brouillon.pdf")),
        content_type="multipart/form-data",
    )
    draft = only_recommendation()
    url = f"/recommendations/{draft.id}/attachment"
    assert download_status(client, url) == 200
    outsiders = [make.user(), make.user(admin=True), org._first_representative(org.organisation())]
    for outsider in outsiders:
        login_as(outsider)
        assert download_status(client, url) == 404
    client.post("/logout")
    assert download_status(client, url) == 404


def test_a_recommendation_without_attachment_has_nothing_to_download(client, org, world):
    consultation, organisation, _representative = world
    recommendation = org.recommendation(organisation, consultation)
    assert client.get(f"/recommendations/{recommendation.id}/attachment").status_code == 404


def test_a_missing_file_on_disk_is_a_404_not_a_500(client, login_as, world, uploads):
    consultation, organisation, representative = world
    login_as(representative)
    client.post(
        new_url(consultation),
        data=form(organisation, attachment=upload(MINIMAL_PDF, "memo.pdf")),
        content_type="multipart/form-data",
    )
    recommendation = only_recommendation()
    Path(uploads / recommendation.attachment_key).unlink()
    assert client.get(f"/recommendations/{recommendation.id}/attachment").status_code == 404


# --- Co-signatures and support ----------------------------------------------------------------


def cosigners() -> list[int]:
    committed()
    return [c.organisation_id for c in db.session.scalars(select(CoSignature))]


def cosignature_count(recommendation) -> int:
    committed()
    return db.session.get(Recommendation, recommendation.id).cosignature_count


def test_another_verified_organisation_cosigns_once(client, make, login_as, org, world):
    consultation, organisation, _representative = world
    recommendation = org.recommendation(organisation, consultation)
    signer_rep = make.user()
    signer = org.organisation(signer_rep, name={"fr": "Cosignataire"})
    login_as(signer_rep)
    url = f"/recommendations/{recommendation.id}"
    assert shown("Co-sign for my organisation") in page(client.get(url))

    response = client.post(url + "/cosign", data={"organisation": str(signer.id)})
    assert response.status_code == 302
    assert cosigners() == [signer.id]
    assert cosignature_count(recommendation) == 1
    text = page(client.get(url))
    assert "Cosignataire" in text
    assert shown("Co-sign for my organisation") not in text

    again = client.post(url + "/cosign", data={"organisation": str(signer.id)})
    assert again.status_code == 409
    assert shown("Your organisation has already co-signed this recommendation.") in page(again)
    assert cosignature_count(recommendation) == 1


def test_an_organisation_cannot_cosign_its_own_recommendation(client, login_as, org, world):
    consultation, organisation, representative = world
    recommendation = org.recommendation(organisation, consultation)
    login_as(representative)
    url = f"/recommendations/{recommendation.id}"
    assert shown("Co-sign for my organisation") not in page(client.get(url))
    response = client.post(url + "/cosign", data={"organisation": str(organisation.id)})
    assert response.status_code == 409
    assert shown("An organisation cannot co-sign its own recommendation.") in page(response)
    assert cosigners() == []


def test_a_pending_organisation_cannot_cosign(client, make, login_as, org, world):
    consultation, organisation, _representative = world
    recommendation = org.recommendation(organisation, consultation)
    pending_rep = make.user()
    pending = org.organisation(pending_rep, status="pending")
    login_as(pending_rep)
    response = client.post(
        f"/recommendations/{recommendation.id}/cosign", data={"organisation": str(pending.id)}
    )
    assert response.status_code == 403
    assert shown("Your organisation must be verified by an administrator first.") in page(response)
    assert cosigners() == []


def test_a_draft_withdrawn_or_closed_recommendation_cannot_be_cosigned(
    client, login_as, org, world, frozen_clock
):
    consultation, organisation, _representative = world
    signer = org.organisation()
    draft = org.recommendation(organisation, consultation, submit=False)
    withdrawn = org.recommendation(organisation, consultation)
    org.withdraw(withdrawn)
    submitted = org.recommendation(organisation, consultation)
    login_as(org._first_representative(signer))
    as_signer = {"organisation": str(signer.id)}
    assert client.post(f"/recommendations/{draft.id}/cosign", data=as_signer).status_code == 404
    response = client.post(f"/recommendations/{withdrawn.id}/cosign", data=as_signer)
    assert response.status_code == 409
    assert shown("Only a submitted recommendation can be co-signed.") in page(response)
    frozen_clock.advance(days=30)
    response = client.post(f"/recommendations/{submitted.id}/cosign", data=as_signer)
    assert response.status_code == 403
    assert shown("This consultation is closed: it no longer accepts recommendations.") in page(
        response
    )
    assert cosigners() == []


def test_a_network_cosigning_shows_its_member_count(client, org, world):
    consultation, organisation, _representative = world
    recommendation = org.recommendation(organisation, consultation)
    network = org.network(name={"fr": "Réseau Dynamique"})
    org.member(network, org.organisation())
    org.member(network, org.organisation())
    org.cosign(recommendation, network)
    text = plain(client.get(f"/recommendations/{recommendation.id}", headers=FRENCH))
    members = shown("%(num)s member organisation", plural="%(num)s member organisations", num=2)
    assert f"Réseau Dynamique ({members})" in text
    assert shown("%(num)s co-signature", plural="%(num)s co-signatures", num=1) in text


def test_citizens_support_once_each(client, make, login_as, org, world):
    consultation, organisation, _representative = world
    recommendation = org.recommendation(organisation, consultation)
    url = f"/recommendations/{recommendation.id}"
    first, second = make.user(), make.user()
    login_as(first)
    assert client.post(url + "/support").status_code == 302
    assert client.post(url + "/support").status_code == 302
    assert shown("You support this recommendation.") in page(client.get(url))
    login_as(second)
    assert client.post(url + "/support").status_code == 302
    committed()
    assert db.session.get(Recommendation, recommendation.id).support_count == 2
    assert count_of(Support) == 2
    two = shown("%(num)s support", plural="%(num)s supports", num=2)
    assert two in page(client.get(url))


def test_visitors_are_asked_to_sign_in_to_support(client, org, world):
    consultation, organisation, _representative = world
    recommendation = org.recommendation(organisation, consultation)
    response = client.post(f"/recommendations/{recommendation.id}/support")
    assert response.status_code == 302 and "/login" in response.location
    assert count_of(Support) == 0


def test_support_after_the_close_is_refused(client, make, login_as, org, world, frozen_clock):
    consultation, organisation, _representative = world
    recommendation = org.recommendation(organisation, consultation)
    frozen_clock.advance(days=30)
    login_as(make.user())
    assert client.post(f"/recommendations/{recommendation.id}/support").status_code == 403
    assert count_of(Support) == 0


# --- Consultations open to organisations only -------------------------------------------------


def test_citizens_read_but_cannot_comment_on_an_organisations_only_consultation(
    client, make, login_as, org
):
    consultation = make.consultation(audience="organisations")
    login_as(make.user())
    reason = shown(
        "This consultation is open to organisations only: representatives of verified "
        "organisations take part, everyone can read."
    )
    article_page = client.get(f"/consultations/{consultation.id}/articles/1")
    assert article_page.status_code == 200
    assert "Texte français de l'article 1." in page(article_page)
    assert reason in page(article_page)

    response = client.post(
        f"/consultations/{consultation.id}/comments",
        data={"body": "Je voudrais donner mon avis.", "section": "1"},
    )
    assert response.status_code == 403
    assert reason in page(response)
    assert count_of(Comment) == 0

    pending_rep = make.user()
    org.organisation(pending_rep, status="pending")
    login_as(pending_rep)
    response = client.post(
        f"/consultations/{consultation.id}/comments", data={"body": "Avis.", "section": "1"}
    )
    assert response.status_code == 403
    assert count_of(Comment) == 0


def test_representatives_of_verified_organisations_comment_on_it(client, make, login_as, org):
    consultation = make.consultation(audience="organisations")
    representative = make.user()
    org.organisation(representative)
    login_as(representative)
    response = client.post(
        f"/consultations/{consultation.id}/comments",
        data={"body": "L'avis de notre association.", "section": "1"},
    )
    assert response.status_code == 302
    assert count_of(Comment) == 1


def test_everyone_reads_the_recommendations_of_an_organisations_only_consultation(
    client, org, make
):
    consultation = make.consultation(audience="organisations")
    organisation = org.organisation()
    recommendation = org.recommendation(organisation, consultation, justification="Lisible.")
    assert "Lisible." in page(client.get(f"/consultations/{consultation.id}/recommendations"))
    assert client.get(f"/recommendations/{recommendation.id}").status_code == 200


def test_section_count_survives_on_another_article(org, world):
    consultation, organisation, _representative = world
    org.recommendation(organisation, consultation, article_number="3")
    committed()
    numbers = {
        s.number: s.recommendation_count
        for s in db.session.scalars(
            select(Section).where(
                Section.consultation_id == consultation.id, Section.kind == "article"
            )
        )
    }
    assert numbers == {"1": 0, "2": 0, "3": 1}
