"""Gzip for text responses: many readers reach the platform over a weak mobile connection."""

import gzip

from werkzeug.datastructures import Headers
from werkzeug.http import parse_accept_header

#: Content types worth compressing (fonts are woff2, already compressed).
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml")
#: Below this a gzip header costs more than it saves.
MIN_SIZE = 500
#: Larger bodies (exports, downloads) pass through unchanged rather than being held in memory.
MAX_SIZE = 4 * 1024 * 1024


class GzipMiddleware:
    """WSGI middleware: gzip complete 200 responses of text types for clients that accept it.

    A proxy in front may compress as well; it sees Content-Encoding and leaves these alone.
    """

    def __init__(self, app, level: int = 6):
        self.app = app
        self.level = level

    def __call__(self, environ, start_response):
        accepted = parse_accept_header(environ.get("HTTP_ACCEPT_ENCODING"))
        if environ.get("REQUEST_METHOD") == "HEAD" or accepted.quality("gzip") <= 0:
            return self.app(environ, start_response)
        held: dict = {}
        chunks: list[bytes] = []

        def hold(status, headers, exc_info=None):
            candidate = Headers(headers)
            if not _worth_compressing(status, candidate):
                return start_response(status, headers, exc_info)
            held.update(status=status, headers=candidate)
            return chunks.append

        body = self.app(environ, hold)
        if not held:  # passed through (Flask calls start_response before returning its body)
            return body
        try:
            chunks.extend(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        headers = held["headers"]
        data = gzip.compress(b"".join(chunks), compresslevel=self.level, mtime=0)
        headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(data))
        headers.add("Vary", "Accept-Encoding")
        etag = headers.get("ETag")
        if etag and not etag.startswith("W/"):
            # Another representation than the uncompressed one: no longer byte-identical.
            headers["ETag"] = "W/" + etag
        start_response(held["status"], headers.to_wsgi_list())
        return [data]


def _worth_compressing(status: str, headers: Headers) -> bool:
    if not status.startswith("200") or "Content-Encoding" in headers or "Content-Range" in headers:
        return False
    if not headers.get("Content-Type", "").startswith(COMPRESSIBLE):
        return False
    length = headers.get("Content-Length", type=int)
    return length is not None and MIN_SIZE <= length <= MAX_SIZE
