"""Law 09-08: a person downloads their data and deletes their account; the record stays."""

import html
import json
import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import func, select, update

from consult.accounts.models import User
from consult.consultations.models import Section
from consult.extensions import db

from .factories import PASSWORD
from .test_route_matrix import MATRIX, ROLES, build_scene, routes_of


@pytest.fixture
def route_scene(app, make, tmp_path, monkeypatch):
    """The route walk's objects: one for every URL, a user for every role."""
    return build_scene(app, make, tmp_path, monkeypatch)


def test_download_contains_profile_comments_and_votes(client, make, login_as):
    consultation = make.consultation()
    section = db.session.scalars(
        select(Section).where(Section.consultation_id == consultation.id, Section.kind == "article")
    ).first()
    user = login_as(make.user(email="moi@example.org", region="oriental"))
    other = make.comment(consultation, section=section)
    client.post(
        f"/consultations/{consultation.id}/comments",
        data={"body": "Mon avis", "section": section.slug},
    )
    client.post(f"/comments/{other.id}/vote", data={"value": "agree"})
    response = client.get("/account/data.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = response.json
    assert data["account"]["email"] == "moi@example.org"
    assert data["account"]["region"] == "oriental"
    assert [c["text"] for c in data["comments"]] == ["Mon avis"]
    assert data["votes"] == [
        {"comment_id": other.id, "value": "agree", "at": data["votes"][0]["at"]}
    ]
    assert user.display_name


def test_deleting_the_account_keeps_contributions_as_former_participant(client, make, login_as):
    consultation = make.consultation()
    section = db.session.scalars(
        select(Section).where(Section.consultation_id == consultation.id, Section.kind == "article")
    ).first()
    user = login_as(make.user(email="partir@example.org", name="Nadia Partante"))
    client.post(
        f"/consultations/{consultation.id}/comments",
        data={"body": "Ce que j'ai dit reste", "section": section.slug},
    )
    assert client.post("/account/delete", data={"password": "wrong"}).status_code == 400
    response = client.post("/account/delete", data={"password": PASSWORD})
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.deleted_at is not None
    assert "partir" not in user.email and user.display_name == ""
    assert (user.region, user.gender, user.age_bracket) == (None, None, None)
    page = client.get(f"/consultations/{consultation.id}/articles/{section.slug}")
    text = page.get_data(as_text=True)
    assert "Ce que j'ai dit reste" in text and "Nadia Partante" not in text
    # Signed out, and the old credentials no longer work.
    assert client.get("/account").status_code == 302
    relogin = client.post("/login", data={"email": "partir@example.org", "password": PASSWORD})
    assert relogin.status_code == 400


def test_deleted_accounts_contributions_read_former_participant_everywhere(client, make, login_as):
    from .org_factories import article, shown

    consultation = make.consultation()
    section = article(consultation, "1")
    user = login_as(make.user(name="Nadia Partante"))
    client.post(
        f"/consultations/{consultation.id}/comments",
        data={"body": "Mon avis reste", "section": section.slug},
    )
    client.post("/account/delete", data={"password": PASSWORD})
    page = client.get(
        f"/consultations/{consultation.id}/articles/{section.slug}",
        headers={"Accept-Language": "fr"},
    )
    text = html.unescape(page.get_data(as_text=True))
    thread = text.split("Mon avis reste")[0].rsplit("<article", 1)[-1]
    assert shown("Former participant") in thread and "Nadia" not in text
    db.session.refresh(user)
    assert user.deleted_at is not None


def test_the_data_download_holds_the_recorded_consent_and_nothing_of_others(
    client, make, login_as, frozen_clock
):
    consultation = make.consultation()
    other = make.comment(consultation, body="L'avis de quelqu'un d'autre")
    login_as(make.user(email="moi@example.org"))
    data = client.get("/account/data.json").json
    assert data["account"]["consented_at"] == frozen_clock.moment.isoformat()
    assert data["comments"] == [] and other.body_source not in json.dumps(data)


def test_signup_without_consent_creates_no_account(client):
    from .test_accounts import signup_data

    response = client.post("/signup", data=signup_data(consent=""))
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


# --- Demographics are never shown person by person -----------------------------------------

#: One answer to each optional question, given by everyone in the scenario.
_PROFILE = {"region": "guelmim-oued-noun", "gender": "female", "age_bracket": "65+"}


def test_no_page_shows_a_persons_region_gender_or_age(app, route_scene):
    """Everyone answered the optional questions; no page shows an answer, as its code or its
    French label, anywhere but in a list of choices, except the person's own profile."""
    from consult.accounts.profile import AGE_BRACKETS, GENDERS, REGIONS

    from .org_factories import shown

    ids, user_ids = route_scene
    db.session.execute(update(User).values(**_PROFILE))
    db.session.commit()
    labels = {
        "region": shown(REGIONS[_PROFILE["region"]]),
        "gender": shown(GENDERS[_PROFILE["gender"]]),
        "age_bracket": shown(AGE_BRACKETS[_PROFILE["age_bracket"]]),
    }
    leaks = []
    pages = 0
    for role, url, page in _every_page(app, MATRIX, ROLES, ids, user_ids, language="fr"):
        if url in ("/account", "/account/data.json"):
            continue  # the person's own answers, shown to them alone
        pages += 1
        chosen = re.findall(r"<option\b[^>]*\bselected\b[^>]*>", page)
        text = html.unescape(re.sub(r"<option\b[^>]*>[^<]*</option>", "", page))
        for name, value in _PROFILE.items():
            if any(f'value="{value}"' in option for option in chosen):
                leaks.append((role, url, name, "selected"))
            if re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text) or labels[name] in text:
                leaks.append((role, url, name))
    assert leaks == []
    assert pages >= 30


def _every_page(app, matrix, roles, ids, user_ids, language=None):
    """(role, url, html) of every GET route each role may open (a 200 in the matrix)."""
    for endpoint, route in [(e, r) for e, entry in matrix.items() for r in routes_of(entry)]:
        if route.GET is None or endpoint == "static":
            continue
        url = route.path.format(**ids)
        for role in roles:
            if route.GET[role] != 200:
                continue
            client = app.test_client()
            if role != "visitor":
                with client.session_transaction() as session:
                    session["_user_id"] = str(user_ids[role])
                    session["_fresh"] = True
            headers = {"Accept-Language": language} if language else {}
            response = client.get(url, headers=headers)
            assert response.status_code == 200, (role, url)
            body = response.get_data(as_text=True)
            response.close()
            yield role, url, body


# --- No third-party request from any page ------------------------------------------------

#: Attributes whose URL the browser fetches (or submits to) by itself, without a click.
_FETCHED = {"src", "srcset", "poster", "data", "background", "action", "formaction"}
_ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)


class _Requests(HTMLParser):
    """URLs a page makes the browser request: sources, stylesheets, icons, form targets,
    refreshes and CSS url(). Links people click (<a href>) are not requests."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name in _FETCHED or (name == "href" and tag in ("link", "base")):
                self.urls += [part.split()[0] for part in (value or "").split(",") if part.strip()]
            if name == "style":
                self.urls += _CSS_URL.findall(value or "")
        if tag == "meta" and "http-equiv" in values:
            self.urls.append((values.get("content") or "").partition("url=")[2] or "meta")
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.urls += _CSS_URL.findall(data)


def _third_party(urls) -> list[str]:
    return [u for u in urls if _ABSOLUTE.match(u) or u.lower().startswith(("http:", "https:"))]


def test_no_page_makes_a_request_to_another_site(app, route_scene):
    ids, user_ids = route_scene
    requests = []
    pages = 0
    for role, url, page in _every_page(app, MATRIX, ROLES, ids, user_ids):
        if url.endswith((".json", ".csv", "/attachment")):
            continue
        parser = _Requests()
        parser.feed(page)
        requests += [(role, url, u) for u in _third_party(parser.urls)]
        pages += 1
    assert requests == []
    assert pages >= 30  # every role's pages were read, not a handful


def test_the_sites_own_files_fetch_nothing_from_elsewhere():
    from consult import PROJECT_ROOT

    static = PROJECT_ROOT / "static"
    for path in [*static.rglob("*.css"), *static.rglob("*.js")]:
        text = path.read_text(encoding="utf-8")
        assert _third_party(_CSS_URL.findall(text)) == [], path
        if path.suffix == ".js":
            assert not re.search(r"""['"`](?:https?:)?//""", text), path


def test_the_content_security_policy_forbids_other_sites(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    for name, sources in directives.items():
        assert set(sources.split()) <= {"'self'", "'none'", "data:"}, name


def test_the_scan_sees_third_party_requests():
    """The scanner itself: what it must catch, and what is not a request."""
    parser = _Requests()
    parser.feed(
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<script src="//cdn.example/x.js"></script><img srcset="/a.png 1x, https://t.example/p 2x">'
        '<form action="https://collect.example/"></form><p style="background:url(http://t.example/)">'
        '<style>@import "https://fonts.example/css";</style><a href="https://example.org/">lien</a>'
        '<script src="/static/js/enhance.js"></script>'
    )
    assert len(_third_party(parser.urls)) == 6
