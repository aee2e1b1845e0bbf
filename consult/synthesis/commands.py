"""`flask synthesise`: a stored consultation, a queued run, or a JSON Lines file alone."""

import sys
import time
from pathlib import Path

import click


class ProgressBar:
    """A one-line bar on stderr when it is a terminal; a line per stage otherwise (logs)."""

    WIDTH = 30

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.stage = None
        self.started = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int) -> None:
        elapsed = time.perf_counter() - self.started
        if self.interactive:
            filled = int(self.WIDTH * done / total) if total else self.WIDTH
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {stage} {done}/{total} {elapsed:5.1f}s\033[K")
            self.stream.flush()
        elif stage != self.stage:
            self.stream.write(f"{elapsed:6.1f}s {stage}\n")
            self.stream.flush()
        self.stage = stage

    def close(self) -> None:
        if self.interactive:
            self.stream.write("\r\033[K")
            self.stream.flush()


@click.command("synthesise")
@click.argument("consultation_id", type=int, required=False)
@click.option("--run", "run_id", type=int, help="Execute this queued run (the workspace does).")
@click.option(
    "--from-file",
    "source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='JSON Lines input, one {"id", "author", "text"} per line (optional "article", "lang").',
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help='JSON Lines output, one {"id", "group", "campaign", "theme"} per contribution.',
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    help="Similarity (Jaccard of character shingles) from which two texts are near-duplicates.",
)
@click.option(
    "--campaign-size",
    type=click.IntRange(min=2),
    help="Distinct authors from which a near-duplicate group is a campaign (default 5).",
)
@click.option("--seed", type=int, help="Same seed, same result (default 0).")
def synthesise_command(consultation_id, run_id, source, out, threshold, campaign_size, seed):
    """Find near-duplicates, campaigns, themes and opinion groups in a consultation."""
    chosen = [consultation_id is not None, run_id is not None, source is not None]
    if sum(chosen) != 1:
        raise click.UsageError("give one of CONSULTATION_ID, --run RUN_ID or --from-file FILE")
    overrides = {
        key: value
        for key, value in (
            ("threshold", threshold),
            ("campaign_size", campaign_size),
            ("seed", seed),
        )
        if value is not None
    }
    if source is not None:
        _from_file(source, out, overrides)
    else:
        _stored(consultation_id, run_id, overrides)


def _stored(consultation_id: int | None, run_id: int | None, overrides: dict) -> None:
    from ..consultations.models import Consultation
    from ..errors import DomainError
    from ..extensions import db
    from . import runs

    if run_id is None:
        consultation = db.session.get(Consultation, consultation_id)
        if consultation is None:
            raise click.ClickException(f"no consultation {consultation_id}")
        try:
            run = runs.create_run(None, consultation)
        except DomainError as error:
            raise click.ClickException(str(error.message)) from None
        run.params = {**run.params, **overrides}
        db.session.commit()
        run_id = run.id
    bar = ProgressBar()
    started = time.perf_counter()
    try:
        run = runs.execute(run_id, echo=bar)
    except LookupError as error:
        raise click.ClickException(str(error)) from None
    except Exception as error:
        bar.close()
        raise click.ClickException(f"the synthesis failed: {error}") from None
    bar.close()
    summary = run.summary
    click.echo(
        f"run {run.id}: {summary['contributions']} contributions, {summary['votes']} votes, "
        f"{summary['groups']} near-duplicate groups ({summary['campaigns']} campaigns), "
        f"{summary['themes']} themes, in {time.perf_counter() - started:.1f} s",
        err=True,
    )


def _from_file(source: Path, out: Path | None, overrides: dict) -> None:
    from .engine import SynthesisParams, synthesise
    from .engine.jsonl import InputError, assignment_lines, read_contributions, summary

    if out is None:
        raise click.UsageError("--from-file needs --out FILE")
    try:
        with source.open(encoding="utf-8") as lines:
            contributions = read_contributions(lines)
    except (InputError, UnicodeDecodeError) as error:
        raise click.ClickException(f"cannot read {source}: {error}") from None
    bar = ProgressBar()
    started = time.perf_counter()
    result = synthesise(contributions, params=SynthesisParams(**overrides), progress=bar)
    with out.open("w", encoding="utf-8") as output:
        for line in assignment_lines(result):
            output.write(line + "\n")
    bar.close()
    click.echo(summary(result, time.perf_counter() - started), err=True)
