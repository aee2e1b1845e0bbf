"""Security headers, cookies, and user text that tries to become markup."""

import html
import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from consult import clock
from consult.consultations.models import Section
from consult.extensions import db

from .org_factories import article, hash_passwords_fast


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    hash_passwords_fast(monkeypatch)  # passwords are not what these tests look at


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
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    '" autofocus onfocus="alert(1)',
    "' onmouseover='alert(1)",
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button>',
    "\u2066<img src=x onerror=alert(1)>\u2069",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<scr<script>ipt>alert(1)</script>",
]
#: Sent through the real forms too (posting, recommending); every vector goes through every
#: stored field in test_every_typed_field_stays_text_on_every_page_that_shows_it below.
THROUGH_FORMS = XSS_VECTORS[:13]
_DANGEROUS_TAGS = {
    "script", "iframe", "frame", "svg", "math", "object", "embed", "style", "img", "base",
    "video", "audio", "source",
}  # fmt: skip
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background"}


class _MarkupScan(HTMLParser):
    """Collects what a browser would build from the page: tags and attributes, not text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and (values.get("src") or "").startswith("/static/"):
            return  # the site's own script
        if tag == "link" and not (values.get("href") or "").startswith("/static/"):
            self.problems.append(f"<link href={values.get('href')}>")
        if tag == "meta" and "http-equiv" in values:
            self.problems.append("<meta http-equiv>")
        if tag in _DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            # Browsers ignore controls, spaces and tabs inside a scheme ("java\tscript:").
            value = re.sub(r"[\x00-\x20\x7f]", "", value or "").lower()
            if name.startswith("on") or name in ("style", "srcdoc", "xlink:href"):
                self.problems.append(f"{tag}[{name}]")
            if name in _URL_ATTRIBUTES and value.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"{tag}[{name}={value[:20]}]")


def _unsafe_markup(fragment: str) -> list[str]:
    scan = _MarkupScan()
    scan.feed(fragment)
    return scan.problems


@pytest.mark.parametrize("vector", THROUGH_FORMS)
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


@pytest.mark.parametrize("vector", THROUGH_FORMS)
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


# --- Every field a person types, on every page that shows it --------------------------------

#: Fields a person types (citizen, representative, moderator, official, administrator), each
#: with its maximum length where the model has one. The value stored is the field's marker, a
#: space and the vector, so finding the marker in a page proves the field was rendered there.
FIELDS = {
    "F01": ("display name", 80),
    "F02": ("comment", None),
    "F03": ("reply", None),
    "F04": ("moderator's note on a hidden comment", 300),
    "F05": ("report note", 1000),
    "F06": ("recommendation: proposed wording", None),
    "F07": ("recommendation: justification", None),
    "F08": ("moderator's note on a hidden recommendation", 300),
    "F09": ("organisation name", None),
    "F10": ("organisation description", None),
    "F11": ("organisation declaration number", 80),
    "F13": ("administrator's reason for rejecting an organisation", None),
    "F14": ("consultation title", None),
    "F15": ("consultation summary", None),
    "F16": ("consultation area", 120),
    "F17": ("article heading", None),
    "F18": ("article text", None),
    "F19": ("text before the first article", None),
    "F20": ("institution name", None),
    "F21": ("draft recommendation wording", None),
    "F22": ("draft text pasted by an official (preview)", None),
}

#: (who looks, page, fields that page must show[, form sent with POST]).
PAGES = [
    ("visitor", "/", {"F14", "F20"}),
    ("visitor", "{consultation}", {"F14", "F15", "F16", "F19", "F20"}),
    ("visitor", "{article}", {"F01", "F02", "F03", "F04", "F14", "F17", "F18"}),
    ("visitor", "/recommendations/{recommendation}", {"F06", "F07", "F09"}),
    ("visitor", "/recommendations/{hidden_recommendation}", {"F08"}),
    ("visitor", "{consultation}/recommendations", {"F07", "F09"}),
    ("visitor", "/organisations/{organisation}", {"F09", "F10"}),
    ("visitor", "/organisations/", {"F09"}),
    ("citizen", "/comments/{comment}/edit", {"F02"}),
    ("citizen", "/comments/{comment}/reply", {"F02"}),
    ("citizen", "/account", {"F01"}),
    ("representative", "/organisations/mine", {"F09", "F13"}),
    ("representative", "/organisations/{rejected}", {"F13"}),
    ("representative", "/recommendations/{draft}/edit", {"F21"}),
    ("moderator", "/moderation/", {"F01", "F02", "F05", "F07"}),
    ("official", "/manage/", {"F14"}),
    ("official", "/manage{consultation}/edit", {"F14", "F15", "F16"}),
    ("official", "/manage{consultation}/draft", set()),
    (
        "official",
        "/manage{upcoming}/draft",
        {"F22"},
        {"language": "fr", "text": "{draft_text}"},
    ),
    ("admin", "/admin/", {"F20"}),
    ("admin", "/admin/organisations", {"F11"}),
    ("admin", "/admin/audit", {"F01"}),
]


def _typed(marker: str, vector: str) -> str:
    limit = FIELDS[marker][1]
    value = f"{marker} {vector}"
    return value[:limit] if limit else value


def _scene_with_every_field(make, vector: str) -> tuple[dict, dict]:
    """Objects whose every typed field holds the vector; (url names, user of each role)."""
    from consult.consultations.models import Consultation, DocumentVersion
    from consult.moderation import services as moderation

    from .org_factories import OrgFactories

    def v(marker):
        return _typed(marker, vector)

    now = clock.utcnow()
    institution = make.institution(name={"fr": v("F20"), "ar": v("F20")})
    consultation = make.consultation(
        institution=institution, title={"fr": v("F14"), "ar": v("F14")}
    )
    consultation = db.session.get(Consultation, consultation.id)
    consultation.summary = {"fr": v("F15"), "ar": v("F15")}
    consultation.scope, consultation.scope_area = "regional", v("F16")
    version = db.session.scalars(
        select(DocumentVersion).where(DocumentVersion.consultation_id == consultation.id)
    ).first()
    version.preamble = {"fr": v("F19"), "ar": v("F19")}
    section = article(consultation, "1")
    section.heading = {**section.heading, "fr": v("F17")}
    section.body = {**section.body, "fr": v("F18")}
    db.session.commit()

    citizen = make.user(name=v("F01"))
    comment = make.comment(consultation, citizen, section=section, body=v("F02"))
    make.comment(consultation, section=section, parent=comment, body=v("F03"))
    hidden = make.comment(consultation, section=section, body="Masqué")
    moderator = make.user(name="Modération")
    moderator.is_moderator = True
    moderation.hide(moderator, hidden, "abuse", v("F04"), now)
    moderation.flag(make.user(), comment, "other", v("F05"), now)

    org = OrgFactories(make)
    representative = make.user(name="Représentante")
    organisation = org.organisation(
        representative, name={"fr": v("F09"), "ar": v("F09")}, description=v("F10")
    )
    recommendation = org.recommendation(
        organisation,
        consultation,
        article_number="1",
        kind="amend",
        wording=v("F06"),
        justification=v("F07"),
    )
    moderation.flag(citizen, recommendation, "spam", "", now)  # the audit log names them
    hidden_recommendation = org.recommendation(organisation, consultation)
    moderation.hide(moderator, hidden_recommendation, "spam", v("F08"), now)
    draft = org.recommendation(
        organisation, consultation, article_number="1", kind="amend", wording=v("F21"), submit=False
    )
    from consult.organisations import services as organisation_services

    org.organisation(status="pending", reference=v("F11"))  # on the administrators' list
    rejected = org.organisation(representative, status="pending")
    organisation_services.reject(org.admin, rejected, v("F13"), now)
    db.session.commit()

    upcoming = make.consultation(phase="upcoming", institution=institution)
    urls = {
        "upcoming": f"/consultations/{upcoming.id}",
        "draft_text": f"{v('F22')}\nArticle premier\n{v('F22')}\nArticle 2\nTexte.",
        "consultation": f"/consultations/{consultation.id}",
        "article": f"/consultations/{consultation.id}/articles/{section.slug}",
        "comment": comment.id,
        "recommendation": recommendation.id,
        "hidden_recommendation": hidden_recommendation.id,
        "organisation": organisation.id,
        "rejected": rejected.id,
        "draft": draft.id,
    }
    users = {
        "citizen": citizen,
        "representative": representative,
        "moderator": moderator,
        "official": make.official(institution),
        "admin": org.admin,
    }
    return urls, users


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_every_typed_field_stays_text_on_every_page_that_shows_it(app, make, vector, monkeypatch):
    urls, users = _scene_with_every_field(make, vector)
    seen: dict[str, set] = {}
    problems = []
    for role, template, expected, *form in PAGES:
        client = app.test_client()
        if role != "visitor":
            with client.session_transaction() as session:
                session["_user_id"] = str(users[role].id)
                session["_fresh"] = True
        url = template.format(**urls)
        data = {k: value.format(**urls) for k, value in form[0].items()} if form else None
        response = client.open(
            url, method="POST" if form else "GET", data=data, headers={"Accept-Language": "fr"}
        )
        assert response.status_code == 200, (role, url)
        page = response.get_data(as_text=True)
        problems += [(role, url, p) for p in _unsafe_markup(page)]
        text = html.unescape(page)
        shown = {marker for marker in FIELDS if f"{marker} " in text}
        seen.setdefault(url, set()).update(shown)
        missing = expected - shown
        assert not missing, f"{url} as {role} does not show {sorted(missing)}"
    assert problems == []
    everywhere = set().union(*seen.values())
    assert everywhere == set(FIELDS), sorted(set(FIELDS) - everywhere)
