"""Make a publication's open-data files once, under instance/opendata/, with their manifest.

A publication never changes, so neither do its files: they are written once, into a
temporary folder renamed into place when complete, so a reader sees all the files or none.
"""

import json
import os
import shutil
import time
import uuid
from pathlib import Path

import click
from flask import current_app

from .. import clock
from ..extensions import db
from ..outcome.models import Publication
from .datasets import DATASETS, Dataset
from .writers import HashingFile, write_json_document, write_rows

FORMATS = ("csv", "json")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
SCHEMA_VERSION = 1


def root() -> Path:
    """OPENDATA_FOLDER if set, else instance/opendata."""
    configured = current_app.config.get("OPENDATA_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "opendata"


def folder(consultation_id: int, version: int) -> Path:
    return root() / f"consultation-{consultation_id}" / f"v{version}"


def _stamp(value) -> str:
    return value.isoformat(timespec="seconds").replace("+00:00", "Z")


def manifest(publication: Publication) -> dict | None:
    """The manifest of a publication's files, or None while they are not made.

    Files left by another database under the same consultation id and version (a database
    recreated in development, a restore) are not this publication's: they do not count.
    """
    path = folder(publication.consultation_id, publication.version) / "manifest.json"
    try:
        document = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    if document.get("publication_id") != publication.id or document.get("published_at") != _stamp(
        publication.published_at
    ):
        return None
    return document


def write_dataset(publication: Publication, dataset: Dataset, directory: Path) -> list[dict]:
    """Write one dataset's CSV and JSON files into `directory`; their manifest entries."""
    csv_path = directory / f"{dataset.name}.csv"
    json_path = directory / f"{dataset.name}.json"
    started = time.perf_counter()
    written = write_rows(
        dataset.rows(publication),
        dataset.fields,
        csv_path,
        json_path if dataset.json_rows else None,
    )
    if not dataset.json_rows:
        sink = HashingFile(json_path)
        try:
            write_json_document(sink, publication.snapshot.get(dataset.name, {}))
        finally:
            digest = sink.close()
        written["json"] = {"bytes": sink.size, "sha256": digest, "rows": None}
    seconds = time.perf_counter() - started
    return [
        {
            "dataset": dataset.name,
            "name": f"{dataset.name}.{fmt}",
            "format": fmt,
            "media_type": MEDIA_TYPES[fmt],
            "rows": written[fmt]["rows"],
            "bytes": written[fmt]["bytes"],
            "sha256": written[fmt]["sha256"],
            "seconds": round(seconds, 3),
        }
        for fmt in FORMATS
    ]


def export_publication(publication_id: int) -> dict:
    """Make the files of publication `publication_id` (once); return its manifest."""
    publication = db.session.get(Publication, publication_id)
    if publication is None:
        raise LookupError(f"no publication {publication_id}")
    final = folder(publication.consultation_id, publication.version)
    existing = manifest(publication)
    if existing is not None:
        return existing
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():  # another database's files (see manifest()): set them aside
        stale = final.parent / f".v{publication.version}-{uuid.uuid4().hex}.stale"
        os.rename(final, stale)
        shutil.rmtree(stale, ignore_errors=True)
    temporary = final.parent / f".v{publication.version}-{uuid.uuid4().hex}.tmp"
    temporary.mkdir()
    try:
        files = []
        for dataset in DATASETS.values():
            files.extend(write_dataset(publication, dataset, temporary))
        document = {
            "schema_version": SCHEMA_VERSION,
            "consultation_id": publication.consultation_id,
            "publication_id": publication.id,
            "version": publication.version,
            "published_at": _stamp(publication.published_at),
            "generated_at": _stamp(clock.utcnow()),
            "files": files,
        }
        (temporary / "manifest.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
        try:
            os.rename(temporary, final)
        except OSError:
            # Another worker finished first: its files are the same publication's; keep them.
            if manifest(publication) is None:
                raise
            shutil.rmtree(temporary, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return manifest(publication) or document


@click.command("opendata-export")
@click.argument("publication_id", type=int)
def opendata_export_command(publication_id: int):
    """Write the open-data files (CSV and JSON, with SHA-256) of publication PUBLICATION_ID."""
    try:
        document = export_publication(publication_id)
    except LookupError as error:
        raise click.ClickException(str(error)) from None
    for entry in document["files"]:
        click.echo(f"{entry['sha256']}  {entry['name']}")
