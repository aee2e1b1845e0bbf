"""The outcome report as a PDF, made by WeasyPrint from the report's own template.

A publication never changes, so each (version, language) is rendered once and kept under
instance/outcome/. Nothing is fetched from the network: stylesheets come from static/, fonts
from the system (Debian's fonts-noto-core: Arabic shaping and Tifinagh included).
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

from flask import current_app, render_template

from .. import PROJECT_ROOT

STATIC_PREFIX = "/static/"


class PdfUnavailable(Exception):
    """WeasyPrint or its system libraries (Pango) are missing on this server."""


def _static_file(url: str) -> tuple[bytes, str]:
    """The bytes and type of /static/... from disk; anything else is refused."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else path
    if not path.startswith(STATIC_PREFIX):
        raise ValueError(f"not fetched: {url}")
    root = (PROJECT_ROOT / "static").resolve()
    target = (root / path[len(STATIC_PREFIX) :].split("?", 1)[0]).resolve()
    if root not in target.parents:
        raise ValueError(f"not fetched: {url}")
    return target.read_bytes(), _mime(target)


def _fetcher():
    """A WeasyPrint fetcher that reads static files and never goes to the network."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            body, mime = _static_file(url)
            return URLFetcherResponse(url, body=body, headers={"Content-Type": mime})

    return StaticOnly()


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        path.suffix, "application/octet-stream"
    )


def report_pdf(publication, language: str, context: dict) -> Path:
    """The PDF of `publication` in `language`, rendered on first request and kept."""
    folder = Path(current_app.instance_path) / "outcome"
    # Named by what it shows: a restored or rebuilt database never serves another's report.
    shown = [
        publication.id,
        publication.version,
        str(publication.published_at),
        publication.summary,
        publication.snapshot,
        language,
    ]
    digest = hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:16]
    name = f"consultation-{publication.consultation_id}-v{publication.version}-{language}"
    target = folder / f"{name}-{digest}.pdf"
    if target.exists():
        return target
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango is not installed
        raise PdfUnavailable(str(error)) from None
    html = render_template("outcome/report_pdf.html", **context)
    document = HTML(string=html, base_url="http://localhost/", url_fetcher=_fetcher())
    folder.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: two requests at once never serve a half-written file.
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".pdf")
    os.close(handle)
    document.write_pdf(temporary)
    os.replace(temporary, target)
    return target
