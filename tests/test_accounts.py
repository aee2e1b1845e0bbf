"""Sign up with consent and an optional profile, sign in, sign out, the profile page."""

import re

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
    # Signed in: the header names the person (the e-mail's case did not matter).
    assert user.display_name in client.get("/").get_data(as_text=True)
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


def test_passwords_are_stored_with_a_memory_hard_kdf_and_a_salt(client):
    client.post("/signup", data=signup_data())
    client.post("/signup", data=signup_data(email="autre@example.org"))
    first, second = db.session.scalars(select(User.password_hash).order_by(User.id)).all()
    method, salt, digest = first.split("$")
    name, n, r, p = method.split(":")
    # scrypt with at least the cost OWASP recommends (N=2^15, r=8), never the password itself.
    assert name == "scrypt" and int(n) >= 2**15 and int(r) >= 8 and int(p) >= 1
    assert len(salt) >= 16 and "a long enough password" not in first
    assert first != second  # the same password, salted differently


def test_a_link_that_was_tampered_with_or_made_for_another_purpose_is_refused(
    client, make, app, tmp_path
):
    from consult.accounts import tokens

    app.instance_path = str(tmp_path)
    user = make.user(email="lien@example.org")
    with app.test_request_context():
        reset = tokens.make_token(user, tokens.RESET)
        confirm = tokens.make_token(user, tokens.CONFIRM)
    payload, _, signature = reset.rpartition(".")
    forged = f"{payload}.{signature[:-2]}{'AB' if signature[-2:] != 'AB' else 'CD'}"
    assert client.get(f"/password/reset/{reset}").status_code == 200
    assert client.get(f"/password/reset/{forged}").status_code == 400
    assert client.get(f"/password/reset/{confirm}").status_code == 400  # a confirmation link
    # Signed with another secret key: refused, though well formed.
    app.config["SECRET_KEY"] = "another-secret"
    assert client.get(f"/password/reset/{reset}").status_code == 400


def test_a_reset_link_expires_after_an_hour_by_the_clock(client, make, app, tmp_path, monkeypatch):
    import time

    from consult.accounts import tokens

    app.instance_path = str(tmp_path)
    user = make.user(email="heure@example.org")
    with app.test_request_context():
        reset = tokens.make_token(user, tokens.RESET)
    assert client.get(f"/password/reset/{reset}").status_code == 200
    later = time.time() + tokens.MAX_AGE[tokens.RESET] + 5
    monkeypatch.setattr(time, "time", lambda: later)  # itsdangerous reads the time from here
    assert client.get(f"/password/reset/{reset}").status_code == 400


def test_a_failed_sign_in_reads_the_same_whether_or_not_the_account_exists(client, make):
    make.user(email="karim@example.org")
    wrong = client.post("/login", data={"email": "karim@example.org", "password": "nope"})
    unknown = client.post("/login", data={"email": "nobody@example.org", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 400
    pages = [r.get_data(as_text=True) for r in (wrong, unknown)]
    pages[0] = pages[0].replace("karim@example.org", "X")
    pages[1] = pages[1].replace("nobody@example.org", "X")
    strip_token = re.compile(r'name="csrf_token"[^>]*>')
    assert strip_token.sub("", pages[0]) == strip_token.sub("", pages[1])


def test_an_unknown_address_costs_a_password_check_too(client, make, monkeypatch):
    """Answering faster when the account does not exist would tell that it does not."""
    from consult.accounts import models, services

    make.user(email="karim@example.org")
    checks = []
    real = models.check_password_hash

    def counted(stored, given):
        checks.append(stored)
        return real(stored, given)

    for module in (models, services):
        monkeypatch.setattr(module, "check_password_hash", counted, raising=False)
    client.post("/login", data={"email": "karim@example.org", "password": "nope"})
    client.post("/login", data={"email": "nobody@example.org", "password": "nope"})
    assert len(checks) == 2
    assert checks[1].split("$")[0] == checks[0].split("$")[0]  # the same KDF and cost


def test_asking_for_a_reset_reads_the_same_whether_or_not_the_account_exists(
    client, make, app, tmp_path
):
    app.instance_path = str(tmp_path)
    make.user(email="connue@example.org")
    known = client.post("/password/forgot", data={"email": "connue@example.org"})
    unknown = client.post("/password/forgot", data={"email": "inconnue@example.org"})
    assert known.status_code == unknown.status_code == 200
    known_page = known.get_data(as_text=True).replace("connue@example.org", "X")
    unknown_page = unknown.get_data(as_text=True).replace("inconnue@example.org", "X")
    assert known_page == unknown_page
    assert len(_outbox(app)) == 1  # only the real account gets mail
