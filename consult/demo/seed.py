"""Seed a realistic demo: an institution, an open consultation on a draft law, a closed one."""

import random
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from .. import clock
from ..accounts.services import register_user
from ..comments import services as comment_services
from ..comments.models import Comment
from ..consultations import services as consultation_services
from ..consultations.models import Consultation, Section, Status
from ..extensions import db
from ..institutions.models import Institution
from ..text.drafts import split_draft
from . import content

HERE = Path(__file__).parent
DEMO_SLUG = "demo-ministry"
#: Every demo account gets this password, so a visitor of the demo can sign in as one.
DEMO_PASSWORD = "demo-password-2026"
OFFICIAL_EMAIL = "official@example.org"


def seed() -> bool:
    """Create the demo unless its institution exists; True when something was created."""
    if db.session.scalar(select(Institution.id).where(Institution.slug == DEMO_SLUG)):
        return False
    now = clock.utcnow()
    institution = Institution(name=content.INSTITUTION, slug=DEMO_SLUG)
    db.session.add(institution)
    db.session.flush()

    official = register_user(
        email=OFFICIAL_EMAIL,
        password=DEMO_PASSWORD,
        display_name="Direction de la consultation",
        locale="fr",
        consented_at=now,
    )
    official.institution_id = institution.id
    official.email_confirmed_at = now
    users = [
        register_user(
            email=u["email"],
            password=DEMO_PASSWORD,
            display_name=u["display_name"],
            locale=u["locale"],
            consented_at=now - timedelta(days=20),
            region=u["region"],
            country=u["country"],
            gender=u["gender"],
            age_bracket=u["age_bracket"],
        )
        for u in content.USERS
    ]
    for user in users:
        user.email_confirmed_at = now - timedelta(days=20)

    # The open consultation: opened ten days ago, closes in fifty days.
    open_one = _consultation(
        official,
        institution,
        content.MAIN_CONSULTATION,
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=50),
    )
    _store_text(official, open_one, "fr", (HERE / "draft_fr.txt").read_text(encoding="utf-8"), now)
    _store_text(official, open_one, "ar", (HERE / "draft_ar.txt").read_text(encoding="utf-8"), now)

    closed_one = _consultation(
        official,
        institution,
        content.CLOSED_CONSULTATION,
        opens_at=now - timedelta(days=120),
        closes_at=now - timedelta(days=60),
    )
    _store_text(official, closed_one, "fr", content.CLOSED_DRAFT_FR, now)
    _store_text(official, closed_one, "ar", content.CLOSED_DRAFT_AR, now)

    rng = random.Random(content.VOTE_SEED)
    _comments(open_one, users, content.COMMENTS, now - timedelta(days=9), now, rng)
    _comments(
        closed_one,
        users,
        content.CLOSED_COMMENTS,
        now - timedelta(days=100),
        closed_one.closes_at,
        rng,
    )
    seed_organisations(open_one, users, now)
    db.session.commit()
    return True


def _consultation(official, institution, data, *, opens_at, closes_at) -> Consultation:
    # Created as a draft with dates in the future, then given its real dates: the demo
    # needs consultations that are already open or closed.
    fields = consultation_services.ConsultationFields(
        title=data["title"],
        summary=data["summary"],
        kind=data["kind"],
        scope=data["scope"],
        scope_area=None,
        audience="everyone",
        themes=data["themes"],
        opens_at=opens_at,
        closes_at=closes_at,
    )
    consultation = consultation_services.create_consultation(official, institution.id, fields)
    return consultation


def _store_text(official, consultation, language, text, now) -> None:
    structure = split_draft(text, language).to_dict()
    items = consultation_services.items_from_structure(structure)
    # The draft is stored while the consultation is still a draft (as an official would).
    consultation_services.store_draft_language(
        official,
        consultation,
        language,
        items,
        structure["preamble"],
        consultation.opens_at - timedelta(days=1),
    )
    consultation.status = Status.SCHEDULED


def _comments(consultation, users, entries, start, end, rng) -> None:
    sections = {
        s.number: s
        for s in db.session.scalars(
            select(Section).where(
                Section.consultation_id == consultation.id, Section.kind == "article"
            )
        )
    }
    posted: dict[str, Comment] = {}
    # Contributions are spread over the time the consultation was open, in order.
    step = (end - start - timedelta(hours=2)) / (len(entries) + 1)
    for index, entry in enumerate(entries, start=1):
        when = start + step * index
        comment = comment_services.post_comment(
            users[entry["author"]],
            consultation,
            entry["body"],
            section=sections.get(entry["article"]) if entry["article"] else None,
            parent=posted.get(entry["parent"]) if entry["parent"] else None,
            stance=entry["stance"],
            now=when,
        )
        posted[entry["key"]] = comment
    for comment in posted.values():
        if comment.created_at + step / 2 >= end:
            continue
        for user in rng.sample(users, rng.randint(0, 12)):
            if user.id == comment.author_id:
                continue
            value = rng.choices(["agree", "disagree", "pass"], weights=[6, 3, 1])[0]
            comment_services.cast_vote(
                user,
                comment,
                value,
                now=comment.created_at + step / 2,
            )


def seed_organisations(consultation, users, now) -> None:
    """Organisations (verified and pending), a network, recommendations of every kind."""
    from ..organisations import services as organisation_services
    from ..organisations.models import Organisation, OrganisationDomain, Representative
    from ..recommendations import services as recommendation_services
    from ..recommendations.models import Recommendation
    from . import organisations as data

    admin_moment = now - timedelta(days=15)
    by_key: dict[str, Organisation] = {}
    for entry in data.ORGANISATIONS:
        organisation = Organisation(
            name=entry["name"],
            kind=entry["kind"],
            registration_ref=entry["ref"],
            registration_key=organisation_services.registration_key(entry["ref"]),
            region=entry["region"],
            country=entry.get("country"),
            contact_email=entry["email"],
            description=entry["description"],
            domains=[OrganisationDomain(domain=d) for d in entry["domains"]],
        )
        db.session.add(organisation)
        db.session.flush()
        for index in entry["representatives"]:
            db.session.add(
                Representative(
                    organisation_id=organisation.id, user_id=users[index].id, since=admin_moment
                )
            )
        if entry["status"] == "verified":
            organisation.status = organisation.status.__class__("verified")
            organisation.reviewed_at = admin_moment
        by_key[entry["key"]] = organisation
    db.session.flush()
    for network_key, member_key in data.NETWORK_MEMBERS:
        network, member = by_key[network_key], by_key[member_key]
        representative = users[
            data.ORGANISATIONS[[o["key"] for o in data.ORGANISATIONS].index(member_key)][
                "representatives"
            ][0]
        ]
        membership = organisation_services.request_membership(
            representative, network, member, requested_by=member
        )
        network_rep = users[
            next(o for o in data.ORGANISATIONS if o["key"] == network_key)["representatives"][0]
        ]
        organisation_services.accept_membership(network_rep, membership, admin_moment)

    sections = {
        s.number: s
        for s in db.session.scalars(
            select(Section).where(
                Section.consultation_id == consultation.id, Section.kind == "article"
            )
        )
    }
    rng = random.Random(content.VOTE_SEED + 1)
    moment = consultation.opens_at + timedelta(days=1)
    for entry in data.RECOMMENDATIONS:
        moment += timedelta(hours=7)
        section = sections.get(entry["article"]) if entry["article"] else None
        wording = entry.get("wording", "")
        if "replace" in entry:
            current = section.body[entry["language"]]
            old, new = entry["replace"]
            if old not in current:
                raise ValueError(f"demo amendment does not match article {entry['article']}")
            wording = current.replace(old, new)
        author = users[entry["author"]]
        recommendation: Recommendation = recommendation_services.save_recommendation(
            author,
            by_key[entry["organisation"]],
            consultation,
            recommendation_services.RecommendationFields(
                section, entry["kind"], entry["language"], wording, entry["justification"]
            ),
            submit=not entry.get("draft"),
            now=moment,
        )
        for cosigner_key in entry["cosigners"]:
            cosigner = by_key[cosigner_key]
            rep_index = next(o for o in data.ORGANISATIONS if o["key"] == cosigner_key)[
                "representatives"
            ][0]
            recommendation_services.cosign(
                users[rep_index], recommendation, cosigner, moment + timedelta(hours=2)
            )
        for supporter in rng.sample(users, entry["supporters"]):
            recommendation_services.support(supporter, recommendation, moment + timedelta(hours=3))
