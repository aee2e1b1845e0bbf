"""Seed a realistic demo: an institution, an open consultation on a draft law, a closed one."""

import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select
from werkzeug.security import generate_password_hash

from .. import clock
from ..accounts.models import User
from ..accounts.services import normalise_email, set_profile
from ..comments import services as comment_services
from ..comments.models import (
    Comment,
    ConsultationParticipant,
    SectionParticipant,
    Vote,
    VoteValue,
)
from ..consultations import services as consultation_services
from ..consultations.models import Consultation, Section, Status
from ..counters import increment
from ..extensions import db
from ..institutions.models import Institution
from ..text.drafts import split_draft
from ..text.scripts import lang_for_text
from . import closed_content, content

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

    # One hash for every demo account (they share DEMO_PASSWORD): scrypt costs ~0.1 s a call.
    password_hash = generate_password_hash(DEMO_PASSWORD)
    official = _citizen(
        {"email": OFFICIAL_EMAIL, "display_name": "Direction de la consultation", "locale": "fr"},
        password_hash,
        now,
    )
    official.institution_id = institution.id
    users = [_citizen(u, password_hash, now - timedelta(days=20)) for u in content.USERS]
    generated = generated_citizens(password_hash, now - timedelta(days=130))
    db.session.flush()

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
    organisations = seed_organisations(open_one, users, now)
    seed_closed(closed_one, users, generated, organisations)
    db.session.commit()
    # Then the closed consultation is synthesised, answered and its outcome published.
    from .outcome import publish_closed

    publish_closed(official, closed_one)
    return True


def _citizen(entry: dict, password_hash: str, confirmed_at) -> User:
    """A confirmed demo account (what register_user does, without hashing the password again)."""
    user = User(
        email=normalise_email(entry["email"]),
        display_name=entry["display_name"],
        locale=entry["locale"],
        consented_at=confirmed_at,
        email_confirmed_at=confirmed_at,
        password_hash=password_hash,
    )
    set_profile(
        user,
        region=entry.get("region"),
        country=entry.get("country"),
        gender=entry.get("gender"),
        age_bracket=entry.get("age_bracket"),
    )
    db.session.add(user)
    return user


def generated_citizens(password_hash: str, confirmed_at) -> list[User]:
    """Eighty more citizens, the same on every seed: names from closed_content's pools."""
    rng = random.Random(content.VOTE_SEED + 3)
    people, number = [], 0
    every_region = [r for r in closed_content.REGION_WEIGHTS if r not in ("undisclosed", None)]
    for locale, count in closed_content.GENERATED_PER_LOCALE.items():
        given, family = closed_content.GIVEN_NAMES[locale], closed_content.FAMILY_NAMES[locale]
        for index in range(count):
            number += 1
            first, gender = given[index % len(given)]
            entry = {
                "email": f"citizen{number:02d}@example.org",
                "display_name": f"{first} {family[index * 5 % len(family)]}",
                "locale": locale,
                **_profile(rng, gender),
            }
            # Every sixth citizen lives in the next region in turn: all of them are present.
            if number % 6 == 0 and number // 6 <= len(every_region):
                entry["region"] = every_region[number // 6 - 1]
                entry["country"] = rng.choice(closed_content.ABROAD_COUNTRIES)
            people.append(_citizen(entry, password_hash, confirmed_at))
    return people


def _profile(rng: random.Random, gender: str) -> dict:
    def pick(weights: dict):
        return rng.choices(list(weights), weights=list(weights.values()))[0]

    region = pick(closed_content.REGION_WEIGHTS)
    answered_gender = pick(closed_content.GENDER_WEIGHTS)
    return {
        "region": region,
        "country": rng.choice(closed_content.ABROAD_COUNTRIES) if region == "abroad" else None,
        "gender": gender if answered_gender == "named" else answered_gender,
        "age_bracket": pick(closed_content.AGE_WEIGHTS),
    }


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
    posted, step = _post_comments(consultation, users, entries, start, end)
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


def _articles(consultation) -> dict[str, Section]:
    return {
        s.number: s
        for s in db.session.scalars(
            select(Section).where(
                Section.consultation_id == consultation.id, Section.kind == "article"
            )
        )
    }


def _post_comments(consultation, users, entries, start, end):
    """Post ``entries`` in order, spread over [start, end]; their comments by key, and the step."""
    sections = _articles(consultation)
    posted: dict[str, Comment] = {}
    # Contributions are spread over the time the consultation was open, in order.
    step = (end - start - timedelta(hours=2)) / (len(entries) + 1)
    for index, entry in enumerate(entries, start=1):
        posted[entry["key"]] = comment_services.post_comment(
            users[entry["author"]],
            consultation,
            entry["body"],
            section=sections.get(entry["article"]) if entry["article"] else None,
            parent=posted.get(entry["parent"]) if entry["parent"] else None,
            stance=entry["stance"],
            now=start + step * index,
        )
    return posted, step


# --- The closed consultation: contributions, opinion camps, recommendations ----------------------


def seed_closed(consultation, users, generated, organisations) -> None:
    """Enough contributions, votes and recommendations on the closed consultation for a
    synthesis to find its campaign, its themes and its opinion groups."""
    citizens = [*users, *generated]
    entries = closed_entries(len(users), generated)
    start = consultation.opens_at + timedelta(days=2)
    posted, _ = _post_comments(consultation, citizens, entries, start, consultation.closes_at)
    rng = random.Random(content.VOTE_SEED + 2)
    subjects = {entry["key"]: entry.get("subject") for entry in entries}
    consensus = {entry["key"] for entry in entries if entry.get("consensus")}
    ballots = camp_ballots(citizens, posted, subjects, consensus, consultation.closes_at, rng)
    insert_votes(consultation, ballots)
    moment = consultation.opens_at + timedelta(days=20)
    _recommendations(
        consultation, organisations, users, citizens, closed_content.RECOMMENDATIONS, moment, rng
    )


def closed_entries(first_generated: int, generated: list[User]) -> list[dict]:
    """content.CLOSED_COMMENTS among the new contributions, copies expanded, authors chosen."""
    new: list[dict] = []
    for entry in closed_content.CONTRIBUTIONS:
        new.append(dict(entry))
        if entry["key"] == closed_content.CAMPAIGN_AFTER:
            new.extend(_copies("campaign", closed_content.CAMPAIGN))
        if entry["key"] == closed_content.COPIES_AFTER:
            new.extend(_copies("copy", closed_content.COPIES))
    _choose_authors(new, first_generated, generated)
    # The contributions of content.py (their authors chosen there) are spread among the new.
    old = content.CLOSED_COMMENTS
    gap = len(new) // len(old)
    merged = []
    for index, entry in enumerate(new):
        if index % gap == 0 and index // gap < len(old):
            merged.append(old[index // gap])
        merged.append(entry)
    return merged


def _copies(prefix: str, source: dict) -> list[dict]:
    copies = []
    for number, edits in enumerate(source["edits"], start=1):
        body = source["body"]
        for old, new in edits:
            if old not in body:
                raise ValueError(f"demo {prefix} edit does not match: {old!r}")
            body = body.replace(old, new)
        copies.append(
            {
                "key": f"{prefix}{number}",
                "subject": source["subject"],
                "article": source["article"],
                "stance": source["stance"],
                "parent": None,
                "body": body,
            }
        )
    return copies


def _choose_authors(entries: list[dict], first_generated: int, generated: list[User]) -> None:
    """Each contribution by the next generated citizen whose language is the contribution's."""
    by_locale: dict[str, list[int]] = {}
    for offset, user in enumerate(generated):
        by_locale.setdefault(user.locale, []).append(first_generated + offset)
    turn: Counter = Counter()
    author_of: dict[str, int] = {}
    for entry in entries:
        locale = lang_for_text(entry["body"])
        author = by_locale[locale][turn[locale] % len(by_locale[locale])]
        turn[locale] += 1
        if entry["parent"] and author_of[entry["parent"]] == author:
            author = by_locale[locale][turn[locale] % len(by_locale[locale])]
            turn[locale] += 1
        entry["author"] = author_of[entry["key"]] = author


def camp_ballots(citizens, posted, subjects, consensus, closes_at, rng) -> list[tuple]:
    """(comment, voter, value, when) for every citizen: each belongs to an opinion camp that
    agrees or disagrees by subject (closed_content.CAMPS); consensus comments please all."""
    camps = closed_content.CAMPS
    names = list(camps)
    shares = [camps[name]["share"] for name in names]
    keys = list(posted)
    ballots = []
    for voter in citizens:
        profile = camps[rng.choices(names, weights=shares)[0]]["votes"]
        low, high = closed_content.VOTES_PER_VOTER
        for key in rng.sample(keys, rng.randint(low, high)):
            comment = posted[key]
            if comment.author_id == voter.id:
                continue
            if key in consensus:
                agree, disagree = closed_content.CONSENSUS_AGREE, 0.03
            else:
                agree, disagree = profile.get(subjects.get(key), (0.55, 0.2))
            draw = rng.random()
            value = "agree" if draw < agree else "disagree" if draw < agree + disagree else "pass"
            when = comment.created_at + (closes_at - comment.created_at) * rng.uniform(0.05, 0.9)
            ballots.append((comment, voter, value, when))
    return ballots


def insert_votes(consultation, ballots) -> None:
    """Store many votes at once, with the counters cast_vote keeps (one vote per person and
    comment): per comment, per article, per consultation, and who took part."""
    db.session.execute(
        insert(Vote),
        [
            {
                "comment_id": comment.id,
                "user_id": voter.id,
                "value": VoteValue(value),
                "created_at": when,
                "updated_at": when,
            }
            for comment, voter, value, when in ballots
        ],
    )
    for (comment_id, value), count in Counter((c.id, v) for c, _, v, _ in ballots).items():
        increment(Comment, comment_id, **{f"{value}_count": count})
    by_section = Counter(c.section_id for c, _, _, _ in ballots if c.section_id is not None)
    for section_id, count in by_section.items():
        increment(Section, section_id, vote_count=count)
    increment(Consultation, consultation.id, vote_count=len(ballots))
    _add_participants(consultation, {(v.id, c.section_id) for c, v, _, _ in ballots})


def _add_participants(consultation, pairs: set[tuple[int, int | None]]) -> None:
    known = set(
        db.session.scalars(
            select(ConsultationParticipant.user_id).where(
                ConsultationParticipant.consultation_id == consultation.id
            )
        )
    )
    newcomers = sorted({user_id for user_id, _ in pairs} - known)
    if newcomers:
        db.session.execute(
            insert(ConsultationParticipant),
            [{"consultation_id": consultation.id, "user_id": u} for u in newcomers],
        )
        increment(Consultation, consultation.id, participant_count=len(newcomers))
    section_ids = {s for _, s in pairs if s is not None}
    known_pairs = {
        (user_id, section_id)
        for user_id, section_id in db.session.execute(
            select(SectionParticipant.user_id, SectionParticipant.section_id).where(
                SectionParticipant.section_id.in_(section_ids)
            )
        )
    }
    new_pairs = sorted({(u, s) for u, s in pairs if s is not None} - known_pairs)
    if new_pairs:
        db.session.execute(
            insert(SectionParticipant), [{"user_id": u, "section_id": s} for u, s in new_pairs]
        )
        for section_id, count in Counter(s for _, s in new_pairs).items():
            increment(Section, section_id, participant_count=count)


def seed_organisations(consultation, users, now) -> dict:
    """Organisations (verified and pending), a network, recommendations of every kind; the
    organisations by key."""
    from ..organisations import services as organisation_services
    from ..organisations.models import Organisation, OrganisationDomain, Representative
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

    rng = random.Random(content.VOTE_SEED + 1)
    moment = consultation.opens_at + timedelta(days=1)
    _recommendations(consultation, by_key, users, users, data.RECOMMENDATIONS, moment, rng)
    return by_key


def _recommendations(consultation, by_key, users, supporters, entries, moment, rng) -> None:
    """Post ``entries`` (see organisations.RECOMMENDATIONS) seven hours apart from ``moment``;
    co-signed by their cosigners, supported by people drawn from ``supporters``."""
    from ..recommendations import services as recommendation_services
    from ..recommendations.models import Recommendation
    from . import organisations as data

    sections = _articles(consultation)
    for entry in entries:
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
        for supporter in rng.sample(supporters, entry["supporters"]):
            recommendation_services.support(supporter, recommendation, moment + timedelta(hours=3))
