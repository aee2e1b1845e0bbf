"""Download a published outcome's open-data files; list them, with their SHA-256, in the report."""

from flask import abort, send_file
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..consultations.routes import get_readable_consultation
from ..extensions import db
from ..outcome.models import Publication
from . import bp
from .datasets import DATASETS
from .export import FORMATS, MEDIA_TYPES, folder, manifest

TITLES = {
    "articles": _l("Articles of the draft and final text"),
    "contributions": _l("Comments, replies and recommendations"),
    "votes": _l("Votes counted per comment"),
    "responses": _l("The ministry's answers"),
    "themes": _l("Themes"),
    "indicators": _l("Indicators"),
}


@bp.get("/consultations/<int:consultation_id>/outcome/v<int:version>/data/<name>.<fmt>")
def download(consultation_id: int, version: int, name: str, fmt: str):
    consultation = get_readable_consultation(consultation_id)
    if name not in DATASETS or fmt not in FORMATS:
        abort(404)
    publication = db.session.scalar(
        select(Publication).where(
            Publication.consultation_id == consultation.id, Publication.version == version
        )
    )
    if publication is None or manifest(publication) is None:
        abort(404)
    path = folder(consultation.id, version) / f"{name}.{fmt}"
    if not path.is_file():
        abort(404)
    return send_file(
        path,
        mimetype=MEDIA_TYPES[fmt].split(";")[0],  # the charset of text/csv is added by Werkzeug
        as_attachment=True,
        download_name=f"consultation-{consultation.id}-v{version}-{name}.{fmt}",
        max_age=3600,
    )


@bp.app_template_global()
def opendata_files(publication: Publication) -> list[dict] | None:
    """The report's list of files, grouped by dataset; None while they are being made."""
    document = manifest(publication)
    if document is None:
        return None
    datasets: dict[str, dict] = {}
    for entry in document["files"]:
        dataset = datasets.setdefault(
            entry["dataset"],
            {"name": entry["dataset"], "title": TITLES.get(entry["dataset"]), "files": []},
        )
        dataset["files"].append(entry)
    return list(datasets.values())
