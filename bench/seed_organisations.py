"""Organisations, networks and recommendations for the benchmark seed, with exact counters.

At scale 1: 300 organisations (associations, cooperatives, networks, associations of Moroccans
abroad; most verified, a few pending or rejected), their representatives drawn from the seeded
citizens, networks with member organisations (the largest has about a hundred), and 2 000
recommendations on the national consultation with their co-signatures and citizens' support.
Rows are what consult/organisations/services.py and consult/recommendations/services.py would
have left: only verified organisations recommend, co-sign or join networks; a network's
member_count is its accepted memberships; a recommendation counts on its article and its
consultation from submission until it is withdrawn; co-signatures and supports are never
removed, so their counts are their rows; every counter increment also moved `updated_at`.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, text

from consult.accounts.profile import ABROAD, REGIONS
from consult.organisations.models import DOMAINS
from consult.organisations.services import registration_key

from .corpus import LANGUAGES, Writer

FULL = {"organisations": 300, "recommendations": 2_000}
TABLES = (
    "organisation",
    "organisation_domain",
    "representative",
    "network_membership",
    "recommendation",
    "co_signature",
    "support",
)
CONSULTATION_ID = 1  # the national consultation of bench/seed.py
#: A person represents at most this many organisations (most represent one).
MAX_REPRESENTED = 3
#: Shares of the organisations by kind; associations are the rest.
KIND_SHARES = {"network": 0.06, "cooperative": 0.18, "diaspora_association": 0.14}
STATUS_SHARES = {"pending": 0.06, "rejected": 0.015}  # verified: the rest
RECOMMENDATION_KINDS = {"amend": 0.5, "add": 0.18, "delete": 0.07, "general": 0.25}
RECOMMENDATION_STATUSES = {"draft": 0.04, "withdrawn": 0.03}  # submitted: the rest
#: The largest network has this share of the other verified organisations as members.
LARGEST_NETWORK = 0.4
PENDING_MEMBERSHIP = 0.07
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

WORDS = {  # (fr, ar, zgh or None) for the distinctive part of a name
    "tifawin": ("Tifawin", "تيفاوين", "ⵜⵉⴼⴰⵡⵉⵏ"),
    "adrar": ("Adrar", "أدرار", "ⴰⴷⵔⴰⵔ"),
    "tafsut": ("Tafsout", "تافسوت", "ⵜⴰⴼⵙⵓⵜ"),
    "amud": ("Amoud", "أمود", "ⴰⵎⵓⴷ"),
    "tawada": ("Tawada", "تاوادا", "ⵜⴰⵡⴰⴷⴰ"),
    "tizi": ("Tizi", "تيزي", "ⵜⵉⵣⵉ"),
    "anzar": ("Anzar", "أنزار", "ⴰⵏⵥⴰⵔ"),
    "tiwizi": ("Twiza", "تويزة", "ⵜⵉⵡⵉⵣⵉ"),
    "amal": ("Al Amal", "الأمل", None),
    "nour": ("Annour", "النور", None),
    "atlas": ("Atlas", "الأطلس", None),
    "argane": ("Argane", "الأركان", None),
    "waha": ("Al Waha", "الواحة", None),
    "fajr": ("Al Fajr", "الفجر", None),
    "tadamoun": ("Tadamoun", "التضامن", None),
    "ghad": ("Al Ghad", "الغد", None),
}
AIMS = {  # what an organisation works for, by its first domain: (fr, ar)
    "climate": ("l'action climatique", "العمل المناخي"),
    "environment": ("la protection de l'environnement", "حماية البيئة"),
    "governance": ("la gouvernance participative", "الحكامة التشاركية"),
    "social_economy": ("l'économie sociale et solidaire", "الاقتصاد الاجتماعي والتضامني"),
    "gender_equality": ("l'égalité entre les femmes et les hommes", "المساواة بين النساء والرجال"),
    "migration": ("la migration et le développement", "الهجرة والتنمية"),
    "human_rights": ("les droits humains", "حقوق الإنسان"),
    "youth": ("la jeunesse", "الشباب"),
    "education": ("l'éducation", "التربية والتعليم"),
    "health": ("la santé", "الصحة"),
    "culture": ("la culture amazighe", "الثقافة الأمازيغية"),
    "disability": ("les droits des personnes handicapées", "حقوق الأشخاص في وضعية إعاقة"),
}
KIND_WORDS = {  # (fr, ar, zgh or None)
    "association": ("Association", "جمعية", "ⵜⴰⵎⵓⵏⵜ"),
    "cooperative": ("Coopérative", "تعاونية", "ⵜⴰⵎⵢⴰⵡⴰⵙⵜ"),
    "network": ("Réseau", "شبكة", None),
}
COUNTRIES = {  # where associations of Moroccans abroad are: (fr, ar)
    "FR": ("de France", "فرنسا"),
    "ES": ("d'Espagne", "إسبانيا"),
    "BE": ("de Belgique", "بلجيكا"),
    "NL": ("des Pays-Bas", "هولندا"),
    "IT": ("d'Italie", "إيطاليا"),
    "DE": ("d'Allemagne", "ألمانيا"),
    "CA": ("du Canada", "كندا"),
    "US": ("des États-Unis", "الولايات المتحدة"),
}
PREFECTURES = ("RBT", "CAS", "FES", "MRK", "AGD", "TNG", "OUJ", "ERR", "BML", "LAY")
REJECTION = "Le récépissé de déclaration joint n'est pas lisible : merci de le déposer à nouveau."
BIS = {"fr": "Article {} bis", "ar": "المادة {} مكررة", "zgh": "ⴰⵎⴳⵉⵔⴷ {} bis"}
NEW_ARTICLE = {"fr": "Article nouveau", "ar": "مادة جديدة", "zgh": "ⴰⵎⴳⵉⵔⴷ ⴰⵎⴰⵢⵏⵓ"}


@dataclass
class Organisation:
    row: dict  # the organisation table's columns
    domains: list[str]
    representatives: list[tuple[int, datetime]] = field(default_factory=list)  # (user, since)
    members: list[int] = field(default_factory=list)  # ids of accepted member organisations

    @property
    def id(self) -> int:
        return self.row["id"]

    @property
    def is_verified(self) -> bool:
        return self.row["status"] == "verified"

    @property
    def verified_at(self) -> datetime:
        return self.row["reviewed_at"]


def sizes(scale: float) -> dict[str, int]:
    """At the smoke test's scale still a dozen organisations, a network among them."""
    return {
        "organisations": max(12, round(FULL["organisations"] * scale)),
        "recommendations": max(20, round(FULL["recommendations"] * scale)),
    }


def seed_organisations(put, conn, meta, *, scale, seed, citizens, opens, end) -> dict:
    """Write them all with `put` (bench.bulk.Inserter) on `conn`; returns how many of each.

    `citizens`: (user id, locale) of the seeded citizens; organisations register from the day
    before the consultation opens (`opens`), recommendations are in by `end`."""
    rng = random.Random(seed + 3)
    writer = Writer(random.Random(seed + 4))
    n = sizes(scale)
    locales = dict(citizens)
    organisations = _organisations(rng, writer, n["organisations"], list(locales), opens)
    memberships = _networks(rng, organisations)
    recommendations = _recommendations(
        rng, writer, n["recommendations"], organisations, _articles(conn, meta), locales, end
    )

    put("organisation", (o.row for o in organisations))
    put(
        "organisation_domain",
        ({"organisation_id": o.id, "domain": d} for o in organisations for d in o.domains),
    )
    put(
        "representative",
        (
            {"organisation_id": o.id, "user_id": user, "since": since}
            for o in organisations
            for user, since in o.representatives
        ),
    )
    put("network_membership", memberships)
    put("recommendation", (r["row"] for r in recommendations))
    cosignatures = _numbered((r["cosignatures"] for r in recommendations), "signed_at")
    supports = _numbered((r["supports"] for r in recommendations), "supported_at")
    put("co_signature", cosignatures)
    put("support", supports)
    _store_totals(conn, meta, [r["row"] for r in recommendations])
    if conn.dialect.name == "postgresql":
        for table in TABLES:
            if table in ("organisation_domain", "representative"):
                continue  # no id of their own
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
            )
    return {
        "organisations": len(organisations),
        "networks": sum(o.row["kind"] == "network" for o in organisations),
        "memberships": len(memberships),
        "recommendations": len(recommendations),
        "cosignatures": len(cosignatures),
        "supports": len(supports),
    }


def _quota(rng, count: int, shares: dict[str, float], rest: str) -> list[str]:
    """`count` values in a shuffled order: each share at least once, `rest` for the others."""
    values = [value for value, share in shares.items() for _ in range(max(1, round(share * count)))]
    values += [rest] * (count - len(values))
    rng.shuffle(values)
    return values


def _between(rng, start: datetime, stop: datetime) -> datetime:
    return start + timedelta(seconds=rng.uniform(0, max(0.0, (stop - start).total_seconds())))


def _span(rng, shortest: timedelta, longest: timedelta) -> timedelta:
    return shortest + (longest - shortest) * rng.random()


def _organisations(rng, writer, count: int, users: list[int], opens: datetime):
    """Registered from the day before the consultation opens to a week after, in id order.
    Networks are all verified (they have members); the other kinds mostly."""
    kinds = _quota(rng, count, KIND_SHARES, rest="association")
    others = [i for i, kind in enumerate(kinds) if kind != "network"]
    statuses = ["verified"] * count
    for i, status in zip(others, _quota(rng, len(others), STATUS_SHARES, "verified"), strict=True):
        statuses[i] = status
    registered = sorted(_between(rng, opens - DAY, opens + 7 * DAY) for _ in range(count))
    regions = list(REGIONS)
    weights = [3 if r in ("casablanca-settat", "rabat-sale-kenitra") else 1 for r in regions]
    # A pool a little larger than the number of organisations: most people represent one.
    pool = rng.sample(users, min(len(users), round(count * 1.2) + 2))
    represented = dict.fromkeys(pool, 0)

    organisations = []
    for number, (kind, status, created) in enumerate(
        zip(kinds, statuses, registered, strict=True), start=1
    ):
        domains = sorted(rng.sample(DOMAINS, rng.choices((1, 2, 3), weights=(3, 4, 3))[0]))
        country = None
        if kind == "diaspora_association":
            country = rng.choice(list(COUNTRIES))
            if "migration" not in domains:
                domains = sorted([*domains[:2], "migration"])
        reviewed = None if status == "pending" else created + _span(rng, 2 * HOUR, 3 * DAY)
        reference = _reference(rng, kind, number, country)
        phone = None
        if not country and rng.random() < 0.7:
            phone = f"+212 5{rng.randint(22, 39)}-{rng.randint(0, 999_999):06d}"
        language = rng.choices(("fr", "ar"), weights=(55, 45))[0]
        row = {
            "id": number,
            "name": _name(rng, kind, domains[0], country),
            "kind": kind,
            "registration_ref": reference,
            "registration_key": registration_key(reference),
            "region": ABROAD if country else rng.choices(regions, weights=weights)[0],
            "country": country,
            "contact_email": f"contact@org{number:03d}.example.org",
            "contact_phone": phone,
            "description": _paragraphs(rng, writer, language, 1),
            "status": status,
            "rejection_reason": REJECTION if status == "rejected" else None,
            "reviewed_at": reviewed,
            "reviewed_by_id": None,  # the bench seed has no administrator account
            "member_count": 0,
            "created_at": created,
            "updated_at": reviewed or created,
        }
        organisation = Organisation(row, domains)
        # The first representative registered it; the others accepted an invitation before
        # it was reviewed.
        people: list[int] = []
        for _ in range(rng.choices((1, 2, 3), weights=(6, 3, 1))[0]):
            user = rng.choice(pool)
            while represented[user] >= MAX_REPRESENTED or user in people:
                user = rng.choice(pool)
            represented[user] += 1
            since = _between(rng, created, reviewed or created + 3 * DAY) if people else created
            people.append(user)
            organisation.representatives.append((user, since))
        organisations.append(organisation)
    return organisations


def _name(rng, kind: str, aim: str, country: str | None) -> dict[str, str]:
    fr_aim, ar_aim = AIMS[aim]
    if country:
        fr_country, ar_country = COUNTRIES[country]
        return {
            "fr": f"Association des Marocains {fr_country} pour {fr_aim}",
            "ar": f"جمعية مغاربة {ar_country} من أجل {ar_aim}",
        }
    fr_word, ar_word, zgh_word = WORDS[rng.choice(list(WORDS))]
    fr_kind, ar_kind, zgh_kind = KIND_WORDS[kind]
    name = {
        "fr": f"{fr_kind} {fr_word} pour {fr_aim}",
        "ar": f"{ar_kind} {ar_word} من أجل {ar_aim}",
    }
    roll = rng.random()
    if zgh_word and zgh_kind and roll < 0.4:
        name["zgh"] = f"{zgh_kind} {zgh_word}"
    elif roll > 0.85:  # some give their name in Arabic only
        del name["fr"]
    return name


def _reference(rng, kind: str, number: int, country: str | None) -> str:
    """A declaration receipt number; the organisation's own number in it keeps it unique."""
    year = rng.randint(1998, 2025)
    if country:
        return f"{country}-{rng.randint(100, 999)}.{number:05d}"
    if kind == "cooperative":
        return f"COOP-{year}-{number:05d}"
    return f"{rng.choice(PREFECTURES)}-{year}/{number:05d}"


def _networks(rng, organisations: list[Organisation]) -> list[dict]:
    """Memberships of verified organisations in networks, asked by either side once both were
    verified; most accepted, which is what member_count counts."""
    verified = [o for o in organisations if o.is_verified]
    candidates = [o for o in verified if o.row["kind"] != "network"]
    memberships = []
    for rank, network in enumerate(o for o in verified if o.row["kind"] == "network"):
        share = LARGEST_NETWORK if rank == 0 else rng.uniform(0.02, 0.12)
        size = min(len(candidates), max(2, round(share * len(candidates))))
        for n, member in enumerate(rng.sample(candidates, size)):
            asked = max(network.verified_at, member.verified_at) + _span(rng, HOUR, 5 * DAY)
            accepted = None
            if n == 0 or rng.random() >= PENDING_MEMBERSHIP:
                accepted = asked + _span(rng, HOUR, 3 * DAY)
                network.members.append(member.id)
                network.row["member_count"] += 1
                network.row["updated_at"] = max(network.row["updated_at"], accepted)
            memberships.append(
                {
                    "network_id": network.id,
                    "member_id": member.id,
                    "status": "accepted" if accepted else "pending",
                    "requested_by_id": rng.choice((network.id, member.id)),
                    "accepted_at": accepted,
                    "created_at": asked,
                    "updated_at": accepted or asked,
                }
            )
    memberships.sort(key=lambda m: m["created_at"])
    return [{"id": number, **m} for number, m in enumerate(memberships, start=1)]


def _articles(conn, meta) -> list[dict]:
    section = meta.tables["section"]
    rows = conn.execute(
        select(section.c.id, section.c.number, section.c.body)
        .where(section.c.consultation_id == CONSULTATION_ID, section.c.kind == "article")
        .order_by(section.c.position)
    )
    return [{"id": r.id, "number": r.number, "body": r.body} for r in rows]


def _recommendations(rng, writer, count, organisations, articles, locales, end):
    """By representatives of verified organisations (a few very active ones, networks more than
    most), numbered in the order they were created, with their co-signatures and support."""
    verified = [o for o in organisations if o.is_verified]
    # Some far more active than others, but none with most of them.
    activity = [
        rng.lognormvariate(0, 1) * (3 if o.row["kind"] == "network" else 1) for o in verified
    ]
    ranks = list(range(1, len(articles) + 1))
    rng.shuffle(ranks)
    popularity = [1 / r for r in ranks]
    kinds = _quota(rng, count, RECOMMENDATION_KINDS, rest="amend")
    statuses = _quota(rng, count, RECOMMENDATION_STATUSES, rest="submitted")
    authors = rng.choices(verified, weights=activity, k=count)
    citizens = list(locales)
    by_id = {o.id: o for o in organisations}

    made = []
    for kind, status, organisation in zip(kinds, statuses, authors, strict=True):
        author, _since = rng.choice(organisation.representatives)
        on_article = kind in ("amend", "delete") or rng.random() < (0.6 if kind == "add" else 0.3)
        article = rng.choices(articles, weights=popularity)[0] if on_article else None
        language = locales[author]
        if rng.random() < 0.4:
            language = rng.choices(LANGUAGES, weights=(45, 45, 10))[0]
        row = {
            "consultation_id": CONSULTATION_ID,
            "section_id": article["id"] if article else None,
            "organisation_id": organisation.id,
            "author_id": author,
            "kind": kind,
            "language": language,
            "proposed_wording": _wording(rng, writer, kind, language, article),
            "justification": _paragraphs(rng, writer, language, rng.randint(1, 3)),
            "status": status,
            "submitted_at": None,
            "withdrawn_at": None,
            "cosignature_count": 0,
            "support_count": 0,
            "created_at": None,
            "updated_at": None,
        }
        recommendation = {"row": row, "cosignatures": [], "supports": []}
        made.append(recommendation)
        start = organisation.verified_at + HOUR
        if status == "draft":
            row["created_at"] = _between(rng, start, end - HOUR)
            row["updated_at"] = _between(rng, row["created_at"], end - HOUR)
            continue
        submitted = row["submitted_at"] = _between(rng, start, end - DAY)
        row["created_at"] = submitted - _span(rng, timedelta(0), min(2 * DAY, submitted - start))
        stop = end
        if status == "withdrawn":
            stop = row["withdrawn_at"] = _between(rng, submitted + HOUR, end - HOUR)
        recommendation["cosignatures"] = _cosignatures(
            rng, organisation, verified, by_id, submitted, stop
        )
        supporters = rng.sample(
            citizens, min(len(citizens) // 2, round(rng.lognormvariate(1.5, 1.1)))
        )
        recommendation["supports"] = [
            {
                "recommendation_id": 0,
                "user_id": user,
                "supported_at": _between(rng, submitted, stop),
            }
            for user in supporters
        ]
        row["cosignature_count"] = len(recommendation["cosignatures"])
        row["support_count"] = len(recommendation["supports"])
        # Co-signing, supporting and withdrawing are SQL updates: each moved updated_at.
        row["updated_at"] = max(
            [submitted, row["withdrawn_at"] or submitted]
            + [c["signed_at"] for c in recommendation["cosignatures"]]
            + [s["supported_at"] for s in recommendation["supports"]]
        )

    made.sort(key=lambda r: r["row"]["created_at"])
    for number, recommendation in enumerate(made, start=1):
        recommendation["row"] = {"id": number, **recommendation["row"]}
        for signature in recommendation["cosignatures"]:
            signature["recommendation_id"] = number
        for support in recommendation["supports"]:
            support["recommendation_id"] = number
    return made


def _cosignatures(rng, organisation, verified, by_id, submitted, stop) -> list[dict]:
    """Other verified organisations, each signed by one of its representatives while the
    recommendation was submitted; a network's members often sign its recommendations."""
    # Most gather none or one; a few, dozens.
    count = min(len(verified) // 4, int(rng.paretovariate(1.5)) - 1)
    chosen = [o.id for o in rng.sample(verified, count)]
    if organisation.members and rng.random() < 0.5:
        most = max(1, len(organisation.members) // 3)
        chosen += rng.sample(organisation.members, rng.randint(1, most))
    signatures, seen = [], {organisation.id}
    for organisation_id in chosen:
        cosigner = by_id[organisation_id]
        earliest = max(submitted, cosigner.verified_at)
        if organisation_id in seen or earliest >= stop:
            continue
        seen.add(organisation_id)
        signer, _since = rng.choice(cosigner.representatives)
        signatures.append(
            {
                "recommendation_id": 0,
                "organisation_id": organisation_id,
                "signed_by_id": signer,
                "signed_at": _between(rng, earliest, stop),
            }
        )
    return signatures


def _wording(rng, writer, kind: str, language: str, article: dict | None) -> str:
    """The article as amended (one paragraph rewritten), a new provision, or nothing."""
    if kind in ("delete", "general"):
        return ""
    if kind == "add":
        heading = BIS[language].format(article["number"]) if article else NEW_ARTICLE[language]
        return f"{heading}\n\n{_paragraphs(rng, writer, language, rng.randint(1, 2))}"
    body = (article["body"] or {}).get(language)
    if not body:  # the draft has no Tamazight text
        return _paragraphs(rng, writer, language, rng.randint(1, 2))
    paragraphs = body.split("\n\n")
    paragraphs[rng.randrange(len(paragraphs))] = _paragraphs(rng, writer, language, 1)
    return "\n\n".join(paragraphs)


def _paragraphs(rng, writer, language: str, count: int) -> str:
    """Plain text: the chains learnt a little Markdown from comments, which is dropped here."""
    chain = writer.chains[language]
    return "\n\n".join(
        " ".join(chain.sentence(rng).replace("*", "") for _ in range(rng.randint(2, 4)))
        for _ in range(count)
    )


def _numbered(groups, moment: str) -> list[dict]:
    """The co-signatures (or supports) of all recommendations, numbered in time order, as the
    database gave them ids."""
    rows = sorted((row for group in groups for row in group), key=lambda row: row[moment])
    return [{"id": number, **row} for number, row in enumerate(rows, start=1)]


def _store_totals(conn, meta, recommendations: list[dict]) -> None:
    """Submitted recommendations count on their article and consultation; drafts never did
    and withdrawing took them off again."""
    counted = Counter(r["section_id"] for r in recommendations if r["status"] == "submitted")
    section = meta.tables["section"]
    for section_id in sorted(s for s in counted if s is not None):
        conn.execute(
            section.update()
            .where(section.c.id == section_id)
            .values(recommendation_count=counted[section_id])
        )
    consultation = meta.tables["consultation"]
    conn.execute(
        consultation.update()
        .where(consultation.c.id == CONSULTATION_ID)
        .values(recommendation_count=sum(counted.values()))
    )
