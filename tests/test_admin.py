"""Administration: institutions and the officials who act for them."""

import html

import pytest
from flask import current_app, g
from flask_babel import force_locale, gettext
from sqlalchemy import select

from consult.accounts.models import User
from consult.audit import AuditEvent
from consult.extensions import db
from consult.i18n import FORMAT_LOCALES
from consult.institutions.models import Institution


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def shown(message: str, language: str = "fr") -> str:
    """`message` as the app shows it in `language` (the catalogues may or may not have it)."""
    with current_app.test_request_context():
        g.ui_language = language
        with force_locale(FORMAT_LOCALES[language]):
            return gettext(message)


def committed():
    """Forget what the last request left uncommitted in the shared session: read the database."""
    db.session.rollback()


def institutions() -> list[Institution]:
    committed()
    return list(db.session.scalars(select(Institution).order_by(Institution.id)))


def audit_trail(action: str) -> list[tuple]:
    committed()
    rows = db.session.execute(
        select(AuditEvent.actor_id, AuditEvent.target_type, AuditEvent.target_id, AuditEvent.data)
        .where(AuditEvent.action == action)
        .order_by(AuditEvent.id)
    )
    return [tuple(row) for row in rows]


@pytest.fixture
def admin(make, login_as):
    return login_as(make.user(admin=True))


def new_institution(**fields):
    return {"name_ar": "", "name_fr": "", "name_zgh": "", "slug": "", **fields}


# --- Who may enter ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["citizen", "official"])
@pytest.mark.parametrize(
    "method, path",
    [("get", "/admin/"), ("post", "/admin/institutions"), ("post", "/admin/officials")],
)
def test_only_administrators_use_the_administration(client, make, login_as, who, method, path):
    user = make.user() if who == "citizen" else make.official()
    login_as(user)
    count_before = len(institutions())

    response = getattr(client, method)(
        path,
        data={"slug": "intrus", "name_fr": "Intrus", "email": user.email, "institution": ""},
    )

    assert response.status_code == 403
    assert len(institutions()) == count_before
    assert db.session.get(User, user.id).institution_id == user.institution_id


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_administrator_sees_institutions_and_officials(client, make, admin):
    ministry = make.institution(slug="justice", name={"fr": "Ministère de la Justice"})
    make.official(ministry, name="Amina Official", email="amina@justice.gov.ma")

    text = page(client.get("/admin/"))

    assert "Ministère de la Justice" in text
    assert "justice" in text
    assert "amina@justice.gov.ma" in text


# --- Institutions -----------------------------------------------------------------------------


def test_administrator_creates_an_institution_named_in_three_languages(client, admin):
    response = client.post(
        "/admin/institutions",
        data=new_institution(
            name_ar=" وزارة الانتقال الرقمي ",
            name_fr="Ministère de la Transition numérique",
            name_zgh="ⵜⴰⵎⴰⵡⴰⵙⵜ ⵏ ⵓⵎⵓⵜⵜⵉ ⴰⵏⵓⵎⴰⵏ",
            slug="Transition-Numerique",
        ),
    )

    assert response.status_code == 302
    [institution] = institutions()
    assert institution.name == {
        "ar": "وزارة الانتقال الرقمي",
        "fr": "Ministère de la Transition numérique",
        "zgh": "ⵜⴰⵎⴰⵡⴰⵙⵜ ⵏ ⵓⵎⵓⵜⵜⵉ ⴰⵏⵓⵎⴰⵏ",
    }
    assert institution.slug == "transition-numerique"
    assert audit_trail("institution.create") == [(admin.id, "institution", institution.id, {})]
    listing = page(client.get(response.headers["Location"]))
    assert shown("The institution is created.") in listing
    assert "Ministère de la Transition numérique" in listing


def test_institution_needs_a_name_in_one_language(client, admin):
    response = client.post(
        "/admin/institutions", data=new_institution(name_fr="   ", slug="sans-nom")
    )

    assert response.status_code == 400
    assert shown("Give a name in at least one language.") in page(response)
    assert institutions() == []


@pytest.mark.parametrize(
    "slug", ["x", "with space", "accentué", "-leading-hyphen", "under_score", "a" * 61]
)
def test_institution_short_name_uses_lowercase_letters_digits_and_hyphens(client, admin, slug):
    response = client.post(
        "/admin/institutions", data=new_institution(name_fr="Ministère", slug=slug)
    )

    assert response.status_code == 400
    text = page(response)
    assert shown("The short name uses lowercase letters, digits and hyphens only.") in text
    assert f'value="{slug}"' in text  # what was typed stays in the form
    assert institutions() == []


def test_institution_without_short_name_is_refused(client, admin):
    response = client.post("/admin/institutions", data=new_institution(name_fr="Ministère"))

    assert response.status_code == 400
    assert shown("Enter a short name.") in page(response)
    assert institutions() == []


def test_two_institutions_cannot_share_a_short_name(client, make, admin):
    make.institution(slug="sante", name={"fr": "Ministère de la Santé"})

    response = client.post(
        "/admin/institutions", data=new_institution(name_fr="Autre ministère", slug="SANTE")
    )

    assert response.status_code == 409
    assert shown("Another institution already uses this short name.") in page(response)
    assert [i.name for i in institutions()] == [{"fr": "Ministère de la Santé"}]
    assert audit_trail("institution.create") == []


# --- Officials --------------------------------------------------------------------------------


def test_administrator_attaches_an_account_to_an_institution_by_e_mail(client, make, admin):
    ministry = make.institution()
    citizen = make.user(email="karim@example.org")

    response = client.post(
        "/admin/officials",
        data={"email": "  Karim@Example.ORG ", "institution": str(ministry.id)},
    )

    assert response.status_code == 302
    committed()
    assert citizen.institution_id == ministry.id
    assert audit_trail("user.attach_institution") == [
        (admin.id, "user", citizen.id, {"institution_id": ministry.id})
    ]
    assert shown("The account is updated.") in page(client.get(response.headers["Location"]))


def test_attached_official_reaches_the_ministry_workspace(client, make, admin, login_as):
    ministry = make.institution()
    citizen = make.user()
    client.post("/admin/officials", data={"email": citizen.email, "institution": ministry.id})

    login_as(citizen)

    assert client.get("/manage/").status_code == 200


def test_unknown_e_mail_is_reported(client, make, admin):
    ministry = make.institution()

    response = client.post(
        "/admin/officials", data={"email": "nobody@example.org", "institution": ministry.id}
    )

    assert response.status_code == 404
    text = page(response)
    assert shown("No account uses this e-mail address.") in text
    assert 'value="nobody@example.org"' in text
    assert audit_trail("user.attach_institution") == []


def test_attaching_to_an_institution_that_does_not_exist_is_a_404(client, make, admin):
    citizen = make.user()

    response = client.post("/admin/officials", data={"email": citizen.email, "institution": 999})

    assert response.status_code == 404
    committed()
    assert citizen.institution_id is None


def test_detaching_an_official_makes_an_ordinary_account_again(client, make, admin, login_as):
    official = make.official()

    response = client.post("/admin/officials", data={"email": official.email, "institution": ""})

    assert response.status_code == 302
    committed()
    assert official.institution_id is None
    assert audit_trail("user.attach_institution") == [
        (admin.id, "user", official.id, {"institution_id": None})
    ]
    login_as(official)
    assert client.get("/manage/").status_code == 403


def test_officials_list_shows_who_acts_for_which_institution(client, make, admin):
    ministry = make.institution(name={"fr": "Ministère de l'Équipement"})
    official = make.official(ministry, email="salma@equipement.gov.ma")
    make.user(email="citoyen@example.org")

    text = page(client.get("/admin/"))
    officials = text[text.index('id="officials-title"') :]

    assert "salma@equipement.gov.ma" in officials
    assert "Ministère de l'Équipement" in officials
    assert "citoyen@example.org" not in officials
    assert official.display_name in officials
