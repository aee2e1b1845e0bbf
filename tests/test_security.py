"""Security headers, cookies, and user text that tries to become markup."""

import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from consult.consultations.models import Section
from consult.extensions import db


def test_every_page_sends_the_security_headers(client, make):
    consultation = make.consultation()
    for url in ("/", f"/consultations/{consultation.id}", "/login", "/nowhere"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_have_no_inline_script_or_style(client, make):
    consultation = make.consultation()
    page = client.get(f"/consultations/{consultation.id}/articles/1").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert " style=" not in page and " onclick=" not in page


def test_session_cookie_is_httponly_lax_and_secure_over_https(client, make):
    user = make.user(email="secure@example.org")
    from .factories import PASSWORD

    plain = client.post("/login", data={"email": user.email, "password": PASSWORD})
    cookie = plain.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    client.post("/logout", data={})
    secure = client.post(
        "/login", data={"email": user.email, "password": PASSWORD}, base_url="https://localhost"
    )
    assert "Secure" in secure.headers["Set-Cookie"]
    assert "Strict-Transport-Security" in secure.headers


#: Markup that must never come out of user text as markup.
XSS_VECTORS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[lien](javascript:alert(1))",
    "[lien](JaVaScRiPt:alert(1))",
    "[lien](javascript&#58;alert(1))",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<iframe src=https://example.org></iframe>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "\u202e<script>alert(1)</script>\u202c",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '"><script>alert(1)</script>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]
_DANGEROUS_TAGS = {"script", "iframe", "svg", "math", "object", "embed", "style", "img", "base"}


class _MarkupScan(HTMLParser):
    """Collects what a browser would build from the page: tags and attributes, not text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and (values.get("src") or "").startswith("/static/"):
            return  # the site's own script
        if tag in _DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or name == "style":
                self.problems.append(f"{tag}[{name}]")
            if name in ("href", "src", "action") and value.startswith(("javascript:", "data:")):
                self.problems.append(f"{tag}[{name}={value[:20]}]")


def _unsafe_markup(fragment: str) -> list[str]:
    scan = _MarkupScan()
    scan.feed(fragment)
    return scan.problems


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vectors_in_comments_and_names_stay_text(client, make, login_as, vector):
    consultation = make.consultation()
    author = login_as(make.user(name=("Nom " + vector)[:80]))
    response = client.post(
        f"/consultations/{consultation.id}/comments", data={"body": vector, "section": "1"}
    )
    assert response.status_code == 302
    section = db.session.scalars(
        select(Section).where(Section.number == "1", Section.kind == "article")
    ).first()
    page = client.get(f"/consultations/{consultation.id}/articles/{section.slug}").get_data(
        as_text=True
    )
    body = page.split('id="comments"')[1]
    assert _unsafe_markup(body) == [], vector
    assert author.display_name[:4] in body


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vectors_in_a_recommendation_and_an_organisation_stay_text(
    client, make, login_as, vector, app
):
    from .org_factories import OrgFactories

    orgs = OrgFactories(make)
    consultation = make.consultation()
    organisation = orgs.organisation(status="verified", name={"fr": "Asso " + vector[:200]})
    rep = orgs._first_representative(organisation)
    login_as(rep)
    response = client.post(
        f"/consultations/{consultation.id}/recommendations/new",
        data={
            "organisation": str(organisation.id),
            "target": "1",
            "kind": "amend",
            "language": "fr",
            "proposed_wording": vector,
            "justification": vector,
            "action": "submit",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-500:]
    for url in (
        response.location,
        f"/consultations/{consultation.id}/recommendations",
        f"/organisations/{organisation.id}",
    ):
        page = client.get(url).get_data(as_text=True)
        main = page.split('<main id="main"')[1]
        assert _unsafe_markup(main) == [], (url, vector)


@pytest.mark.parametrize("vector", XSS_VECTORS[:8])
def test_xss_vectors_in_official_and_admin_fields_stay_text(client, make, login_as, vector):
    """Titles, summaries, draft text, institution names, descriptions, moderation notes."""
    from consult.consultations.models import Consultation

    institution = make.institution(name={"fr": "Institution " + vector[:200]})
    consultation = make.consultation(institution=institution, title={"fr": "Titre " + vector[:250]})
    consultation = db.session.get(Consultation, consultation.id)
    consultation.summary = {"fr": "Résumé " + vector}
    section = db.session.scalars(
        select(Section).where(Section.consultation_id == consultation.id, Section.kind == "article")
    ).first()
    section.body = {**section.body, "fr": "Corps " + vector}
    section.heading = {**section.heading, "fr": "Intitulé " + vector[:200]}
    comment = make.comment(consultation, section=section, body="Un avis")
    moderator = make.user(name="Modération")
    moderator.is_moderator = True
    db.session.commit()
    reporter = login_as(make.user())
    client.post(
        f"/moderation/report/comment/{comment.id}", data={"reason": "other", "note": vector}
    )
    login_as(moderator)
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Un avis" in queue
    assert _unsafe_markup(queue.split('<main id="main"')[1]) == [], vector
    client.post(f"/moderation/comment/{comment.id}/hide", data={"reason": "other", "note": vector})
    login_as(reporter)
    for url in (
        "/?lang=fr",
        f"/consultations/{consultation.id}?lang=fr",
        f"/consultations/{consultation.id}/articles/{section.slug}?lang=fr",
    ):
        page = client.get(url).get_data(as_text=True)
        assert "Titre" in page  # the field is on the page, as text
        assert _unsafe_markup(page.split('<main id="main"')[1]) == [], (url, vector)
