"""Organisations: registration, review by an administrator, representatives, networks, directory."""

import re

import pytest
from sqlalchemy import select

from consult.audit import AuditEvent
from consult.extensions import db
from consult.organisations.models import (
    Invitation,
    MembershipStatus,
    NetworkMembership,
    Organisation,
    OrganisationStatus,
    Representative,
)
from consult.organisations.services import registration_key

from .org_factories import (
    OrgFactories,
    committed,
    count_of,
    hash_passwords_fast,
    page,
    plain,
    shown,
)

#: Visitors have no profile: they read in the language their browser asks for.
FRENCH = {"Accept-Language": "fr"}


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    hash_passwords_fast(monkeypatch)


@pytest.fixture
def org(make):
    return OrgFactories(make)


def registration(**overrides) -> dict:
    data = {
        "name_ar": "",
        "name_fr": "Association Tamkine",
        "name_zgh": "",
        "kind": "association",
        "registration_ref": "12/345-B",
        "region": "souss-massa",
        "country": "",
        "domains": ["climate", "gender_equality"],
        "contact_email": "Contact@Tamkine.ma",
        "contact_phone": "+212 5 28 00 00 00",
        "description": "Accompagne les coopératives féminines.",
    }
    data.update(overrides)
    return data


def represents(user, organisation) -> bool:
    committed()
    return (
        db.session.get(Representative, {"organisation_id": organisation.id, "user_id": user.id})
        is not None
    )


def audit_trail(action: str) -> list[AuditEvent]:
    committed()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# --- Registration -----------------------------------------------------------------------------


def test_registering_makes_the_organisation_pending_and_the_user_its_representative(
    client, make, login_as
):
    user = login_as(make.user())
    response = client.post("/organisations/new", data=registration())
    assert response.status_code == 302

    organisation = db.session.scalars(select(Organisation)).one()
    assert response.location.endswith(f"/organisations/{organisation.id}")
    assert organisation.status == OrganisationStatus.PENDING
    assert organisation.name == {"fr": "Association Tamkine"}
    assert (organisation.kind, organisation.region, organisation.country) == (
        "association",
        "souss-massa",
        None,
    )
    assert organisation.registration_ref == "12/345-B"
    assert organisation.domain_slugs == ["climate", "gender_equality"]
    assert organisation.contact_email == "contact@tamkine.ma"
    assert represents(user, organisation)
    assert [e.actor_id for e in audit_trail("organisation.register")] == [user.id]

    shown_page = page(client.get(response.location))
    assert "Association Tamkine" in shown_page
    assert shown("Awaiting verification") in shown_page
    mine = page(client.get("/organisations/mine"))
    assert "Association Tamkine" in mine and shown("Awaiting verification") in mine


def test_a_name_in_arabic_alone_is_enough(client, make, login_as):
    login_as(make.user())
    data = registration(name_fr="", name_ar="جمعية التمكين")
    assert client.post("/organisations/new", data=data).status_code == 302
    assert db.session.scalars(select(Organisation)).one().name == {"ar": "جمعية التمكين"}


def test_registration_without_any_name_is_refused_and_keeps_the_form(client, make, login_as):
    login_as(make.user())
    response = client.post("/organisations/new", data=registration(name_fr="  "))
    assert response.status_code == 400
    text = page(response)
    assert shown("Give the organisation's name in at least one language.") in text
    assert "12/345-B" in text and "Accompagne les coopératives féminines." in text
    assert count_of(Organisation) == 0


def test_an_organisation_abroad_names_its_country(client, make, login_as):
    login_as(make.user())
    data = registration(region="abroad", kind="diaspora_association")
    response = client.post("/organisations/new", data=data)
    assert response.status_code == 400
    assert shown("Choose the country you live in, or another answer above.") in page(response)
    assert count_of(Organisation) == 0

    assert client.post("/organisations/new", data={**data, "country": "BE"}).status_code == 302
    organisation = db.session.scalars(select(Organisation)).one()
    assert (organisation.region, organisation.country) == ("abroad", "BE")


@pytest.mark.parametrize("spelling", ["12/345-B", "12 345 b", "12345B", " 12-345/b ", "12.345.B"])
def test_a_receipt_number_already_used_is_refused_whatever_its_spelling(
    client, make, login_as, org, spelling
):
    existing = org.organisation(reference="12/345-B", name={"fr": "Première"})
    assert registration_key(spelling) == existing.registration_key
    login_as(make.user())
    response = client.post(
        "/organisations/new",
        data=registration(registration_ref=spelling, name_fr="Deuxième association"),
    )
    assert response.status_code == 409
    text = page(response)
    assert shown("Another organisation is already registered with this declaration number.") in text
    # What the user typed is still in the form.
    assert "Deuxième association" in text
    assert "Accompagne les coopératives féminines." in text
    assert f'value="{spelling}"' in text
    assert count_of(Organisation) == 1


def test_different_receipt_numbers_do_not_collide():
    assert registration_key("12/345-B") != registration_key("12/345-C")
    assert registration_key("12/345-B") != registration_key("123/45-B1")


def test_registering_needs_an_account(client):
    response = client.post("/organisations/new", data=registration())
    assert response.status_code == 302 and "/login" in response.location
    assert count_of(Organisation) == 0


# --- Review by an administrator ---------------------------------------------------------------


def test_administrator_verifies_a_pending_organisation(client, make, login_as, org):
    organisation = org.organisation(status="pending", name={"fr": "À vérifier"})
    admin = login_as(make.user(admin=True))
    listing = page(client.get("/admin/organisations"))
    assert "À vérifier" in listing and organisation.registration_ref in listing

    response = client.post(f"/admin/organisations/{organisation.id}/verify")
    assert response.status_code == 302
    committed()
    assert db.session.get(Organisation, organisation.id).status == OrganisationStatus.VERIFIED
    assert [(e.actor_id, e.target_id) for e in audit_trail("organisation.verify")] == [
        (admin.id, organisation.id)
    ]
    assert "À vérifier" not in page(client.get("/admin/organisations"))


def test_rejection_needs_a_reason(client, make, login_as, org):
    organisation = org.organisation(status="pending")
    login_as(make.user(admin=True))
    response = client.post(f"/admin/organisations/{organisation.id}/reject", data={"reason": " "})
    assert response.status_code == 400
    assert shown("Give the reason, so the organisation knows what to correct.") in page(response)
    committed()
    assert db.session.get(Organisation, organisation.id).status == OrganisationStatus.PENDING
    assert audit_trail("organisation.reject") == []


def test_rejection_reason_is_audited_and_shown_to_the_representative(client, make, login_as, org):
    representative = make.user()
    organisation = org.organisation(representative, status="pending", name={"fr": "Refusée"})
    admin = login_as(make.user(admin=True))
    reason = "Le récépissé joint est illisible."
    response = client.post(
        f"/admin/organisations/{organisation.id}/reject", data={"reason": reason}
    )
    assert response.status_code == 302
    committed()
    rejected = db.session.get(Organisation, organisation.id)
    assert (rejected.status, rejected.rejection_reason) == (OrganisationStatus.REJECTED, reason)
    events = audit_trail("organisation.reject")
    assert [(e.actor_id, e.target_id, e.data) for e in events] == [
        (admin.id, organisation.id, {"reason": reason})
    ]

    login_as(representative)
    for url in ("/organisations/mine", f"/organisations/{organisation.id}"):
        text = page(client.get(url))
        assert reason in text, url
        assert shown("Reason given by the administrator:") in text, url


def test_only_administrators_review_organisations(client, make, login_as, org):
    representative = make.user()
    organisation = org.organisation(representative, status="pending")
    login_as(representative)
    assert client.get("/admin/organisations").status_code == 403
    assert client.post(f"/admin/organisations/{organisation.id}/verify").status_code == 403
    committed()
    assert db.session.get(Organisation, organisation.id).status == OrganisationStatus.PENDING


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_unverified_organisations_are_hidden_from_the_public(client, make, login_as, org, status):
    representative = make.user()
    organisation = org.organisation(representative, status=status, name={"fr": "Cachée"})
    url = f"/organisations/{organisation.id}"
    assert client.get(url).status_code == 404
    login_as(make.user())
    assert client.get(url).status_code == 404
    assert "Cachée" not in page(client.get("/organisations/"))
    login_as(representative)
    assert client.get(url).status_code == 200
    login_as(make.user(admin=True))
    assert client.get(url).status_code == 200


def test_a_verified_organisation_page_is_public(client, org):
    organisation = org.organisation(
        name={"fr": "Publique"}, description="Nous plantons des arbres.", domains=["climate"]
    )
    response = client.get(f"/organisations/{organisation.id}", headers=FRENCH)
    assert response.status_code == 200
    text = page(response)
    assert "Publique" in text and "Nous plantons des arbres." in text
    assert shown("Climate") in text
    # The representatives' panel is for them only.
    assert shown("Invite as representative") not in text


# --- Representatives --------------------------------------------------------------------------


def test_a_representative_invites_someone_who_accepts(client, make, login_as, org):
    founder = make.user()
    organisation = org.organisation(founder, name={"fr": "Les Amis"})
    invitee = make.user(email="nadia@example.org")
    login_as(founder)
    response = client.post(
        f"/organisations/{organisation.id}/invite", data={"email": "Nadia@Example.org"}
    )
    assert response.status_code == 302
    assert "nadia@example.org" in page(client.get(f"/organisations/{organisation.id}"))

    login_as(invitee)
    mine = page(client.get("/organisations/mine"))
    assert shown("You are invited to represent:") in mine and "Les Amis" in mine
    invitation = db.session.scalars(select(Invitation)).one()
    response = client.post(f"/organisations/invitations/{invitation.id}/accept")
    assert response.status_code == 302
    assert represents(invitee, organisation)
    assert count_of(Invitation) == 0
    mine = page(client.get("/organisations/mine"))
    assert shown("You are invited to represent:") not in mine and "Les Amis" in mine
    assert audit_trail("organisation.invite") and audit_trail("organisation.join")


def test_an_invitation_can_be_declined(client, make, login_as, org):
    organisation = org.organisation()
    invitee = make.user()
    login_as(org._first_representative(organisation))
    client.post(f"/organisations/{organisation.id}/invite", data={"email": invitee.email})
    login_as(invitee)
    invitation = db.session.scalars(select(Invitation)).one()
    response = client.post(f"/organisations/invitations/{invitation.id}/decline")
    assert response.status_code == 302
    assert not represents(invitee, organisation)
    assert count_of(Invitation) == 0


def test_an_invitation_is_only_for_its_addressee(client, make, login_as, org):
    organisation = org.organisation()
    make.user(email="invited@example.org")
    login_as(org._first_representative(organisation))
    client.post(f"/organisations/{organisation.id}/invite", data={"email": "invited@example.org"})
    intruder = login_as(make.user())
    invitation = db.session.scalars(select(Invitation)).one()
    response = client.post(f"/organisations/invitations/{invitation.id}/accept")
    assert response.status_code == 403
    assert shown("This invitation is addressed to someone else.") in page(response)
    assert not represents(intruder, organisation)
    assert count_of(Invitation) == 1


def test_inviting_someone_twice_or_a_representative_is_refused(client, make, login_as, org):
    founder = make.user()
    organisation = org.organisation(founder)
    login_as(founder)
    url = f"/organisations/{organisation.id}/invite"
    assert client.post(url, data={"email": "new@example.org"}).status_code == 302
    again = client.post(url, data={"email": "NEW@example.org"})
    assert again.status_code == 409
    assert shown("This person has already been invited.") in page(again)
    itself = client.post(url, data={"email": founder.email})
    assert itself.status_code == 409
    assert shown("This person already represents the organisation.") in page(itself)
    assert count_of(Invitation) == 1


def test_a_representative_leaves_but_the_last_one_cannot(client, make, login_as, org):
    founder = make.user()
    organisation = org.organisation(founder)
    second = org.representative_of(organisation)

    login_as(second)
    response = client.post(f"/organisations/{organisation.id}/leave")
    assert response.status_code == 302
    assert not represents(second, organisation)

    login_as(founder)
    response = client.post(f"/organisations/{organisation.id}/leave")
    assert response.status_code == 409
    assert shown("You are its only representative: invite someone else before leaving.") in page(
        response
    )
    assert represents(founder, organisation)


def test_someone_who_does_not_represent_cannot_leave_or_invite(client, make, login_as, org):
    organisation = org.organisation()
    login_as(make.user())
    assert client.post(f"/organisations/{organisation.id}/leave").status_code == 403
    response = client.post(f"/organisations/{organisation.id}/invite", data={"email": "x@y.org"})
    assert response.status_code == 403
    assert count_of(Invitation) == 0


# --- Networks ---------------------------------------------------------------------------------


def test_a_member_asks_to_join_a_network_which_accepts(client, make, login_as, org):
    member_rep, network_rep = make.user(), make.user()
    member = org.organisation(member_rep, name={"fr": "Association Membre"})
    network = org.network(network_rep, name={"fr": "Réseau Climat"})

    login_as(member_rep)
    response = client.post(
        f"/organisations/{member.id}/memberships", data={"other": str(network.id)}
    )
    assert response.status_code == 302
    membership = db.session.scalars(select(NetworkMembership)).one()
    assert (membership.network_id, membership.member_id, membership.requested_by_id) == (
        network.id,
        member.id,
        member.id,
    )
    assert membership.status == MembershipStatus.PENDING

    # The side that asked cannot accept its own request.
    response = client.post(f"/organisations/memberships/{membership.id}/accept")
    assert response.status_code == 403
    assert shown("Only the other organisation can accept this request.") in page(response)
    committed()
    assert db.session.get(NetworkMembership, membership.id).status == MembershipStatus.PENDING

    login_as(network_rep)
    assert "Association Membre" in page(client.get(f"/organisations/{network.id}"))  # pending
    response = client.post(f"/organisations/memberships/{membership.id}/accept")
    assert response.status_code == 302
    committed()
    assert db.session.get(NetworkMembership, membership.id).status == MembershipStatus.ACCEPTED
    assert db.session.get(Organisation, network.id).member_count == 1

    client.post("/logout")
    network_page = page(client.get(f"/organisations/{network.id}", headers=FRENCH))
    assert "Association Membre" in network_page
    one_member = shown("%(num)s member organisation", plural="%(num)s member organisations", num=1)
    assert one_member in network_page
    member_page = plain(client.get(f"/organisations/{member.id}", headers=FRENCH))
    assert shown("Member of the networks") in member_page
    assert f"Réseau Climat ({one_member})" in member_page
    assert f"({one_member})" in page(client.get("/organisations/?kind=network", headers=FRENCH))


def test_a_network_invites_a_member_which_accepts(client, make, login_as, org):
    member_rep, network_rep = make.user(), make.user()
    member = org.organisation(member_rep)
    network = org.network(network_rep)

    login_as(network_rep)
    response = client.post(
        f"/organisations/{network.id}/memberships", data={"other": str(member.id)}
    )
    assert response.status_code == 302
    membership = db.session.scalars(select(NetworkMembership)).one()
    assert (membership.network_id, membership.member_id, membership.requested_by_id) == (
        network.id,
        member.id,
        network.id,
    )
    assert client.post(f"/organisations/memberships/{membership.id}/accept").status_code == 403

    login_as(member_rep)
    assert client.post(f"/organisations/memberships/{membership.id}/accept").status_code == 302
    committed()
    assert db.session.get(Organisation, network.id).member_count == 1


def test_an_outsider_cannot_accept_a_membership(client, make, login_as, org):
    member = org.organisation()
    network = org.network()
    outsider = org.organisation()
    login_as(org._first_representative(member))
    client.post(f"/organisations/{member.id}/memberships", data={"other": str(network.id)})
    membership = db.session.scalars(select(NetworkMembership)).one()
    login_as(org._first_representative(outsider))
    assert client.post(f"/organisations/memberships/{membership.id}/accept").status_code == 403
    assert client.post(f"/organisations/memberships/{membership.id}/end").status_code == 403
    committed()
    assert db.session.get(NetworkMembership, membership.id).status == MembershipStatus.PENDING
    assert db.session.get(Organisation, network.id).member_count == 0


def test_ending_a_membership_decrements_the_count(client, make, login_as, org):
    network = org.network(name={"fr": "Réseau Sortie"})
    first = org.organisation(name={"fr": "Association Restante"})
    second = org.organisation(name={"fr": "Association Sortante"})
    org.member(network, first)
    leaving = org.member(network, second)
    committed()
    assert db.session.get(Organisation, network.id).member_count == 2

    login_as(org._first_representative(second))
    response = client.post(
        f"/organisations/memberships/{leaving.id}/end",
        data={"next": f"/organisations/{second.id}"},
    )
    assert response.status_code == 302
    assert response.location.endswith(f"/organisations/{second.id}")
    committed()
    assert db.session.get(Organisation, network.id).member_count == 1
    assert db.session.get(NetworkMembership, leaving.id) is None
    network_page = page(client.get(f"/organisations/{network.id}"))
    assert "Association Restante" in network_page
    assert "Association Sortante" not in network_page


def test_cancelling_a_pending_request_leaves_the_count_alone(client, make, login_as, org):
    network = org.network()
    member = org.organisation()
    login_as(org._first_representative(member))
    client.post(f"/organisations/{member.id}/memberships", data={"other": str(network.id)})
    membership = db.session.scalars(select(NetworkMembership)).one()
    assert client.post(f"/organisations/memberships/{membership.id}/end").status_code == 302
    committed()
    assert count_of(NetworkMembership) == 0
    assert db.session.get(Organisation, network.id).member_count == 0


def test_an_organisation_that_is_not_a_network_cannot_have_members(client, make, login_as, org):
    association, other = org.organisation(), org.organisation()
    login_as(org._first_representative(association))
    response = client.post(
        f"/organisations/{association.id}/memberships", data={"other": str(other.id)}
    )
    assert response.status_code == 400
    assert shown("Only a network or coalition can have member organisations.") in page(response)
    assert count_of(NetworkMembership) == 0


def test_a_membership_is_requested_once(client, make, login_as, org):
    network, member = org.network(), org.organisation()
    login_as(org._first_representative(member))
    url = f"/organisations/{member.id}/memberships"
    assert client.post(url, data={"other": str(network.id)}).status_code == 302
    again = client.post(url, data={"other": str(network.id)})
    assert again.status_code == 409
    assert count_of(NetworkMembership) == 1


def test_an_unverified_organisation_cannot_join_or_be_joined(client, make, login_as, org):
    network = org.network()
    pending_rep = make.user()
    pending = org.organisation(pending_rep, status="pending")
    login_as(pending_rep)
    response = client.post(
        f"/organisations/{pending.id}/memberships", data={"other": str(network.id)}
    )
    assert response.status_code == 403
    assert shown("Your organisation must be verified by an administrator first.") in page(response)

    pending_network = org.network(status="pending")
    login_as(org._first_representative(org.organisation()))
    member = db.session.scalars(select(Organisation).order_by(Organisation.id.desc())).first()
    response = client.post(
        f"/organisations/{member.id}/memberships", data={"other": str(pending_network.id)}
    )
    assert response.status_code == 404
    assert count_of(NetworkMembership) == 0


# --- Directory --------------------------------------------------------------------------------


def test_the_directory_lists_verified_organisations_only(client, org):
    org.organisation(name={"fr": "Vérifiée"})
    org.organisation(name={"fr": "En attente"}, status="pending")
    org.organisation(name={"fr": "Refusée"}, status="rejected")
    text = page(client.get("/organisations/"))
    assert "Vérifiée" in text
    assert "En attente" not in text and "Refusée" not in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=network", {"Réseau Sud"}),
        ("kind=cooperative", {"Coopérative Argan"}),
        ("domain=climate", {"Réseau Sud", "Association Climat"}),
        ("domain=education", set()),
        ("region=souss-massa", {"Coopérative Argan", "Réseau Sud"}),
        ("region=oriental", {"Association Climat"}),
        ("region=abroad", {"Diaspora Solidaire"}),
        ("kind=network&region=oriental", set()),
        ("kind=association&domain=climate&region=oriental", {"Association Climat"}),
        ("", {"Réseau Sud", "Coopérative Argan", "Association Climat", "Diaspora Solidaire"}),
    ],
)
def test_the_directory_filters_by_kind_domain_and_region(client, org, query, expected):
    names = {
        "Réseau Sud": dict(kind="network", domains=["climate"], region="souss-massa"),
        "Coopérative Argan": dict(
            kind="cooperative", domains=["social_economy"], region="souss-massa"
        ),
        "Association Climat": dict(kind="association", domains=["climate"], region="oriental"),
        "Diaspora Solidaire": dict(
            kind="diaspora_association", domains=["migration"], region="abroad", country="FR"
        ),
    }
    for name, fields in names.items():
        org.organisation(name={"fr": name}, **fields)
    org.organisation(name={"fr": "Cachée du Souss"}, status="pending", region="souss-massa")
    text = page(client.get(f"/organisations/?{query}"))
    assert {name for name in names if name in text} == expected
    assert "Cachée du Souss" not in text
    # The filters show what was chosen, "abroad" included.
    for key, value in (pair.split("=") for pair in query.split("&") if pair):
        assert re.search(rf'name="{key}">.*?<option value="{value}" selected>', text, re.S)
