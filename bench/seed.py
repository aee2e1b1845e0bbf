"""Seed a national-scale consultation for the benchmark: fixed random seed, bulk Core inserts.

At scale 1: 60 articles (fr + ar), 20 000 citizens with profiles, 100 000 comments in threads
(ar / fr / zgh, replies up to depth 3) and 1 000 000 votes, every stored counter and participant
row as the services would have left them (bench/counters.py checks it); 300 organisations and
2 000 recommendations with their co-signatures and support (bench/seed_organisations.py). Text
and structure depend only on the seed; dates are relative to the day of the run, so the
consultation is open.

    python -m bench.seed --database sqlite:///bench/.work/x.sqlite3 --scale 0.01
"""

import argparse
import json
import multiprocessing
import os
import random
import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta

from sqlalchemy import MetaData, text
from werkzeug.security import generate_password_hash

from consult import create_app
from consult.accounts.profile import AGE_BRACKETS, GENDERS, REGIONS
from consult.demo import content
from consult.text.sanitize import render_comment

from . import threads as shape
from .bulk import Inserter, tidy
from .corpus import LANGUAGES, Writer, draft_articles
from .database import app_config, engine_for, fresh_postgres, fresh_sqlite
from .seed_organisations import TABLES as ORGANISATION_TABLES
from .seed_organisations import seed_organisations

FULL = {"users": 20_000, "comments": 100_000, "votes": 1_000_000}
ARTICLES = 60
ARTICLES_PER_CHAPTER = 10
#: Every seeded citizen signs in with this password (one hash, computed once).
PASSWORD = "bench-password-2026"
EMAIL = "bench{:05d}@example.org"
TABLES = (
    "institution",
    "user",
    "consultation",
    "consultation_theme",
    "document_version",
    "section",
    "comment",
    "vote",
    "consultation_participant",
    "section_participant",
    *ORGANISATION_TABLES,
)


def sizes(scale: float) -> dict[str, int]:
    users = max(60, round(FULL["users"] * scale))
    comments = max(100, round(FULL["comments"] * scale))
    votes = min(round(FULL["votes"] * scale), comments * (users - 1) // 4)
    return {"users": users, "comments": comments, "votes": votes}


def seed(url: str, *, scale: float = 1.0, seed: int = 7, log=print) -> dict:
    """Fill an empty, migrated database; returns what was written and how long it took."""
    started = time.perf_counter()
    n = sizes(scale)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    opens, end = today - timedelta(days=30), today - timedelta(hours=1)
    writer = Writer(random.Random(seed + 1))
    rng = random.Random(seed)

    engine = engine_for(url)
    meta = MetaData()
    meta.reflect(engine, only=TABLES)
    with engine.begin() as conn:
        if conn.execute(text("SELECT count(*) FROM consultation")).scalar():
            raise SystemExit("the bench database is not empty; seed a fresh one")
        put = Inserter(conn, meta)
        citizens = _users(put, rng, writer, n["users"], opens - timedelta(days=60))
        articles = _consultations(put, rng, opens, today)
        log(f"  users, consultations and {len(articles)} articles")

        plan = shape.threads(rng, n["comments"], articles, citizens, opens, end)
        cast = shape.votes(random.Random(seed + 2), plan, n["votes"], len(citizens), end)
        counts = shape.counters(plan, cast)
        put("comment", _comment_rows(plan, counts, writer, articles))
        log(f"  {n['comments']} comments ({time.perf_counter() - started:.0f} s)")
        put("vote", _vote_rows(plan, cast))
        put("consultation_participant", ((1, user) for user in sorted(counts["people"])))
        put(
            "section_participant",
            ((articles[p - 1]["id"], user) for p, user in sorted(counts["section_people"])),
        )
        log(f"  {len(cast['user'])} votes ({time.perf_counter() - started:.0f} s)")
        _store_totals(conn, meta, counts, articles)
        begun = time.perf_counter()
        made = seed_organisations(
            put, conn, meta, scale=scale, seed=seed, citizens=citizens, opens=opens, end=end
        )
        log(
            "  {organisations} organisations ({networks} networks, {memberships} memberships),"
            " {recommendations} recommendations, {cosignatures} co-signatures, {supports}"
            " supports".format(**made)
            + f" ({time.perf_counter() - begun:.1f} s)"
        )
        if conn.dialect.name == "postgresql":
            for table in (
                "institution",
                "user",
                "consultation",
                "document_version",
                "section",
                "comment",
                "vote",
            ):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                        f' (SELECT max(id) FROM "{table}"))'
                    )
                )
    tidy(engine)
    engine.dispose()
    indexed = _index_for_search(url, log)
    return {
        **n,
        **made,
        "seed": seed,
        "scale": scale,
        "seconds": round(time.perf_counter() - started, 1),
        "search_documents": indexed,
    }


def _index_for_search(url: str, log) -> int:
    """The rows above bypassed the ORM, so its events indexed nothing: what
    `flask search-reindex` does, in bulk."""
    started = time.perf_counter()
    app = create_app(app_config(url))  # imports every model, in the app's order
    from consult.extensions import db
    from consult.search.indexing import reindex

    with app.app_context():
        with db.engine.begin() as conn:
            written = reindex(conn)
        db.engine.dispose()
    log(f"  search index: {written} documents ({time.perf_counter() - started:.0f} s)")
    return written


def _users(put, rng, writer, count: int, since: datetime) -> list[tuple[int, str]]:
    """The official (id 1) and `count` citizens (ids 2...); returns (id, locale) per citizen."""
    put(
        "institution",
        [
            {
                "id": 1,
                "name": content.INSTITUTION,
                "slug": "bench-ministry",
                "created_at": since,
                "updated_at": since,
            }
        ],
    )
    password_hash = generate_password_hash(PASSWORD)
    regions = [*REGIONS, *["abroad"] * 2, "undisclosed", None, None]
    countries = ("FR", "ES", "BE", "NL", "IT", "DE", "CA", "US")
    citizens = []

    def person(user_id, email, name, locale, joined, **profile):
        return {
            "id": user_id, "email": email, "password_hash": password_hash,
            "display_name": name, "locale": locale, "region": profile.get("region"),
            "country": profile.get("country"), "gender": profile.get("gender"),
            "age_bracket": profile.get("age_bracket"), "consented_at": joined,
            "email_confirmed_at": joined, "is_admin": False, "is_blocked": False,
            "institution_id": profile.get("institution_id"), "created_at": joined,
            "updated_at": joined,
        }  # fmt: skip

    def people():
        yield person(1, "official@bench.example.org", "Direction de la consultation", "fr",
                     since, institution_id=1)  # fmt: skip
        for number in range(1, count + 1):
            locale = rng.choices(LANGUAGES, weights=(55, 35, 10))[0]
            region = rng.choice(regions)
            joined = since + timedelta(minutes=rng.randrange(60 * 24 * 59))
            citizens.append((number + 1, locale))
            yield person(
                number + 1, EMAIL.format(number), writer.display_name(), locale, joined,
                region=region, country=rng.choice(countries) if region == "abroad" else None,
                gender=rng.choice([*GENDERS, "undisclosed", None]),
                age_bracket=rng.choice([*AGE_BRACKETS, "undisclosed", None]),
            )  # fmt: skip

    put("user", people())
    return citizens


def _consultations(put, rng, opens: datetime, today: datetime) -> list[dict]:
    """The national consultation (id 1, open, 60 articles) and a few small ones for the list."""
    rows, themes = [], []
    main = content.MAIN_CONSULTATION
    dates = [(opens, today + timedelta(days=60))]
    dates += [(today - timedelta(days=d), today + timedelta(days=20 + d)) for d in (3, 8, 15)]
    dates += [(today + timedelta(days=d), today + timedelta(days=40 + d)) for d in (5, 12)]
    dates += [(today - timedelta(days=d), today - timedelta(days=d - 45)) for d in (100, 150, 200)]
    for number, (start, close) in enumerate(dates, start=1):
        source = main if number == 1 else content.CLOSED_CONSULTATION
        title = {k: v if number == 1 else f"{v} ({number})" for k, v in source["title"].items()}
        rows.append(
            {
                "id": number,
                "institution_id": 1,
                "created_by_id": 1,
                "title": title,
                "summary": source["summary"],
                "kind": source["kind"],
                "scope": source["scope"],
                "scope_area": None,
                "audience": "everyone",
                "opens_at": start,
                "closes_at": close,
                "status": "scheduled",
                "comment_count": 0,
                "participant_count": 0,
                "vote_count": 0,
                "general_thread_count": 0,
                "created_at": start - timedelta(days=7),
                "updated_at": start - timedelta(days=7),
            }
        )
        themes += [(number, theme) for theme in sorted(source["themes"])]
    put("consultation", rows)
    put("consultation_theme", themes)
    put(
        "document_version",
        [
            {
                "id": 1,
                "consultation_id": 1,
                "number": 1,
                "is_final": False,
                "preamble": {},
                "created_at": opens,
                "updated_at": opens,
            }
        ],
    )

    texts, sections, articles = draft_articles(), [], []
    for index in range(ARTICLES):
        if index % ARTICLES_PER_CHAPTER == 0:
            chapter = index // ARTICLES_PER_CHAPTER + 1
            heading = {"fr": f"Chapitre {chapter}", "ar": f"الباب {chapter}"}
            sections.append(("chapter", str(chapter), f"chapter-{chapter}", heading, {}))
        source = texts[index % len(texts)]
        number = str(index + 1)
        sections.append(("article", number, number, source["heading"], source["body"]))
    rows = []
    for position, (kind, number, slug, heading, body) in enumerate(sections, start=1):
        rows.append(
            {
                "id": position,
                "version_id": 1,
                "consultation_id": 1,
                "position": position,
                "kind": kind,
                "number": number,
                "slug": slug,
                "heading": heading,
                "body": body,
                "comment_count": 0,
                "participant_count": 0,
                "vote_count": 0,
                "thread_count": 0,
            }
        )
        if kind == "article":
            articles.append({"id": position, "number": number, "slug": slug})
    put("section", rows)
    return articles


def _comment_rows(t: dict, counts: dict, writer, articles):
    c = counts["comment"]

    def bodies():
        for i in range(t["count"]):
            p = t["place"][i]
            yield writer.comment(t["lang"][i], articles[p - 1]["number"] if p else None)

    # Rendering is most of the seed's time: spread it over the cores (imap keeps the order,
    # so the result does not depend on the number of processes). The language is the one
    # the text was written in, which is what lang_for_text() finds (the smoke test checks it).
    with ExitStack() as stack:
        if t["count"] >= 5000:
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(os.cpu_count()))
            rendered = pool.imap(_render, bodies(), chunksize=256)
        else:  # a small seed (the smoke test) is quicker without starting processes
            rendered = map(_render, bodies())
        for i, (body, html) in enumerate(rendered):
            p = t["place"][i]
            at = t["opens"] + timedelta(seconds=t["at"][i])
            withdrawn = t["withdrawn"][i]
            yield (
                i + 1,
                1,
                articles[p - 1]["id"] if p else None,
                t["parent"][i] or None,
                t["root"][i] or None,
                t["depth"][i],
                t["author"][i],
                body,
                html,
                t["lang"][i],
                t["stance"][i],
                "withdrawn" if withdrawn else "visible",
                None,
                None,
                c["agree"][i],
                c["disagree"][i],
                c["pass"][i],
                c["reply"][i],
                c["discussion"][i],
                at,
                at + timedelta(hours=1) if withdrawn else at,
            )


def _render(body: str) -> tuple[str, str]:
    return body, render_comment(body)


def _vote_rows(t: dict, v: dict):
    opens = t["opens"]
    for n, (comment_id, user, value, at) in enumerate(
        zip(v["comment"], v["user"], v["value"], v["at"], strict=True), start=1
    ):
        moment = opens + timedelta(seconds=at)
        yield (n, comment_id, user, shape.VOTE_VALUES[value], moment, moment)


def _store_totals(conn, meta, counts: dict, articles) -> None:
    place = counts["place"]
    per_section: dict[int, int] = {}
    for p, _user in counts["section_people"]:
        per_section[p] = per_section.get(p, 0) + 1
    section = meta.tables["section"]
    for p, article in enumerate(articles, start=1):
        conn.execute(
            section.update()
            .where(section.c.id == article["id"])
            .values(
                comment_count=place["comments"][p],
                thread_count=place["threads"][p],
                vote_count=place["votes"][p],
                participant_count=per_section.get(p, 0),
            )
        )
    consultation = meta.tables["consultation"]
    conn.execute(
        consultation.update()
        .where(consultation.c.id == 1)
        .values(
            comment_count=sum(place["comments"]),
            general_thread_count=place["threads"][0],
            vote_count=sum(place["votes"]),
            participant_count=len(counts["people"]),
        )
    )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database",
        required=True,
        help="sqlite:///PATH (recreated) or a PostgreSQL server URL "
        "(database consult_bench is recreated on it)",
    )
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.database.startswith("sqlite:///"):
        from pathlib import Path

        url = fresh_sqlite(Path(args.database.removeprefix("sqlite:///")))
    else:
        url = fresh_postgres(args.database)
    print(json.dumps(seed(url, scale=args.scale, seed=args.seed)))


if __name__ == "__main__":
    main()
