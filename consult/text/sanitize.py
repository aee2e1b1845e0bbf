"""Turn user-written text into HTML that is safe to put in a page.

``sanitize`` is the only function in the project that calls bleach, so bleach (deprecated
upstream, still receiving security fixes) can be replaced by nh3 here without touching callers.
Its contract, which a replacement must keep:

- only the tags in ``ALLOWED_TAGS`` survive; any other tag is *stripped* (its text stays, the
  markup goes) rather than escaped, so a pasted ``<div>`` does not show up as visible junk
  (the text inside a stripped ``<script>`` or ``<style>`` stays too, as plain text);
- HTML comments are removed;
- the only attributes are ``href`` and ``rel`` on ``<a>``; an ``href`` must be http, https or
  mailto, or have no scheme (``#note``, ``/consultations/3``, ``//host/x``); anything else
  (``javascript:``, ``data:`` …, also entity-encoded, mixed-case or split by control
  characters) is removed, and a link left without an ``href`` is unwrapped to its text;
- every link gets exactly ``rel="nofollow ugc noopener"`` and no ``target``: whatever ``rel``
  the author wrote is replaced, so it can neither drop ``nofollow`` nor add ``opener``;
- bare ``http(s)://…`` and ``www.…`` URLs in text become such links (not inside ``<code>``).

Bidirectional control characters (U+202A–U+202E, U+2066–U+2069) are text, not markup: they
are kept, because Arabic and Tamazight writers use them legitimately. They cannot close or
open an element, so they cannot move content out of the element that holds it; visually,
an unclosed override ends with its block (each ``<p>``, ``<li>`` is its own bidi paragraph),
and templates show user text in an element with ``dir="auto"``, which isolates it
(``unicode-bidi: isolate``) from the text around it.
"""

import threading
from functools import partial

from bleach.linkifier import LinkifyFilter, build_url_re
from bleach.sanitizer import Cleaner
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code"})
ALLOWED_ATTRIBUTES = {"a": ["href", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# bleach's URL pattern also matches scheme-less names such as "article.py" (py is a TLD);
# the callback below keeps a new link only when the text clearly is a URL.
_URL_RE = build_url_re(protocols=["http", "https"])
_BARE_URL_PREFIXES = ("http://", "https://", "www.")


def _enforce_link_policy(attrs: dict, is_new: bool) -> dict | None:
    """bleach linkify callback: returning None unwraps the link and keeps its text."""
    if is_new and not attrs.get("_text", "").lower().startswith(_BARE_URL_PREFIXES):
        return None
    if not attrs.get((None, "href")):
        # The sanitizer already removed a forbidden href; an <a> without one is not a link.
        return None
    attrs.pop((None, "target"), None)
    attrs[(None, "rel")] = LINK_REL
    return attrs


def _new_cleaner() -> Cleaner:
    linkify = partial(
        LinkifyFilter,
        callbacks=[_enforce_link_policy],
        skip_tags={"code"},
        url_re=_URL_RE,
        parse_email=False,
    )
    return Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[linkify],
    )


# A bleach Cleaner keeps parser state and is not thread-safe: one per thread.
_local = threading.local()


def _cleaner() -> Cleaner:
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _local.cleaner = _new_cleaner()
    return cleaner


def sanitize(html: str) -> str:
    """Return ``html`` reduced to the allowed tags, attributes and link policy (see module)."""
    return _cleaner().clean(html)


def _render_image_as_alt_text(self, tokens, idx, options, env) -> str:
    # Images are not allowed in comments; keep what the author said the image shows.
    return self.renderInlineAsText(tokens[idx].children or [], options, env)


def _render_heading_open_as_paragraph(self, tokens, idx, options, env) -> str:
    return "<p>"


def _render_heading_close_as_paragraph(self, tokens, idx, options, env) -> str:
    return "</p>\n"


def _comment_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    # Fences, indented code and rules have no place in a comment: an accidental indent or a
    # "---" stays text. Raw HTML rules are off twice over (html=False and disabled).
    md.disable(["fence", "code", "hr", "html_block", "html_inline"])
    # Headings stay enabled so "# Title" reads as a paragraph "Title", not as "# Title".
    md.add_render_rule("heading_open", _render_heading_open_as_paragraph)
    md.add_render_rule("heading_close", _render_heading_close_as_paragraph)
    md.add_render_rule("image", _render_image_as_alt_text)
    return md


# Rendering keeps its state per call, so one parser serves every thread.
_markdown = _comment_markdown()


def render_comment(text: str) -> str:
    """Render a comment's small Markdown subset to sanitised HTML.

    Supported: paragraphs, line breaks (a single newline is a break), *emphasis*, **strong**,
    bullet and numbered lists, [links](https://…), bare URLs, `code` and > quotes. Headings
    become paragraphs, images become their alt text, and HTML typed by the user is shown as
    text.
    """
    return sanitize(_markdown.render(text)).strip()
