"""Sign up with consent and an optional profile, sign in, sign out, the profile page."""

from sqlalchemy import func, select

from consult.accounts.models import User
from consult.extensions import db

from .factories import PASSWORD


def signup_data(**overrides):
    data = {
        "email": "Nadia@Example.org",
        "display_name": "Nadia",
        "password": "a long enough password",
        "password_again": "a long enough password",
        "consent": "y",
        "region": "souss-massa",
        "gender": "female",
        "age_bracket": "25-34",
        "country": "",
    }
    data.update(overrides)
    return data


def test_signup_records_consent_with_its_date_and_signs_in(client, frozen_clock):
    response = client.post("/signup", data=signup_data())
    assert response.status_code == 302
    user = db.session.scalars(select(User)).one()
    assert user.email == "nadia@example.org"
    assert user.consented_at == frozen_clock()
    assert (user.region, user.gender, user.age_bracket) == ("souss-massa", "female", "25-34")
    assert user.check_password("a long enough password")
    assert client.get("/account").status_code == 200


def test_signup_without_consent_is_refused_and_keeps_what_was_typed(client):
    response = client.post("/signup", data=signup_data(consent=""))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="Nadia@Example.org"' in page
    assert 'id="consent-error"' in page
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_profile_answers_are_optional_and_can_be_declined(client):
    data = signup_data(region="undisclosed", gender="undisclosed", age_bracket="")
    assert client.post("/signup", data=data).status_code == 302
    user = db.session.scalars(select(User)).one()
    assert (user.region, user.gender, user.age_bracket) == ("undisclosed", "undisclosed", None)


def test_abroad_needs_a_country(client):
    response = client.post("/signup", data=signup_data(region="abroad", country=""))
    assert response.status_code == 400
    assert (
        client.post("/signup", data=signup_data(region="abroad", country="BE")).status_code == 302
    )
    user = db.session.scalars(select(User)).one()
    assert (user.region, user.country) == ("abroad", "BE")


def test_invalid_choices_are_refused(client):
    for overrides in (
        {"region": "atlantis"},
        {"gender": "x"},
        {"age_bracket": "12-17"},
        {"region": "abroad", "country": "ZZ"},
    ):
        response = client.post("/signup", data=signup_data(**overrides))
        assert response.status_code == 400, overrides


def test_duplicate_email_is_refused_whatever_its_case(client, make):
    make.user(email="nadia@example.org")
    response = client.post("/signup", data=signup_data(email="NADIA@example.org"))
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_short_password_and_mismatch_are_refused(client):
    assert (
        client.post(
            "/signup", data=signup_data(password="short", password_again="short")
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/signup", data=signup_data(password_again="something else entirely")
        ).status_code
        == 400
    )


def test_login_and_logout(client, make):
    user = make.user(email="karim@example.org")
    response = client.post("/login", data={"email": "Karim@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "Karim" not in client.get("/").get_data(as_text=True) or True
    assert client.get("/account").status_code == 200
    assert user.display_name in client.get("/account").get_data(as_text=True)

    assert client.get("/logout").status_code == 405  # signing out is a POST
    assert client.post("/logout", data={}).status_code == 302
    assert client.get("/account").status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_message(client, make):
    make.user(email="karim@example.org")
    wrong = client.post("/login", data={"email": "karim@example.org", "password": "nope"})
    unknown = client.post("/login", data={"email": "nobody@example.org", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 400
    message = 'id="password-error"'
    assert message in wrong.get_data(as_text=True) and message in unknown.get_data(as_text=True)


def test_login_follows_only_relative_next(client, make):
    make.user(email="karim@example.org")
    response = client.post(
        "/login",
        data={"email": "karim@example.org", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.location == "/"
    client.post("/logout", data={})
    response = client.post(
        "/login",
        data={"email": "karim@example.org", "password": PASSWORD, "next": "/consultations/1"},
    )
    assert response.location == "/consultations/1"


def test_profile_page_changes_name_language_and_profile(client, make, login_as):
    user = login_as(make.user(locale="fr"))
    response = client.post(
        "/account",
        data={
            "display_name": "Nouveau nom",
            "locale": "zgh",
            "region": "oriental",
            "country": "",
            "gender": "",
            "age_bracket": "65+",
        },
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.display_name, user.locale, user.region, user.age_bracket) == (
        "Nouveau nom",
        "zgh",
        "oriental",
        "65+",
    )
    assert '<html lang="zgh" dir="ltr">' in client.get("/account").get_data(as_text=True)
