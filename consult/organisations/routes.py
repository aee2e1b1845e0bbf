"""Organisation pages: directory, registration, public page with its representatives' panel."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import clock, permissions
from ..errors import DomainError
from ..extensions import db
from ..formtools import choices
from ..i18n import pick, select_language
from ..pagination import Page, page_number
from ..recommendations import queries as recommendation_queries
from ..web import flash_done, safe_next
from . import bp, queries, services
from .forms import ActionForm, InviteForm, MembershipForm, OrganisationForm
from .models import Invitation, NetworkMembership, Organisation, OrganisationStatus
from .names import DOMAIN_NAMES, KIND_NAMES


@bp.get("/")
def directory():
    kind = request.args.get("kind") if request.args.get("kind") in KIND_NAMES else None
    domain = request.args.get("domain") if request.args.get("domain") in DOMAIN_NAMES else None
    region = request.args.get("region") or None
    pagination = queries.directory(
        kind=kind, region=region, domain=domain, page=page_number(request.args.get("page"))
    )
    return render_template(
        "organisations/directory.html",
        items=pagination.items,
        page=Page(pagination.page, pagination.per_page, pagination.total or 0),
        selected={"kind": kind, "domain": domain, "region": region},
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def register():
    form = OrganisationForm()
    form.fill_countries(select_language())
    status = 200
    if form.validate_on_submit():
        try:
            organisation = services.register_organisation(
                current_user,
                services.OrganisationFields(
                    name={"ar": form.name_ar.data, "fr": form.name_fr.data,
                          "zgh": form.name_zgh.data},
                    kind=form.kind.data,
                    registration_ref=form.registration_ref.data,
                    region=form.region.data,
                    country=form.country.data,
                    domains=form.domains.data or [],
                    contact_email=form.contact_email.data,
                    contact_phone=form.contact_phone.data,
                    description=form.description.data or "",
                ),
                clock.utcnow(),
            )
        except DomainError as error:
            form.registration_ref.errors = [*form.registration_ref.errors, error.message]
            status = error.status_code
        else:
            db.session.commit()
            flash_done(_("The organisation is registered. An administrator will verify it."))
            return redirect(url_for("organisations.show", organisation_id=organisation.id))
    elif form.is_submitted():
        status = 400
    return render_template("organisations/register.html", form=form), status


@bp.get("/mine")
@login_required
def mine():
    return render_template(
        "organisations/mine.html",
        organisations=queries.organisations_of(current_user),
        invitations=queries.invitations_for(current_user),
        action_form=ActionForm(),
    )


def _visible(organisation_id: int) -> Organisation:
    organisation = db.get_or_404(Organisation, organisation_id)
    if not permissions.can_view_organisation(current_user, organisation):
        abort(404)
    return organisation


@bp.get("/<int:organisation_id>")
def show(organisation_id: int):
    return _render_show(_visible(organisation_id))


def _render_show(organisation: Organisation, invite_form: InviteForm | None = None, status=200):
    is_rep = services.is_representative(current_user, organisation.id)
    memberships = queries.memberships(organisation.id)
    context = {
        "organisation": organisation,
        "is_representative": is_rep,
        "networks": [o for m, o in memberships
                     if m.member_id == organisation.id and m.status.value == "accepted"],
        "members": [o for m, o in memberships
                    if m.network_id == organisation.id and m.status.value == "accepted"],
        "recommendations": recommendation_queries.of_organisation(organisation.id),
    }
    if is_rep:
        context.update(
            representatives=queries.representatives(organisation.id),
            invitations=queries.pending_invitations(organisation.id),
            pending_memberships=[(m, o) for m, o in memberships if m.status.value == "pending"],
            invite_form=invite_form or InviteForm(),
            membership_form=_membership_form(organisation),
            action_form=ActionForm(),
        )
    return render_template("organisations/show.html", **context), status


def _membership_form(organisation: Organisation) -> MembershipForm:
    """A network picks member organisations; another organisation picks networks to join."""
    form = MembershipForm()
    linked = {o.id for _m, o in queries.memberships(organisation.id)}
    query = select(Organisation).where(
        Organisation.status == OrganisationStatus.VERIFIED,
        Organisation.id.not_in([organisation.id, *linked]),
    )
    if not organisation.is_network:
        query = query.where(Organisation.kind == "network")
    language = select_language()
    form.other.choices = choices(
        (str(o.id), pick(o.name, language).text)
        for o in db.session.scalars(query.order_by(Organisation.id))
    )
    return form


def _represented(organisation_id: int) -> Organisation:
    organisation = db.get_or_404(Organisation, organisation_id)
    if not services.is_representative(current_user, organisation.id):
        abort(403)
    return organisation


@bp.post("/<int:organisation_id>/invite")
@login_required
def invite(organisation_id: int):
    organisation = _represented(organisation_id)
    form = InviteForm()
    if not form.validate_on_submit():
        return _render_show(organisation, invite_form=form, status=400)
    try:
        services.invite(current_user, organisation, form.email.data)
    except DomainError as error:
        form.email.errors = [*form.email.errors, error.message]
        return _render_show(organisation, invite_form=form, status=error.status_code)
    db.session.commit()
    flash_done(_("The invitation is recorded. The person sees it after signing in."))
    return redirect(url_for("organisations.show", organisation_id=organisation.id))


@bp.post("/<int:organisation_id>/leave")
@login_required
def leave(organisation_id: int):
    organisation = _represented(organisation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.leave(current_user, organisation)
    db.session.commit()
    flash_done(_("You no longer represent this organisation."))
    return redirect(url_for("organisations.mine"))


@bp.post("/invitations/<int:invitation_id>/<any(accept, decline):answer>")
@login_required
def answer_invitation(invitation_id: int, answer: str):
    invitation = db.get_or_404(Invitation, invitation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if answer == "accept":
        services.accept_invitation(current_user, invitation, clock.utcnow())
        flash_done(_("You now represent this organisation."))
    else:
        services.decline_invitation(current_user, invitation)
        flash_done(_("The invitation is declined."))
    db.session.commit()
    return redirect(url_for("organisations.mine"))


@bp.post("/<int:organisation_id>/memberships")
@login_required
def request_membership(organisation_id: int):
    organisation = _represented(organisation_id)
    form = _membership_form(organisation)
    other_id = form.other.data if form.validate_on_submit() else None
    if not other_id or not other_id.isdigit():
        abort(400)
    other = db.get_or_404(Organisation, int(other_id))
    if not permissions.can_view_organisation(current_user, other):
        abort(404)
    # A network invites members; any other organisation asks to join a network.
    network, member = (organisation, other) if organisation.is_network else (other, organisation)
    services.request_membership(current_user, network, member, requested_by=organisation)
    db.session.commit()
    flash_done(_("The request is sent. The other organisation must accept it."))
    return redirect(url_for("organisations.show", organisation_id=organisation.id))


@bp.post("/memberships/<int:membership_id>/<any(accept, end):action>")
@login_required
def answer_membership(membership_id: int, action: str):
    membership = db.get_or_404(NetworkMembership, membership_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if action == "accept":
        services.accept_membership(current_user, membership, clock.utcnow())
        flash_done(_("The membership is accepted."))
    else:
        services.end_membership(current_user, membership)
        flash_done(_("The membership is ended."))
    db.session.commit()
    return redirect(safe_next(request.form.get("next"), url_for("organisations.mine")))
