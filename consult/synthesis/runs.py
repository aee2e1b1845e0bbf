"""Synthesis runs: start one from the workspace, execute it in a worker, store what it found.

A run never executes inside a web request: the workspace creates a queued run and launches
`flask synthesise --run ID` as a process of its own, which writes its progress to the run's
row; the page reloads itself to show it.
"""

import time

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import insert, select

from .. import audit, background, clock
from ..consultations.models import Consultation, Phase
from ..errors import Conflict, NotAllowed
from ..extensions import db
from . import curation
from .models import (
    ACTIVE_STATUSES,
    RunAssignment,
    RunGroup,
    RunStatus,
    RunTheme,
    SynthesisRun,
)

#: Phases in which contributions no longer change, so a synthesis means something.
SYNTHESIS_PHASES = (Phase.CLOSED, Phase.IN_SYNTHESIS, Phase.PUBLISHED)
#: Progress is written at most this often (seconds): each write is a commit.
PROGRESS_EVERY = 1.0
INSERT_CHUNK = 5000


def latest(consultation_id: int) -> SynthesisRun | None:
    return db.session.scalars(
        select(SynthesisRun)
        .where(SynthesisRun.consultation_id == consultation_id)
        .order_by(SynthesisRun.id.desc())
        .limit(1)
    ).first()


def latest_done(consultation_id: int) -> SynthesisRun | None:
    return db.session.scalars(
        select(SynthesisRun)
        .where(
            SynthesisRun.consultation_id == consultation_id,
            SynthesisRun.status == RunStatus.DONE,
        )
        .order_by(SynthesisRun.id.desc())
        .limit(1)
    ).first()


def is_stalled(run: SynthesisRun) -> bool:
    if run.status not in ACTIVE_STATUSES:
        return False
    last = run.heartbeat_at or run.created_at
    return clock.utcnow() - last > current_app.config["SYNTHESIS_STALLED_AFTER"]


def params_from_config() -> dict:
    """The engine's parameters as the configuration sets them (the rest keep their defaults)."""
    config = current_app.config
    return {
        "threshold": config["SYNTHESIS_THRESHOLD"],
        "campaign_size": config["SYNTHESIS_CAMPAIGN_SIZE"],
        "seed": config["SYNTHESIS_SEED"],
    }


def create_run(actor, consultation: Consultation) -> SynthesisRun:
    """A queued run of `consultation`: refused while it is open or while another run works."""
    if consultation.phase not in SYNTHESIS_PHASES:
        raise NotAllowed(_l("The synthesis can start once the consultation is closed."))
    current = latest(consultation.id)
    if current is not None and current.status in ACTIVE_STATUSES and not is_stalled(current):
        raise Conflict(_l("A synthesis is already running for this consultation."))
    if current is not None and is_stalled(current):
        _fail(current, "stalled: the worker stopped giving news")
    run = SynthesisRun(
        consultation_id=consultation.id,
        started_by_id=getattr(actor, "id", None),
        status=RunStatus.QUEUED,
        created_at=clock.utcnow(),
        params=params_from_config(),
    )
    db.session.add(run)
    db.session.flush()
    if actor is not None:
        audit.record(actor, "synthesis.start", consultation, run=run.id)
    return run


def launch(run: SynthesisRun) -> None:
    """Have the run executed outside this request (the caller has committed it)."""
    background.run(["synthesise", "--run", str(run.id)], lambda: execute(run.id))


def execute(run_id: int, echo=None) -> SynthesisRun:
    """Run the engine for a queued run and store its result; the run ends DONE or FAILED.

    `echo(stage, done, total)` is also told of progress (the command line draws a bar).
    """
    # Imported here: numpy and scikit-learn stay out of the web workers, which never run this.
    from . import loading
    from .engine import SynthesisParams, synthesise

    run = db.session.get(SynthesisRun, run_id)
    if run is None:
        raise LookupError(f"no synthesis run {run_id}")
    run.status, run.started_at = RunStatus.RUNNING, clock.utcnow()
    run.heartbeat_at = run.started_at
    db.session.commit()
    last_write = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        if echo is not None:
            echo(stage, done, total)
        now = time.monotonic()
        if now - last_write[0] >= PROGRESS_EVERY or done >= total:
            last_write[0] = now
            run.stage, run.done, run.total = stage, done, total
            run.heartbeat_at = clock.utcnow()
            db.session.commit()

    try:
        progress("load", 0, 2)
        contributions = loading.contributions(run.consultation_id)
        progress("load", 1, 2)
        votes = loading.votes(run.consultation_id)
        progress("load", 2, 2)
        params = SynthesisParams(**(run.params or params_from_config()))
        result = synthesise(contributions, votes, params=params, progress=progress)
        progress("store", 0, 1)
        _store(run, contributions, result, votes_count=len(votes.values))
        curation.link_run(run)
        run.status, run.finished_at = RunStatus.DONE, clock.utcnow()
        run.stage, run.done, run.total = "store", 1, 1
        db.session.commit()
    except Exception as error:  # a failed run says why on the workspace page, then re-raises
        db.session.rollback()
        _fail(db.session.get(SynthesisRun, run_id), f"{type(error).__name__}: {error}")
        db.session.commit()
        raise
    return run


def _fail(run: SynthesisRun, message: str) -> None:
    run.status, run.error, run.finished_at = RunStatus.FAILED, message[:2000], clock.utcnow()


def _store(run: SynthesisRun, contributions, result, votes_count: int) -> None:
    if result.groups:
        db.session.execute(
            insert(RunGroup),
            [
                {
                    "run_id": run.id,
                    "number": group.id,
                    "representative": group.representative,
                    "size": len(group.members),
                    "signatories": group.signatories,
                    "is_campaign": bool(group.is_campaign),
                }
                for group in result.groups
            ],
        )
    themes = [*result.themes, *result.article_themes]
    if themes:
        db.session.execute(
            insert(RunTheme),
            [
                {
                    "run_id": run.id,
                    "key": theme.id,
                    "lang": theme.lang,
                    "article": theme.article,
                    "label": theme.label[:300],
                    "terms": list(theme.terms),
                    "representatives": list(theme.representatives),
                    "size": theme.size,
                    "support": int(theme.support),
                    "campaigns": theme.campaigns,
                    "spread": {
                        "articles": theme.articles,
                        "kinds": theme.kinds,
                        "participant_types": theme.participant_types,
                        "regions": theme.regions,
                    },
                }
                for theme in themes
            ],
        )
    rows = [
        {
            "run_id": run.id,
            "ref": a.id,
            "group_number": a.group,
            "theme_key": a.theme,
            "article_theme_key": a.article_theme,
            "lang": a.lang,
            "kind": c.kind,
            "article": c.article,
            "support": int(c.support),
            "participant_type": c.participant_type,
            "region": c.region,
        }
        for a, c in zip(result.assignments, contributions, strict=True)
    ]
    for start in range(0, len(rows), INSERT_CHUNK):
        db.session.execute(insert(RunAssignment), rows[start : start + INSERT_CHUNK])
    run.opinions = _opinions(result)
    run.summary = {
        "contributions": len(result.assignments),
        "votes": votes_count,
        "groups": len(result.groups),
        "campaigns": len(result.campaigns),
        "in_campaigns": sum(len(g.members) for g in result.campaigns),
        "themes": len(result.themes),
        "article_themes": len(result.article_themes),
    }


def _opinions(result) -> dict | None:
    """The opinion groups as stored: comment refs, shares; not the (long) participant lists."""
    if result.opinions is None:
        return None

    def stat(s) -> dict:
        return {
            "ref": f"comment:{int(s.comment)}",
            "agree": {str(k): round(float(v), 4) for k, v in s.agree.items()},
            "disagree": {str(k): round(float(v), 4) for k, v in s.disagree.items()},
            "seen": {str(k): int(v) for k, v in s.seen.items()},
            "direction": s.direction,
        }

    opinions = result.opinions
    return {
        "participants": opinions.participants,
        "clustered": opinions.clustered,
        "comments": opinions.comments,
        "votes": opinions.votes,
        "groups": [
            {
                "id": group.id,
                "size": group.size,
                "representative": [stat(s) for s in group.representative],
            }
            for group in opinions.groups
        ],
        "consensus": [stat(s) for s in opinions.consensus],
        "divisive": [stat(s) for s in opinions.divisive],
    }
