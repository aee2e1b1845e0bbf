"""Extracts of a text around the searched words, the words marked, everything else escaped."""

import functools
import re

from markupsafe import Markup, escape

from ..text.normalise import tokens

#: A word as a reader sees it: letters, digits and the marks written on them (tashkeel,
#: accents, the Tifinagh joiner), so a vowelled word is marked whole.
_WORD = re.compile(r"[^\W_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u2d7f]*")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=50_000)  # bounded; the words of a platform repeat a lot
def _word_tokens(word: str) -> frozenset[str]:
    return frozenset(tokens(word))


def snippet(text: str, terms: list[str], width: int = 240) -> Markup:
    """About `width` characters of `text`, starting shortly before the first searched word,
    with each searched word in <mark>."""
    text = _SPACE.sub(" ", text or "").strip()
    wanted = frozenset(terms)

    def is_searched(match) -> bool:
        return not wanted.isdisjoint(_word_tokens(match.group()))

    first = next((m for m in _WORD.finditer(text) if is_searched(m)), None)
    start = 0
    if first and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 4) + 1
    end = len(text)
    if end - start > width:
        end = text.rfind(" ", start, start + width)
        end = start + width if end <= start else end
    parts: list[str] = ["… " if start else ""]
    position = start
    for match in _WORD.finditer(text, start, end):
        if is_searched(match):
            parts.append(escape(text[position : match.start()]))
            parts.append(Markup("<mark>%s</mark>") % match.group())
            position = match.end()
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(" …")
    return Markup("").join(parts)
