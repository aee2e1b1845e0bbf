"""Law 09-08: a person downloads their data and deletes their account; the record stays."""

from sqlalchemy import select

from consult.consultations.models import Section
from consult.extensions import db

from .factories import PASSWORD


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
