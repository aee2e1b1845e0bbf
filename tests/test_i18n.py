"""Languages: negotiation, the switcher, direction, formatting and complete catalogues."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from consult.cli import IGNORED_DIRS
from consult.consultations.models import Section
from consult.extensions import db

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ar", "fr", "zgh")


@pytest.mark.parametrize(
    ("header", "lang", "direction"),
    [
        ("ar-MA,ar;q=0.9", "ar", "rtl"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "fr", "ltr"),
        ("zgh", "zgh", "ltr"),
        ("tzm-Tfng-MA", "zgh", "ltr"),
        ("en-US,en;q=0.9", "ar", "rtl"),
        ("", "ar", "rtl"),
    ],
)
def test_first_visit_negotiates_from_accept_language(client, header, lang, direction):
    page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in page


def test_visitor_choice_is_remembered_in_a_cookie(client):
    response = client.post("/language/zgh", data={"next": "/signup"})
    assert response.location == "/signup"
    assert "consult_lang=zgh" in response.headers["Set-Cookie"]
    page = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="zgh"' in page


def test_signed_in_choice_is_stored_in_the_profile(client, make, login_as):
    user = login_as(make.user(locale="fr"))
    client.post("/language/ar", data={})
    db.session.refresh(user)
    assert user.locale == "ar"
    client.delete_cookie("consult_lang")
    assert '<html lang="ar"' in client.get("/").get_data(as_text=True)


def test_unknown_language_code_changes_nothing(client):
    response = client.post("/language/xx", data={})
    assert response.status_code == 302
    assert "consult_lang" not in response.headers.get("Set-Cookie", "")


def test_switcher_is_on_every_page_and_works_without_javascript(client, make):
    consultation = make.consultation()
    for url in ("/", f"/consultations/{consultation.id}", "/login", "/signup", "/nowhere"):
        page = client.get(url).get_data(as_text=True)
        assert page.count('action="/language/') == 2, url  # the two other languages


def test_language_names_are_written_in_their_own_script(client):
    page = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert 'lang="ar">العربية<' in page
    assert 'lang="zgh">ⵜⴰⵎⴰⵣⵉⵖⵜ<' in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders_translated_in_each_language(client, make, login_as, lang, app):
    """Each page in each language; the autouse fixture fails on any untranslated UI string."""
    consultation = make.consultation(languages=("fr", "ar"))
    closed = make.consultation(phase="closed")
    section = db.session.scalars(
        select(Section).where(Section.consultation_id == consultation.id, Section.kind == "article")
    ).first()
    comment = make.comment(consultation, section=section, body="Un avis")
    make.comment(consultation, section=section, parent=comment, body="Une réponse")
    client.post(f"/language/{lang}", data={})
    visitor_pages = [
        "/",
        "/?tab=upcoming",
        "/?tab=closed",
        f"/consultations/{consultation.id}",
        f"/consultations/{consultation.id}/articles/1",
        f"/consultations/{closed.id}/articles/1",
        "/login",
        "/signup",
        "/does-not-exist",
    ]
    for url in visitor_pages:
        page = client.get(url).get_data(as_text=True)
        assert f'<html lang="{lang}"' in page, url
    # Forms with errors show their messages translated too.
    client.post("/signup", data={"email": "not-an-email", "password": "x"})
    client.post("/login", data={"email": "a@example.org", "password": "wrong"})

    user = make.user(locale=lang)
    login_as(user)
    for url in (
        f"/consultations/{consultation.id}/articles/1",
        f"/comments/{comment.id}/reply",
        "/account",
    ):
        assert client.get(url).status_code == 200, url
    client.post(f"/consultations/{consultation.id}/comments", data={"body": "", "section": "1"})
    client.post(f"/consultations/{closed.id}/comments", data={"body": "x", "section": "1"})
    client.post(f"/comments/{comment.id}/vote", data={"value": "agree"})
    client.get(f"/consultations/{consultation.id}/articles/1")  # shows the flash message

    official = make.official(consultation.institution, locale=lang)
    login_as(official)
    for url in (
        "/manage/",
        "/manage/consultations/new",
        f"/manage/consultations/{consultation.id}/edit",
        f"/manage/consultations/{consultation.id}/draft",
    ):
        assert client.get(url).status_code == 200, url
    client.post("/manage/consultations/new", data={"title_fr": ""})
    client.post(
        f"/manage/consultations/{consultation.id}/draft",
        data={"language": "fr", "text": "Article 1\nTexte.\n\nArticle 2\nSuite."},
    )
    admin = make.user(admin=True, locale=lang)
    login_as(admin)
    assert client.get("/admin/").status_code == 200
    login_as(make.user(locale=lang))
    assert client.get("/admin/").status_code == 403


def test_arabic_dates_use_latin_digits_and_moroccan_format(client, make):
    consultation = make.consultation()
    page = client.get(
        f"/consultations/{consultation.id}", headers={"Accept-Language": "ar"}
    ).get_data(as_text=True)
    dates = page.split('class="dates"')[1].split("</p>")[0]
    assert re.search(r"\d", dates)
    assert not re.search("[٠-٩]", dates)


def _catalogue(lang):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_is_complete_and_has_no_fuzzy_entry(lang):
    catalogue = _catalogue(lang)
    assert len(catalogue) > 100
    for message in catalogue:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"untranslated in {lang}: {message.id!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_every_placeholder(lang):
    placeholder = re.compile(r"%\(\w+\)s")
    for message in _catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set(placeholder.findall(ids[-1]))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            found = set(placeholder.findall(string))
            assert found <= expected | set(placeholder.findall(ids[0])), (lang, message.id)
            if len(strings) == 1:
                assert found == expected, (lang, message.id)


def test_catalogues_contain_every_string_of_the_code_and_templates(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "--ignore-dirs",
            IGNORED_DIRS,
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    for lang in LANGUAGES:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue(lang) if m.id}
        assert not wanted - have, f"{lang} lacks: {sorted(wanted - have)[:5]}"


def test_arabic_plural_forms_follow_cldr_not_babel_bug_816(app):
    from flask_babel import force_locale, ngettext

    with app.test_request_context(), force_locale("ar"):
        forms = {
            n: ngettext("%(num)s comment", "%(num)s comments", n) for n in (0, 1, 2, 3, 11, 100)
        }
    catalogue = _catalogue("ar")
    strings = catalogue.get(("%(num)s comment", "%(num)s comments"), None) or catalogue.get(
        "%(num)s comment"
    )
    expected = {0: 0, 1: 1, 2: 2, 3: 3, 11: 4, 100: 5}
    for n, index in expected.items():
        assert forms[n] == strings.string[index] % {"num": n}, n
