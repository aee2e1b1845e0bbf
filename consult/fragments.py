"""Rendered fragments of pages (a comment, the table of contents) kept in each worker's memory.

A fragment's key holds everything its HTML depends on (ids, counters, `updated_at`, the reader's
language and what the reader may do), so a cached fragment is never stale and workers need not
tell each other anything: when a comment changes, its key changes, and the old entry ages out of
the bounded LRU. That is what lets many workers on many hosts share nothing but the database.

The two per-request values inside otherwise shared HTML — the CSRF token and the address of the
page (the `next` of small forms) — are rendered as markers and put in on the way out. The
markers contain a NUL character, which sanitised user text can never contain.
"""

from collections import OrderedDict
from threading import Lock

from flask import current_app, g, has_request_context, request
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

CSRF_MARK = "\x00csrf\x00"
HERE_MARK = "\x00here\x00"


class FragmentCache:
    """A bounded least-recently-used map from keys to rendered HTML."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._lock = Lock()  # gthread workers render on several threads
        self.hits = 0
        self.misses = 0

    def get(self, key) -> str | None:
        with self._lock:
            html = self._entries.get(key)
            if html is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return html

    def put(self, key, html: str) -> None:
        with self._lock:
            self._entries[key] = html
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def cache_for(app) -> FragmentCache | None:
    return app.extensions.get("consult_fragments")


def init_app(app) -> None:
    size = app.config.get("FRAGMENT_CACHE_SIZE", 0)
    app.extensions["consult_fragments"] = FragmentCache(size) if size else None
    app.jinja_env.globals.update(
        fragment=fragment, csrf_mark=Markup(CSRF_MARK), here_mark=Markup(HERE_MARK)
    )


def here() -> str:
    """This page's address as small forms send it back in `next`."""
    return request.full_path.rstrip("?") if has_request_context() else ""


def fill(html: str) -> Markup:
    """Put this request's CSRF token and address where the markers are."""
    if CSRF_MARK in html:
        html = html.replace(CSRF_MARK, generate_csrf())
    if HERE_MARK in html:
        html = html.replace(HERE_MARK, str(escape(here())))
    return Markup(html)


def fragment(*key, caller) -> Markup:
    """`{% call fragment(key...) %}…{% endcall %}`: the body, rendered once per key.

    A fragment inside another (a comment inside a page of threads) keeps its markers, so the
    outer one is stored with markers too; only the outermost is filled in for this request."""
    cache = cache_for(current_app)
    html = cache.get(key) if cache is not None else None
    if html is None:
        depth = g.get("_fragment_depth", 0)
        g._fragment_depth = depth + 1
        try:
            html = str(caller())
        finally:
            g._fragment_depth = depth
        if cache is not None:
            cache.put(key, html)
    return Markup(html) if g.get("_fragment_depth", 0) else fill(html)


def cached(key) -> Markup | None:
    """A stored fragment filled in for this request, or None: for a route that can skip its
    queries when the page's HTML is already at hand."""
    cache = cache_for(current_app)
    html = cache.get(key) if cache is not None else None
    return None if html is None else fill(html)
