"""The benchmark harness in miniature, so it cannot rot: a tiny seed, its counters, the SQL
statements per page, and every request `make bench` measures, once, against gunicorn."""

import pytest
from sqlalchemy import text

from bench import probe
from bench.counters import check_counters
from bench.database import engine_for, fresh_sqlite
from bench.seed import ARTICLES, EMAIL, PASSWORD, seed
from bench.servers import app_server
from bench.sessions import get, post, sign_in
from consult.text.scripts import lang_for_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    url = fresh_sqlite(tmp_path_factory.mktemp("bench") / "bench.sqlite3")
    summary = seed(url, scale=0.003, log=lambda message: None)
    engine = engine_for(url)
    yield url, summary, engine
    engine.dispose()


def _count(engine, sql: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_seed_writes_what_it_says_with_exact_counters(seeded):
    url, summary, engine = seeded
    assert _count(engine, "SELECT count(*) FROM comment") == summary["comments"] >= 300
    assert _count(engine, "SELECT count(*) FROM vote") == summary["votes"]
    assert _count(engine, 'SELECT count(*) FROM "user"') == summary["users"] + 1
    assert _count(engine, "SELECT count(*) FROM section WHERE kind = 'article'") == ARTICLES
    assert _count(engine, "SELECT max(depth) FROM comment") == 3
    assert _count(engine, "SELECT count(DISTINCT lang) FROM comment") == 3
    with engine.connect() as conn:
        assert check_counters(conn) == {}


def test_counter_check_notices_a_wrong_counter(seeded):
    _url, _summary, engine = seeded
    with engine.connect() as conn:
        transaction = conn.begin()
        conn.execute(text("UPDATE comment SET agree_count = agree_count + 1 WHERE id = 7"))
        conn.execute(text("DELETE FROM section_participant WHERE rowid = 1"))
        problems = check_counters(conn)
        transaction.rollback()
    assert "comment vote counts" in problems
    assert {"section counts", "section participants"} <= set(problems)


def test_seed_writes_the_organisations_and_recommendations_it_says(seeded):
    _url, summary, engine = seeded
    assert _count(engine, "SELECT count(*) FROM organisation") == summary["organisations"] >= 12
    assert _count(engine, "SELECT count(*) FROM recommendation") == summary["recommendations"] >= 20
    assert _count(engine, "SELECT count(*) FROM co_signature") == summary["cosignatures"] > 0
    assert _count(engine, "SELECT count(*) FROM support") == summary["supports"] > 0
    assert _count(engine, "SELECT count(DISTINCT kind) FROM organisation") == 4
    assert _count(engine, "SELECT count(DISTINCT status) FROM organisation") == 3
    assert _count(engine, "SELECT count(DISTINCT kind) FROM recommendation") == 4
    assert _count(engine, "SELECT count(DISTINCT status) FROM recommendation") == 3
    assert _count(engine, "SELECT max(member_count) FROM organisation WHERE kind = 'network'") >= 1
    assert _count(engine, "SELECT recommendation_count FROM consultation WHERE id = 1") > 0
    with engine.connect() as conn:
        assert check_counters(conn) == {}


def test_seeded_recommendations_follow_the_services_rules(seeded):
    _url, _summary, engine = seeded
    broken = {
        "by an organisation that is not verified": """
            SELECT count(*) FROM recommendation r JOIN organisation o ON o.id = r.organisation_id
            WHERE o.status <> 'verified'""",
        "by someone who does not represent it": """
            SELECT count(*) FROM recommendation r LEFT JOIN representative p
              ON p.organisation_id = r.organisation_id AND p.user_id = r.author_id
            WHERE p.user_id IS NULL""",
        "co-signed by its own or an unverified organisation": """
            SELECT count(*) FROM co_signature c
            JOIN recommendation r ON r.id = c.recommendation_id
            JOIN organisation o ON o.id = c.organisation_id
            WHERE c.organisation_id = r.organisation_id OR o.status <> 'verified'""",
        "co-signed by someone who does not represent the co-signer": """
            SELECT count(*) FROM co_signature c LEFT JOIN representative p
              ON p.organisation_id = c.organisation_id AND p.user_id = c.signed_by_id
            WHERE p.user_id IS NULL""",
        "co-signed or supported while not submitted": """
            SELECT count(*) FROM recommendation r
            JOIN (SELECT recommendation_id, signed_at AS at FROM co_signature
                  UNION ALL SELECT recommendation_id, supported_at FROM support) x
              ON x.recommendation_id = r.id
            WHERE r.submitted_at IS NULL OR x.at < r.submitted_at OR x.at > r.withdrawn_at""",
        "amending or deleting no article": """
            SELECT count(*) FROM recommendation
            WHERE kind IN ('amend', 'delete') AND section_id IS NULL""",
        "a network membership of an unverified organisation or of no network": """
            SELECT count(*) FROM network_membership m
            JOIN organisation n ON n.id = m.network_id JOIN organisation o ON o.id = m.member_id
            WHERE n.kind <> 'network' OR n.status <> 'verified' OR o.status <> 'verified'""",
        "a person representing more than three organisations": """
            SELECT count(*) FROM (SELECT user_id FROM representative GROUP BY user_id
                                  HAVING count(*) > 3) x""",
    }
    found = {rule: _count(engine, sql) for rule, sql in broken.items()}
    assert found == dict.fromkeys(broken, 0)


def test_public_recommendations_are_in_the_search_index(seeded):
    _url, _summary, engine = seeded
    public = "SELECT count(*) FROM recommendation WHERE status = 'submitted'"
    indexed = "SELECT count(DISTINCT object_id) FROM search_document WHERE kind = 'recommendation'"
    assert _count(engine, indexed) == _count(engine, public) > 0


def test_counter_check_notices_a_wrong_recommendation_counter(seeded):
    _url, _summary, engine = seeded
    cosigned = "SELECT min(recommendation_id) FROM co_signature"
    wrong = {
        "recommendation co-signature and support counts": (
            f"UPDATE recommendation SET cosignature_count = cosignature_count - 1"
            f" WHERE id = ({cosigned})"
        ),
        "network member counts": "UPDATE organisation SET member_count = member_count + 1"
        " WHERE kind = 'network'",
        "section recommendation counts": "UPDATE section SET recommendation_count = 0"
        " WHERE recommendation_count > 0",
        "consultation recommendation counts": "UPDATE consultation SET recommendation_count ="
        " recommendation_count + 1 WHERE id = 1",
    }
    for check, statement in wrong.items():
        with engine.connect() as conn:
            transaction = conn.begin()
            conn.execute(text(statement))
            problems = check_counters(conn)
            transaction.rollback()
        assert set(problems) == {check}, statement


def test_seeded_language_is_the_one_the_app_would_detect(seeded):
    _url, _summary, engine = seeded
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT body_source, lang FROM comment")).all()
    assert all(lang_for_text(body) == lang for body, lang in rows)


def test_statements_per_page_do_not_grow_with_comments(seeded):
    url, _summary, _engine = seeded
    targets = probe.read_targets(url)
    counted = probe.statements_per_page(url, targets)
    assert all(page["status"] == 200 for page in counted["pages"].values()), counted
    assert counted["constant"], counted["pages"]
    assert counted["count_over_comments"] == []


def test_every_measured_request_answers_under_gunicorn(seeded, tmp_path):
    url, _summary, engine = seeded
    targets = probe.read_targets(url)
    pages = targets.pages()
    with app_server(
        "smoke", url, workers=2, instance=tmp_path / "instance", log_dir=tmp_path
    ) as server:
        for path in [*pages.values(), "/healthz"]:
            status, body = get(server.base, path)
            assert status == 200, (path, status, body[:300])

        session = sign_in(server.base, EMAIL.format(1), PASSWORD, pages["article"])
        comments = _count(engine, "SELECT count(*) FROM comment")
        status = post(
            server.base,
            f"/consultations/{targets.consultation_id}/comments",
            session,
            {"body": "Contribution du test de fumée", "section": targets.busiest_slug},
        )
        assert status == 302
        assert _count(engine, "SELECT count(*) FROM comment") == comments + 1

        comment_id = targets.vote_comment_ids[0]
        status = post(server.base, f"/comments/{comment_id}/vote", session, {"value": "pass"})
        assert status == 303
        voted = f"SELECT value FROM vote WHERE comment_id = {comment_id} AND user_id = 2"
        with engine.connect() as conn:
            assert conn.execute(text(voted)).scalar() == "pass"
    assert server.process.poll() is not None
    assert "Traceback" not in server.log_text()
    with engine.connect() as conn:
        assert check_counters(conn) == {}


def test_cpu_per_page_and_per_post_tools_run_on_the_seed(seeded, capsys, frozen_clock):
    """bench/pages.py (in-process CPU per request), last: its posts change the seed."""
    from datetime import UTC, datetime

    from bench import pages

    # The seed's consultation is open around the day of the run, not the tests' frozen day.
    frozen_clock.moment = datetime.now(UTC)
    url, _summary, engine = seeded
    assert pages.main(["--database", url, "--repeat", "2"]) == 0
    assert pages.main(["--database", url, "--repeat", "2", "--posts"]) == 0
    printed = capsys.readouterr().out
    assert "article" in printed and "comment POST" in printed and "vote POST" in printed
    with engine.connect() as conn:
        assert check_counters(conn) == {}  # the posts went through the services
