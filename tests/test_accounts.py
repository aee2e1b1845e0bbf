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


def _outbox(app) -> list[str]:
    from email import message_from_bytes, policy
    from pathlib import Path

    folder = Path(app.instance_path) / "outbox"
    paths = sorted(folder.glob("*.eml")) if folder.exists() else []
    messages = [message_from_bytes(p.read_bytes(), policy=policy.default) for p in paths]
    return [f"To: {m['To']}\n" + m.get_content() for m in messages]


def _link(mail: str) -> str:
    import re

    return re.search(r"http://localhost(/\S+)", mail).group(1)


def test_signup_records_consent_and_sends_a_confirmation_link(client, frozen_clock, app, tmp_path):
    app.instance_path = str(tmp_path)
    response = client.post("/signup", data=signup_data())
    assert response.status_code == 200  # "check your mailbox", not signed in yet
    user = db.session.scalars(select(User)).one()
    assert user.email == "nadia@example.org"
    assert user.consented_at == frozen_clock()
    assert user.email_confirmed_at is None
    assert (user.region, user.gender, user.age_bracket) == ("souss-massa", "female", "25-34")
    assert user.check_password("a long enough password")
    assert client.get("/account").status_code == 302

    [mail] = _outbox(app)
    assert "To: nadia@example.org" in mail
    link = _link(mail)
    assert client.get(link).status_code == 302  # confirms and signs in
    db.session.refresh(user)
    assert user.email_confirmed_at == frozen_clock()
    assert client.get("/account").status_code == 200
    assert client.get(link).status_code == 400  # single use


def test_unconfirmed_accounts_read_but_cannot_take_part(client, make, login_as):
    consultation = make.consultation()
    user = make.user()
    user.email_confirmed_at = None
    db.session.commit()
    login_as(user)
    response = client.post(
        f"/consultations/{consultation.id}/comments", data={"body": "Bonjour", "section": "1"}
    )
    assert response.status_code == 403


def test_password_reset_by_a_single_use_link(client, make, app, tmp_path):
    app.instance_path = str(tmp_path)
    user = make.user(email="oubli@example.org")
    unknown = client.post("/password/forgot", data={"email": "nobody@example.org"})
    known = client.post("/password/forgot", data={"email": "Oubli@example.org"})
    # The same page whether or not the address has an account.
    assert unknown.status_code == known.status_code == 200
    assert unknown.get_data(as_text=True).replace("nobody", "X") == known.get_data(
        as_text=True
    ).replace("Oubli", "X")
    [mail] = _outbox(app)
    link = _link(mail)
    assert client.get(link).status_code == 200
    response = client.post(
        link, data={"password": "brand new password", "password_again": "brand new password"}
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password("brand new password")
    assert client.get(link).status_code == 400  # used: the password changed

    assert client.get("/password/reset/forged-token").status_code == 400


def test_an_expired_link_is_refused(client, make, app, tmp_path, monkeypatch):
    from consult.accounts import tokens

    app.instance_path = str(tmp_path)
    make.user(email="tard@example.org")
    client.post("/password/forgot", data={"email": "tard@example.org"})
    link = _link(_outbox(app)[-1])
    assert client.get(link).status_code == 200
    monkeypatch.setitem(tokens.MAX_AGE, tokens.RESET, -1)  # every link is now too old
    assert client.get(link).status_code == 400


def test_signup_without_consent_is_refused_and_keeps_what_was_typed(client):
    response = client.post("/signup", data=signup_data(consent=""))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="Nadia@Example.org"' in page
    assert 'id="consent-error"' in page
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_profile_answers_are_optional_and_can_be_declined(client):
    data = signup_data(region="undisclosed", gender="undisclosed", age_bracket="")
    assert client.post("/signup", data=data).status_code == 200
    user = db.session.scalars(select(User)).one()
    assert (user.region, user.gender, user.age_bracket) == ("undisclosed", "undisclosed", None)


def test_abroad_needs_a_country(client):
    response = client.post("/signup", data=signup_data(region="abroad", country=""))
    assert response.status_code == 400
    assert (
        client.post("/signup", data=signup_data(region="abroad", country="BE")).status_code == 200
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


def test_signing_up_again_with_a_registered_address_reveals_nothing(client, make, app, tmp_path):
    app.instance_path = str(tmp_path)
    make.user(email="nadia@example.org")
    response = client.post("/signup", data=signup_data(email="NADIA@example.org"))
    fresh = client.post("/signup", data=signup_data(email="someone.new@example.org"))
    assert response.status_code == fresh.status_code == 200
    assert db.session.scalar(select(func.count()).select_from(User)) == 2
    mails = _outbox(app)
    assert any("To: nadia@example.org" in m and "/password/forgot" in m for m in mails)


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
