"""Contributions received outside the platform (letters, e-mails, spreadsheets), imported.

A file is CSV (comma or semicolon, UTF-8, as spreadsheets save it) or JSON Lines, one
contribution a row: `text` (required), and if known `lang`, `article`, `sender_type`, `region`,
`ref` (the ministry's own reference). A file with any bad row is refused whole, with every
problem named by its line: nothing is half-imported.
"""

import csv
import io
import json
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from .. import audit, clock
from ..accounts.profile import ABROAD, REGIONS
from ..consultations import queries as consultation_queries
from ..consultations.models import Consultation
from ..extensions import db
from ..text.article_numbers import normalise_article_number
from .models import ImportedContribution

FIELDS = ("text", "lang", "article", "sender_type", "region", "ref")
LANGS = ("ar", "fr", "zgh")
SENDER_TYPES = {
    "citizen": _l("Citizen"),
    "organisation": _l("Organisation"),
    "abroad": _l("Moroccan abroad"),
    "institution": _l("Public institution"),
    "business": _l("Business"),
    "other": _l("Other"),
}
MAX_TEXT = 20_000
MAX_ROWS = 100_000
MAX_ERRORS_SHOWN = 20


@dataclass
class RowError:
    line: int
    message: str


class ImportRefused(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors


def read_rows(data: bytes, filename: str) -> list[tuple[int, dict]]:
    """(line number, fields) for each row of a CSV or JSON Lines file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused([RowError(0, _l("The file is not in UTF-8."))]) from None
    if filename.lower().endswith((".jsonl", ".json", ".ndjson")):
        return _jsonl_rows(text)
    return _csv_rows(text)


def _jsonl_rows(text: str) -> list[tuple[int, dict]]:
    rows, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            errors.append(RowError(number, _l("This line is not valid JSON.")))
            continue
        if not isinstance(value, dict):
            errors.append(RowError(number, _l("This line is not a JSON object.")))
            continue
        rows.append((number, {k: ("" if v is None else str(v)) for k, v in value.items()}))
    if errors:
        raise ImportRefused(errors)
    return rows


def _csv_rows(text: str) -> list[tuple[int, dict]]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if reader.fieldnames is None or "text" not in [f.strip().lower() for f in reader.fieldnames]:
        raise ImportRefused(
            [RowError(1, _l("The first line must name the columns, with a “text” column."))]
        )
    rows = []
    for row in reader:
        fields = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k is not None}
        rows.append((reader.line_num, fields))
    return rows


def check_rows(consultation: Consultation, rows: list[tuple[int, dict]]) -> list[dict]:
    """The rows as ImportedContribution fields, or ImportRefused naming every bad line."""
    version = consultation_queries.draft_version(consultation.id)
    sections = consultation_queries.sections_of(version.id) if version else []
    article_ids = {s.number: s.id for s in sections if s.is_article}
    errors: list[RowError] = []
    checked = []
    if not rows:
        raise ImportRefused([RowError(0, _l("The file contains no contribution."))])
    if len(rows) > MAX_ROWS:
        raise ImportRefused([RowError(0, _l("At most 100 000 contributions per file."))])
    for line, fields in rows:
        text = fields.get("text", "").strip()
        lang = fields.get("lang", "").strip().lower() or None
        article = fields.get("article", "").strip()
        sender = fields.get("sender_type", "").strip().lower() or None
        region = fields.get("region", "").strip().lower() or None
        if not text:
            errors.append(RowError(line, _l("The text is empty.")))
        elif len(text) > MAX_TEXT:
            errors.append(RowError(line, _l("The text is longer than 20 000 characters.")))
        if lang is not None and lang not in LANGS:
            errors.append(
                RowError(line, _l("Unknown language: use ar, fr or zgh, or leave it empty."))
            )
        section_id = None
        if article:
            section_id = article_ids.get(normalise_article_number(article) or article)
            if section_id is None:
                errors.append(RowError(line, _l("This article does not exist in the draft.")))
        if sender is not None and sender not in SENDER_TYPES:
            errors.append(RowError(line, _l("Unknown sender type.")))
        if region is not None and region not in REGIONS and region != ABROAD:
            errors.append(RowError(line, _l("Unknown region.")))
        checked.append(
            {
                "text": text,
                "lang": lang,
                "section_id": section_id,
                "sender_type": sender,
                "region": region,
                "external_ref": fields.get("ref", "").strip()[:80] or None,
            }
        )
    if errors:
        raise ImportRefused(errors)
    return checked


def import_file(actor, consultation: Consultation, data: bytes, filename: str) -> int:
    """Store every contribution of the file (or none); the number stored."""
    rows = check_rows(consultation, read_rows(data, filename))
    now = clock.utcnow()
    name = filename[-200:]
    db.session.add_all(
        ImportedContribution(
            consultation_id=consultation.id,
            source_name=name,
            imported_by_id=actor.id,
            imported_at=now,
            **row,
        )
        for row in rows
    )
    db.session.flush()
    audit.record(actor, "synthesis.import", consultation, file=name, rows=len(rows))
    return len(rows)


def batches(consultation_id: int) -> list[tuple[str, int]]:
    """The files imported into a consultation, with how many contributions each gave."""
    return db.session.execute(
        select(ImportedContribution.source_name, func.count())
        .where(ImportedContribution.consultation_id == consultation_id)
        .group_by(ImportedContribution.source_name)
        .order_by(ImportedContribution.source_name)
    ).all()
