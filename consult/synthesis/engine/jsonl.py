"""Contributions from JSON Lines and one output line per contribution: the file-only run."""

import json
from collections.abc import Iterable, Iterator

from .types import Contribution, SynthesisResult

REQUIRED = ("id", "author", "text")
OPTIONAL = ("article", "lang", "kind", "support", "participant_type", "region")


class InputError(ValueError):
    """A line that is not a contribution; the message names the line."""


def read_contributions(lines: Iterable[str]) -> list[Contribution]:
    """Parse ``{"id", "author", "text"}`` lines (and the OPTIONAL keys); skip blank lines."""
    contributions, seen = [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"line {number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"line {number}: expected a JSON object")
        missing = [key for key in REQUIRED if record.get(key) is None]
        if missing:
            raise InputError(f"line {number}: missing {', '.join(missing)}")
        if not isinstance(record["text"], str):
            raise InputError(f"line {number}: text must be a string")
        for key in ("id", "author"):
            if isinstance(record[key], bool) or not isinstance(record[key], str | int):
                raise InputError(f"line {number}: {key} must be a string or a whole number")
        if record["id"] in seen:
            raise InputError(f"line {number}: id {record['id']!r} appears twice")
        seen.add(record["id"])
        try:
            support = int(record.get("support") or 0)
        except (TypeError, ValueError):
            raise InputError(f"line {number}: support must be a number") from None
        contributions.append(
            Contribution(
                id=record["id"],
                author=record["author"],
                text=record["text"],
                article=None if record.get("article") is None else str(record["article"]),
                lang=record.get("lang"),
                kind=record.get("kind") or "comment",
                support=support,
                participant_type=record.get("participant_type"),
                region=record.get("region"),
            )
        )
    return contributions


def assignment_lines(result: SynthesisResult) -> Iterator[str]:
    """One ``{"id", "group", "campaign", "theme"}`` line per contribution, in input order."""
    for assignment in result.assignments:
        yield json.dumps(
            {
                "id": assignment.id,
                "group": assignment.group,
                "campaign": assignment.campaign,
                "theme": assignment.theme,
            },
            ensure_ascii=False,
        )


def summary(result: SynthesisResult, seconds: float) -> str:
    """What a run found, in one paragraph for a terminal."""
    campaigns = result.campaigns
    signatories = sum(group.signatories for group in campaigns)
    lines = [
        f"{len(result.assignments)} contributions",
        f"{len(result.groups)} near-duplicate groups "
        f"({sum(len(group.members) for group in result.groups)} contributions)",
        f"{len(campaigns)} campaigns ({signatories} signatories, each campaign counted once)",
        f"{len(result.themes)} themes ({len(result.article_themes)} per article)",
    ]
    if result.opinions is not None:
        lines.append(f"{len(result.opinions.groups)} opinion groups")
    lines.append(f"{seconds:.1f} s")
    return "; ".join(lines)
