"""PDF memos attached to recommendations: checked by content, stored under instance/uploads."""

import re
import secrets
import unicodedata
from pathlib import Path

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


class AttachmentError(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        #: "too_large", "empty" or "not_pdf"; the route translates it.
        self.code = code


def check_pdf(data: bytes) -> None:
    """A PDF starts with %PDF- and ends with an %%EOF marker, whatever the file is called."""
    if not data:
        raise AttachmentError("empty")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise AttachmentError("too_large")
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise AttachmentError("not_pdf")


def store(folder: Path, data: bytes) -> str:
    """Write the file under a random name; the uploader's file name is never used on disk."""
    check_pdf(data)
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(16) + ".pdf"
    (folder / key).write_bytes(data)
    return key


def path_of(folder: Path, key: str) -> Path:
    if not re.fullmatch(r"[0-9a-f]{32}\.pdf", key):
        raise AttachmentError("not_pdf")
    return folder / key


def download_name(uploaded_name: str | None, fallback: str) -> str:
    """A safe ASCII file name for the download: letters, digits, dashes; always .pdf."""
    stem = Path(uploaded_name or "").stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_stem).strip("-")[:60]
    return f"{ascii_stem or fallback}.pdf"
