"""Journey 3 in each language: an association registers, an administrator verifies it, its
representative submits an amendment with a PDF memo, another organisation co-signs it."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from .support import LOCALES, PASSWORD, account, log_in, submit, switch_language, translate

pytestmark = pytest.mark.e2e

#: A minimal, well-formed one-page PDF: what the platform checks (%PDF- … %%EOF) and more.
MEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
NEW_WORDING = " Le rapport de synthèse est publié dans un délai de soixante jours."


def co_signer():
    """A demo citizen who represents a verified demo organisation, and that organisation."""
    from consult.demo import content
    from consult.demo import organisations as data

    entry = next(
        o for o in data.ORGANISATIONS if o["status"] == "verified" and o["key"] != "network"
    )
    return content.USERS[entry["representatives"][0]]["email"], entry


@pytest.mark.parametrize("locale", LOCALES)
def test_association_registers_is_verified_recommends_an_amendment_and_is_co_signed(
    contexts, shots, demo, locale
):
    name = f"Association Tissir {locale}"
    reference = f"E2E-{locale.upper()}-2026"

    # The representative (an ordinary citizen account) registers the association.
    rep = contexts.new(locale)
    log_in(rep, account("citizen", locale))
    rep.goto("/organisations/new")
    rep.fill("#name_fr", name)
    rep.fill("#name_ar", f"جمعية تيسير {locale}")
    rep.fill("#registration_ref", reference)
    rep.select_option("#region", index=2)
    rep.locator("input[name=domains]").first.check()
    rep.fill("#contact_email", f"contact-{locale}@tissir.example.org")
    rep.fill("#description", "Accès des personnes handicapées aux services publics.")
    shots(rep, "register-typed", full_page=True)
    submit(rep)
    expect(rep.locator(".flash-success")).to_be_visible()
    organisation_url = rep.url
    shots(rep, "registered")

    # Not verified yet: it cannot recommend.
    refused = rep.goto(f"/consultations/{demo.open_id}/recommendations/new")
    assert refused.status == 403

    # An administrator verifies it.
    admin = contexts.new(locale)
    log_in(admin, account("admin", locale))
    admin.goto("/admin/organisations")
    card = admin.locator(".card", has_text=reference)
    shots(admin, "to-verify")
    with admin.expect_navigation():
        card.locator("form.inline button[type=submit]").click()
    expect(admin.locator(".flash-success")).to_be_visible()
    expect(admin.locator(".card", has_text=reference)).to_have_count(0)
    shots(admin, "verified")

    # The representative proposes new wording for article 2, with a memo.
    rep.goto(f"/consultations/{demo.open_id}/articles/{demo.article_slug}")
    rep.locator(f'a[href*="/recommendations/new?article={demo.article_slug}"]').click()
    rep.locator("input[name=kind][value=amend]").check()
    rep.select_option("#language", "fr")
    with rep.expect_navigation():
        rep.locator("button[name=action][value=prefill]").click()
    wording = rep.locator("#proposed_wording")
    current = wording.input_value()
    assert current, "the current wording of the article was not loaded"
    wording.fill(current + NEW_WORDING)
    rep.fill("#justification", "Un délai fixé par la loi rend la synthèse vérifiable.")
    rep.locator("#attachment").set_input_files(
        {"name": "note-tissir.pdf", "mimeType": "application/pdf", "buffer": MEMO_PDF}
    )
    shots(rep, "recommendation-typed", full_page=True)
    with rep.expect_navigation():
        rep.locator("button[name=action][value=submit]").click()
    expect(rep.locator(".flash-success")).to_have_text(
        translate(demo.app, locale, "Your recommendation is submitted and public.")
    )
    recommendation_url = rep.url
    memo = rep.locator('a[href$="/attachment"][download]')
    expect(memo).to_be_visible()
    shots(rep, "recommendation-submitted", full_page=True)
    download = rep.request.get(memo.get_attribute("href"))
    assert download.ok and download.body() == MEMO_PDF

    # Another verified organisation co-signs.
    email, other = co_signer()
    cosigner = contexts.new(locale)
    log_in(cosigner, email, PASSWORD)
    cosigner.goto(recommendation_url)
    switch_language(cosigner, locale)  # a demo account: it has a language of its own
    with cosigner.expect_navigation():
        cosigner.locator('form[action$="/cosign"] button[type=submit]').click()
    expect(cosigner.locator(".flash-success")).to_be_visible()
    expect(cosigner.locator("#cosigners-title")).to_contain_text("1")
    shots(cosigner, "co-signed", full_page=True)

    stored = stored_recommendation(demo, reference)
    assert stored == {
        "organisation": name,
        "verified": True,
        "kind": "amend",
        "article": demo.article_slug,
        "language": "fr",
        "status": "submitted",
        "wording_ends_with": True,
        "memo_size": len(MEMO_PDF),
        "co_signed_by": [other["name"]["fr"]],
    }
    assert organisation_url.rstrip("/").rsplit("/", 1)[-1].isdigit()


def stored_recommendation(demo, reference: str) -> dict:
    from consult.consultations.models import Section
    from consult.extensions import db
    from consult.organisations.models import Organisation
    from consult.recommendations.models import CoSignature, Recommendation

    with demo.app.app_context():
        organisation = db.session.scalar(
            select(Organisation).where(Organisation.registration_ref == reference)
        )
        recommendation = db.session.scalar(
            select(Recommendation).where(Recommendation.organisation_id == organisation.id)
        )
        section = db.session.get(Section, recommendation.section_id)
        co_signers = db.session.scalars(
            select(Organisation)
            .join(CoSignature, CoSignature.organisation_id == Organisation.id)
            .where(CoSignature.recommendation_id == recommendation.id)
        ).all()
        result = {
            "organisation": organisation.name["fr"],
            "verified": organisation.is_verified,
            "kind": recommendation.kind,
            "article": section.slug,
            "language": recommendation.language,
            "status": recommendation.status.value,
            "wording_ends_with": recommendation.proposed_wording.endswith(NEW_WORDING.strip()),
            "memo_size": recommendation.attachment_size,
            "co_signed_by": [o.name["fr"] for o in co_signers],
        }
        db.session.remove()
    return result
