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
