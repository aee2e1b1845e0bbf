"""Who may do what with organisations and recommendations: every role × every action.

Each cell checks the HTTP status the role gets and, when it is refused, that the database is
exactly as before (every table, row by row)."""

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from consult.extensions import db
from consult.organisations import services
from consult.organisations.models import Invitation, NetworkMembership
from consult.recommendations import attachments
from consult.recommendations.models import Recommendation

from .org_factories import MINIMAL_PDF, OrgFactories, committed, hash_passwords_fast

ROLES = (
    "visitor",
    "citizen",
    "pending_rep",  # represents an organisation awaiting verification
    "owner_rep",  # represents the verified organisation that owns the recommendations
    "other_rep",  # represents another verified organisation
    "official",
    "admin",
)

LOGIN = "login"  # a redirect to the sign-in page


@dataclass
class World:
    consultation: object
    owner: object
    other: object
    pending: object
    network: object
    to_verify: object
    draft: Recommendation
    submitted: Recommendation
    users: dict

    def acting_org(self, role: str):
        """The organisation a role acts for: its own, or (having none) the owner's."""
        return {"pending_rep": self.pending, "other_rep": self.other}.get(role, self.owner)


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    hash_passwords_fast(monkeypatch)


@pytest.fixture
def org(make):
    return OrgFactories(make)


@pytest.fixture
def world(app, make, org, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    consultation = make.consultation()
    users = {
        "citizen": make.user(),
        "pending_rep": make.user(),
        "owner_rep": make.user(),
        "other_rep": make.user(),
        "official": make.official(),
        "admin": make.user(admin=True),
    }
    owner = org.organisation(users["owner_rep"], name={"fr": "Propriétaire"})
    other = org.organisation(users["other_rep"], name={"fr": "Autre"})
    pending = org.organisation(users["pending_rep"], status="pending", name={"fr": "En attente"})
    network = org.network(name={"fr": "Réseau"})
    to_verify = org.organisation(status="pending", name={"fr": "À vérifier"})
    draft = org.recommendation(owner, consultation, article_number="1", submit=False)
    draft.attachment_key = attachments.store(tmp_path / "uploads" / "recommendations", MINIMAL_PDF)
    draft.attachment_name = "memo.pdf"
    draft.attachment_size = len(MINIMAL_PDF)
    db.session.commit()
    submitted = org.recommendation(owner, consultation, article_number="2")
    return World(consultation, owner, other, pending, network, to_verify, draft, submitted, users)


def snapshot() -> dict:
    """Every row of every table, as committed."""
    committed()
    return {
        table.name: sorted(
            (tuple(map(repr, row)) for row in db.session.execute(select(table)).all()),
        )
        for table in db.metadata.sorted_tables
    }


def recommendation_form(organisation, action="submit", **fields) -> dict:
    return {
        "organisation": str(organisation.id),
        "target": "1",
        "kind": "general",
        "language": "fr",
        "proposed_wording": "",
        "justification": "Une justification.",
        "action": action,
        **fields,
    }


# Each action: (method, url, form data) for a role in the world.
ACTIONS = {
    "register_organisation": lambda w, role: (
        "POST",
        "/organisations/new",
        {
            "name_fr": "Nouvelle association",
            "kind": "association",
            "registration_ref": "NEW-0001",
            "region": "oriental",
            "contact_email": "new@example.org",
        },
    ),
    "verify_organisation": lambda w, role: (
        "POST",
        f"/admin/organisations/{w.to_verify.id}/verify",
        {},
    ),
    "invite_representative": lambda w, role: (
        "POST",
        f"/organisations/{w.owner.id}/invite",
        {"email": "invited@example.org"},
    ),
    "request_network_membership": lambda w, role: (
        "POST",
        f"/organisations/{w.acting_org(role).id}/memberships",
        {"other": str(w.network.id)},
    ),
    "create_recommendation": lambda w, role: (
        "POST",
        f"/consultations/{w.consultation.id}/recommendations/new",
        recommendation_form(w.acting_org(role)),
    ),
    "edit_draft": lambda w, role: (
        "POST",
        f"/recommendations/{w.draft.id}/edit",
        recommendation_form(w.owner, action="draft", justification="Changée."),
    ),
    "submit_draft": lambda w, role: ("POST", f"/recommendations/{w.draft.id}/submit", {}),
    "withdraw": lambda w, role: ("POST", f"/recommendations/{w.submitted.id}/withdraw", {}),
    "cosign": lambda w, role: (
        "POST",
        f"/recommendations/{w.submitted.id}/cosign",
        {"organisation": str(w.acting_org(role).id)},
    ),
    "support": lambda w, role: ("POST", f"/recommendations/{w.submitted.id}/support", {}),
    "download_draft_attachment": lambda w, role: (
        "GET",
        f"/recommendations/{w.draft.id}/attachment",
        None,
    ),
    "view_draft": lambda w, role: ("GET", f"/recommendations/{w.draft.id}", None),
}

# What each role must get, in ROLES order. 302/200: allowed; LOGIN: asked to sign in;
# 403/404/409: refused (404 where the thing must not even be known to exist).
EXPECTED = {
    #                             visitor citizen pending owner other official admin
    "register_organisation": (LOGIN, 302, 302, 302, 302, 302, 302),
    "verify_organisation": (LOGIN, 403, 403, 403, 403, 403, 302),
    "invite_representative": (LOGIN, 403, 403, 302, 403, 403, 403),
    "request_network_membership": (LOGIN, 403, 403, 302, 302, 403, 403),
    "create_recommendation": (LOGIN, 403, 403, 302, 302, 403, 403),
    "edit_draft": (LOGIN, 404, 404, 302, 404, 404, 404),
    "submit_draft": (LOGIN, 404, 404, 302, 404, 404, 404),
    "withdraw": (LOGIN, 403, 403, 302, 403, 403, 403),
    "cosign": (LOGIN, 403, 403, 409, 302, 403, 403),
    "support": (LOGIN, 302, 302, 302, 302, 302, 302),
    "download_draft_attachment": (404, 404, 404, 200, 404, 404, 404),
    "view_draft": (404, 404, 404, 200, 404, 404, 404),
}

CELLS = [
    pytest.param(action, role, EXPECTED[action][i], id=f"{action}-{role}")
    for action in ACTIONS
    for i, role in enumerate(ROLES)
]


def send(client, method: str, url: str, data):
    if method == "GET":
        with client.get(url) as response:  # a file response holds its file until closed
            return response
    return client.post(url, data=data)


def test_the_matrix_covers_every_action_and_role():
    assert set(EXPECTED) == set(ACTIONS)
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())


@pytest.mark.parametrize(("action", "role", "expected"), CELLS)
def test_permission_matrix(client, login_as, world, action, role, expected):
    if role != "visitor":
        login_as(world.users[role])
    method, url, data = ACTIONS[action](world, role)
    before = snapshot()
    response = send(client, method, url, data)
    after = snapshot()

    if expected == LOGIN:
        assert response.status_code == 302
        assert "/login" in response.location
    else:
        assert response.status_code == expected
        if expected == 302:
            assert "/login" not in response.location
    allowed_change = method == "POST" and expected == 302
    if allowed_change:
        assert after != before, "the action was accepted but changed nothing"
    else:
        assert after == before, "a refused action changed the database"


# --- A representative of A never acts for B, whatever the form or URL says -------------------


def refused_without_change(client, url: str, data: dict, status: int) -> None:
    before = snapshot()
    response = client.post(url, data=data)
    assert response.status_code == status
    assert snapshot() == before


def test_a_recommendation_cannot_be_created_for_another_organisation(client, login_as, world):
    login_as(world.users["other_rep"])
    refused_without_change(
        client,
        f"/consultations/{world.consultation.id}/recommendations/new",
        recommendation_form(world.owner),
        403,
    )


def test_a_recommendation_cannot_be_created_for_an_organisation_by_a_stranger(
    client, login_as, world
):
    login_as(world.users["other_rep"])
    for organisation in (world.network, world.pending):
        refused_without_change(
            client,
            f"/consultations/{world.consultation.id}/recommendations/new",
            recommendation_form(organisation, action="draft"),
            403,
        )


def test_another_organisations_draft_cannot_be_edited_by_url(client, login_as, world):
    login_as(world.users["other_rep"])
    url = f"/recommendations/{world.draft.id}/edit"
    assert client.get(url).status_code == 404
    refused_without_change(
        client, url, recommendation_form(world.other, action="draft", justification="Volée."), 404
    )
    refused_without_change(client, url, recommendation_form(world.other), 404)


def test_a_draft_cannot_be_moved_to_another_organisation_through_the_form(
    client, login_as, org, world
):
    # Even someone who represents both organisations cannot reassign the draft.
    both = org.representative_of(world.other, world.users["owner_rep"])
    login_as(both)
    refused_without_change(
        client,
        f"/recommendations/{world.draft.id}/edit",
        recommendation_form(world.other, action="draft", justification="Réattribuée."),
        403,
    )


def test_a_cosignature_cannot_be_made_for_an_organisation_one_does_not_represent(
    client, login_as, world
):
    login_as(world.users["other_rep"])
    url = f"/recommendations/{world.submitted.id}/cosign"
    for organisation in (world.network, world.pending, world.owner):
        refused_without_change(client, url, {"organisation": str(organisation.id)}, 403)


def test_another_organisations_recommendation_cannot_be_withdrawn_or_submitted(
    client, login_as, world
):
    login_as(world.users["other_rep"])
    refused_without_change(client, f"/recommendations/{world.submitted.id}/withdraw", {}, 403)
    refused_without_change(client, f"/recommendations/{world.draft.id}/submit", {}, 404)


def test_another_organisation_cannot_be_run_by_url(client, login_as, world):
    login_as(world.users["other_rep"])
    owner = world.owner.id
    refused_without_change(client, f"/organisations/{owner}/invite", {"email": "x@y.org"}, 403)
    refused_without_change(client, f"/organisations/{owner}/leave", {}, 403)
    refused_without_change(
        client, f"/organisations/{owner}/memberships", {"other": str(world.network.id)}, 403
    )


def test_a_membership_between_two_others_cannot_be_answered(client, login_as, org, world):
    services.request_membership(
        world.users["owner_rep"], world.network, world.owner, requested_by=world.owner
    )
    db.session.commit()
    membership = db.session.scalars(select(NetworkMembership)).one()
    login_as(world.users["other_rep"])
    for answer in ("accept", "end"):
        refused_without_change(
            client, f"/organisations/memberships/{membership.id}/{answer}", {}, 403
        )


def test_an_invitation_cannot_be_answered_for_someone_else(client, login_as, world):
    services.invite(world.users["owner_rep"], world.owner, "someone@example.org")
    db.session.commit()
    invitation = db.session.scalars(select(Invitation)).one()
    login_as(world.users["other_rep"])
    for answer in ("accept", "decline"):
        refused_without_change(
            client, f"/organisations/invitations/{invitation.id}/{answer}", {}, 403
        )


def test_with_csrf_on_a_forged_post_changes_nothing(app, client, login_as, world):
    app.config["WTF_CSRF_ENABLED"] = True
    login_as(world.users["owner_rep"])
    refused_without_change(client, f"/recommendations/{world.submitted.id}/withdraw", {}, 400)
    refused_without_change(
        client,
        f"/consultations/{world.consultation.id}/recommendations/new",
        recommendation_form(world.owner),
        400,
    )
