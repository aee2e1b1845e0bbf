"""Browser tests: the app under gunicorn on loopback, a fresh demo database, Debian's Chromium."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from .support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCALES,
    PASSWORD,
    ROOT,
    SCREENSHOTS,
    account,
    unavailable,
)


@pytest.fixture(autouse=True)
def frozen_clock():
    """The server runs in real time here: the demo consultation is open now."""
    return None


@dataclass(frozen=True)
class Demo:
    """What the browser tests need to know about the seeded database."""

    app: object  # a Flask app on the same database, for checking what the server stored
    open_id: int
    closed_id: int
    draft_id: int
    #: Article 3, which journey 1 reads.
    article3_slug: str
    #: The article journey 2 comments on, and a comment on it to reply to.
    article_slug: str
    reply_to_id: int
    #: The article with the most comments: the heaviest first view, for the budget.
    busiest_slug: str
    #: A verified demo organisation (the test representatives speak for it) and a submitted
    #: recommendation of another one.
    organisation_id: int
    recommendation_id: int
    #: The closed consultation's largest theme, when its outcome was published (build_demo).
    closed_theme_id: int | None = None


@pytest.fixture(scope="session")
def demo(tmp_path_factory, server_folder):
    built = build_demo(
        tmp_path_factory.mktemp("e2e-db"), opendata=server_folder / "opendata", outcome=True
    )
    yield built
    dispose(built)


def dispose(built: Demo) -> None:
    from consult.extensions import db

    with built.app.app_context():
        db.session.remove()
        db.engine.dispose()


def build_demo(folder: Path, *, opendata: Path, outcome: bool) -> Demo:
    """A fresh SQLite database in `folder`: the migrations, the demo, the test accounts.

    With `outcome`, the demo's closed consultation is also analysed and its outcome report
    published, with its open-data files written to `opendata` (the server's OPENDATA_FOLDER),
    so that the synthesis and report pages can be checked like the other main pages.
    """
    from flask_migrate import upgrade
    from sqlalchemy import select

    from consult import clock, create_app
    from consult.accounts.models import User
    from consult.accounts.services import register_user
    from consult.comments.models import Comment
    from consult.consultations import services
    from consult.consultations.models import Consultation, Section
    from consult.demo import organisations as demo_organisations
    from consult.demo import seed
    from consult.extensions import db
    from consult.organisations.models import Organisation, Representative
    from consult.recommendations.models import Recommendation

    folder.mkdir(parents=True, exist_ok=True)
    config = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'consult.sqlite3'}",
        "SECRET_KEY": "e2e-only",
        "TESTING": True,
        "OPENDATA_FOLDER": str(opendata),
    }
    app = create_app(config, instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade()
        seed.seed()
        official = db.session.scalar(select(User).where(User.email == seed.OFFICIAL_EMAIL))
        tamount = next(o for o in demo_organisations.ORGANISATIONS if o["key"] == "tamount")
        organisation = db.session.scalar(
            select(Organisation).where(Organisation.registration_ref == tamount["ref"])
        )
        assert organisation.is_verified
        # One account per role and language: the profile's language is the page's language.
        for locale in LOCALES:
            for role in ("citizen", "official", "admin", "representative"):
                user = register_user(
                    email=account(role, locale),
                    password=PASSWORD,
                    display_name=f"{role.title()} {locale}",
                    locale=locale,
                    consented_at=clock.utcnow(),
                )
                user.email_confirmed_at = clock.utcnow()
                user.is_admin = role == "admin"
                user.institution_id = official.institution_id if role == "official" else None
                if role == "representative":
                    db.session.flush()
                    db.session.add(
                        Representative(
                            organisation_id=organisation.id, user_id=user.id, since=clock.utcnow()
                        )
                    )
        now = clock.utcnow()
        # A consultation still in draft, so the officials' pages show their editable forms.
        draft = services.create_consultation(
            official,
            official.institution_id,
            services.ConsultationFields(
                title={
                    "fr": "Stratégie nationale du bénévolat",
                    "ar": "الاستراتيجية الوطنية للتطوع",
                },
                summary={},
                kind="strategy",
                scope="national",
                scope_area=None,
                audience="everyone",
                themes=["civil_society"],
                opens_at=now + timedelta(days=30),
                closes_at=now + timedelta(days=90),
            ),
        )
        db.session.commit()
        consultations = db.session.scalars(select(Consultation).order_by(Consultation.id)).all()
        open_one = next(c for c in consultations if c.phase.value == "open")
        # Closed, or already published by the demo (which analyses and publishes it).
        closed_one = next(
            c for c in consultations if c.phase.value in ("closed", "in_synthesis", "published")
        )
        articles = db.session.scalars(
            select(Section).where(Section.consultation_id == open_one.id, Section.kind == "article")
        ).all()
        busiest = max(articles, key=lambda s: s.comment_count)
        # The journeys comment on article 2 and reply to its newest top-level demo comment
        # (first in the default "newest" order, so on the first page).
        article = next(s for s in articles if s.number == "2")
        reply_to = db.session.scalar(
            select(Comment)
            .where(Comment.section_id == article.id, Comment.parent_id.is_(None))
            .order_by(Comment.created_at.desc())
        )
        assert reply_to is not None, "the demo has no comment on article 2 any more"
        recommendation = db.session.scalar(
            select(Recommendation)
            .where(
                Recommendation.organisation_id != organisation.id,
                Recommendation.status == "submitted",
            )
            .order_by(Recommendation.id)
        )
        result = Demo(
            app=app,
            open_id=open_one.id,
            closed_id=closed_one.id,
            draft_id=draft.id,
            article3_slug=next(s.slug for s in articles if s.number == "3"),
            article_slug=article.slug,
            reply_to_id=reply_to.id,
            busiest_slug=busiest.slug,
            organisation_id=organisation.id,
            recommendation_id=recommendation.id,
            closed_theme_id=_publish_outcome(official, closed_one) if outcome else None,
        )
        db.session.remove()
    return result


def _publish_outcome(official, consultation) -> int:
    """Analyse a closed consultation and publish its outcome, as the workspace does, unless
    the demo did; make sure its open-data files are written; return its largest theme's id."""
    from flask import current_app

    from consult.extensions import db
    from consult.opendata.export import export_publication
    from consult.outcome import services as outcome
    from consult.synthesis import curation, runs

    publication = outcome.latest(consultation.id)
    if publication is not None:
        export_publication(publication.id)  # done once: a second call reads the manifest
        run = runs.latest_done(consultation.id)
        assert run is not None, "the demo published an outcome without a synthesis"
        summaries, _ = curation.summaries(run)
        assert summaries, "the synthesis of the closed demo found no theme"
        return summaries[0].theme.id
    run = runs.execute(runs.create_run(official, consultation).id)
    assert run.status.value == "done", f"the synthesis of the closed demo failed: {run.error}"
    summaries, _ = curation.summaries(run)
    assert summaries, "the synthesis of the closed demo found no theme"
    with current_app.test_request_context("/"):  # the snapshot holds links to the pages
        publication = outcome.publish(
            official,
            consultation,
            outcome.OutcomeFields(
                summary={"fr": "Synthèse des contributions reçues.", "ar": "خلاصة المساهمات."},
                next_steps={"fr": "Le texte final est transmis au gouvernement."},
                next_date=None,
                change_note={},
            ),
        )
        db.session.commit()
    export_publication(publication.id)
    return summaries[0].theme.id


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_folder(tmp_path_factory) -> Path:
    """The server's instance folder is in here: its outbox/ holds the e-mails it sends."""
    return tmp_path_factory.mktemp("e2e-server")


@pytest.fixture(scope="session")
def outbox(server_folder) -> Path:
    return server_folder / "instance" / "outbox"


@pytest.fixture(scope="session")
def base_url(demo, server_folder) -> str:
    """gunicorn serving the app on the demo database, as in production (CSRF on, gzip on)."""
    yield from serve(demo, server_folder)


def serve(demo: Demo, folder: Path):
    """Run gunicorn on `demo`'s database, its instance folder in `folder`; yield its URL.

    The work it starts in the background (`flask synthesise`, `flask opendata-export`) runs
    in processes of their own, as in production: they get the database and the open-data
    folder from the environment.
    """
    port = _free_port()
    env = {
        **os.environ,
        "CONSULT_SQLALCHEMY_DATABASE_URI": demo.app.config["SQLALCHEMY_DATABASE_URI"],
        "CONSULT_OPENDATA_FOLDER": demo.app.config["OPENDATA_FOLDER"],
        "CONSULT_SECRET_KEY": "e2e-only-secret",
        # Dozens of sign-ups and posts from one address in a few minutes: not an attack here.
        "CONSULT_RATELIMIT_ENABLED": "false",
    }
    env.pop("DATABASE_URL", None)
    folder.mkdir(parents=True, exist_ok=True)
    log = open(folder / "gunicorn.log", "wb")  # noqa: SIM115 (closed at teardown)
    factory = f'consult:create_app(instance_path="{folder / "instance"}")'
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--chdir", str(ROOT), "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "4", "--worker-class", "gthread",
         "--graceful-timeout", "2", factory],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            log.close()
            pytest.fail("gunicorn did not start:\n" + (folder / "gunicorn.log").read_text()[-3000:])
        time.sleep(0.2)
    yield url
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()
    errors = (folder / "gunicorn.log").read_text(errors="replace")
    if "Traceback" in errors:
        print("\n--- gunicorn log (tracebacks) ---\n" + errors[-5000:])


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (make install-test installs it)")
    if not Path(CHROMIUM).exists():
        unavailable(
            f"Chromium is not installed at {CHROMIUM}; `make test` installs it when run as root "
            "on Debian (apt-get install chromium fonts-noto-core)"
        )
    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh temporary profile (user-data dir).
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # While the test's pages are still open: keep what the browser showed when it failed.
    if report.when == "call" and report.failed:
        shots = item.funcargs.get("shots")
        if shots is not None:
            shots.failure_shots()
    return report


@pytest.fixture
def shots(request):
    """Screenshots of each step, in screenshots/<test>/ (replaced at each run of that test)."""
    from .support import Screenshots

    module = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    name = request.node.originalname.removeprefix("test_")[:48]
    callspec = getattr(request.node, "callspec", None)
    folder = SCREENSHOTS / module / _safe(f"{callspec.id}--{name}" if callspec else name)
    shutil.rmtree(folder, ignore_errors=True)
    return Screenshots(folder)


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name)


@pytest.fixture
def contexts(browser, base_url, shots):
    """Open browser contexts (one per simulated person); closed after the test."""
    from .support import Contexts

    opened = Contexts(browser, base_url, shots)
    yield opened
    opened.close_all()


@pytest.fixture(scope="session")
def people(browser, base_url):
    """Signed-in sessions of the test accounts, by role and language."""
    from .pages import People

    signed_in = People(browser, base_url)
    yield signed_in
    signed_in.close()
