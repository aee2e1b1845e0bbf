"""Tell which writing system a text is in, to set the ``lang`` attribute of user content.

Only letters are counted (Unicode category L*): digits, punctuation, spaces, combining marks
(Arabic tashkeel) and anything that looks like a URL, an e-mail address or a @mention are
ignored, so "https://example.com رأيي" reads as Arabic.

Rule: a script is reported when it holds at least ``DOMINANT_SHARE`` (80 %) of all letters.
Otherwise the text is "mixed" when most of its letters are Arabic, Latin or Tifinagh, and
"unknown" when most are in some other script (Cyrillic, Greek …) or when it has no letters at
all. A one-word Latin aside in a long Arabic comment therefore keeps the Arabic label, while a
comment written half in French and half in Arabic is "mixed".
"""

import re
import unicodedata

ARABIC = "arab"
LATIN = "latn"
TIFINAGH = "tfng"
MIXED = "mixed"
UNKNOWN = "unknown"

DOMINANT_SHARE = 0.8

# Inclusive code point ranges per script (ISO 15924 codes, lower case).
_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    ARABIC: (
        (0x0600, 0x06FF),  # Arabic
        (0x0750, 0x077F),  # Arabic Supplement
        (0x0870, 0x089F),  # Arabic Extended-B
        (0x08A0, 0x08FF),  # Arabic Extended-A
        (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
        (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
    ),
    TIFINAGH: ((0x2D30, 0x2D7F),),
    LATIN: (
        (0x0041, 0x005A),  # A-Z
        (0x0061, 0x007A),  # a-z
        (0x00C0, 0x024F),  # Latin-1 Supplement letters, Latin Extended-A and -B
        (0x0250, 0x02AF),  # IPA Extensions: ɛ and ɣ of Latin-script Tamazight
        (0x1E00, 0x1EFF),  # Latin Extended Additional: ḍ, ṛ, ṣ, ṭ, ẓ
        (0x2C60, 0x2C7F),  # Latin Extended-C
        (0xA720, 0xA7FF),  # Latin Extended-D
        (0xFB00, 0xFB06),  # Latin ligatures (ﬁ, ﬂ)
    ),
}

_LANG_FOR_SCRIPT = {
    ARABIC: "ar",
    # Standard Moroccan Tamazight, the language of the platform's Tifinagh interface.
    TIFINAGH: "zgh",
    # Latin-script text on a Moroccan platform is overwhelmingly French. Tamazight or Darija
    # written in Latin letters is tagged "fr" too: a known, accepted approximation.
    LATIN: "fr",
}

_NOT_WORDS_RE = re.compile(
    r"""(?:https?://|www\.)\S+   # URLs
      | \S+@\S+                  # e-mail addresses
      | @\w+                     # @mentions
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: Every match of _NOT_WORDS_RE contains one of these; looking for them first is much cheaper.
_NOT_WORDS_HINT_RE = re.compile(r"@|https?://|www\.", re.IGNORECASE)


def _script_of(char: str) -> str | None:
    code = ord(char)
    for script, ranges in _RANGES.items():
        if any(low <= code <= high for low, high in ranges):
            return script
    return None


_KEYS = {ARABIC: "a", LATIN: "l", TIFINAGH: "t", "other": "o"}


class _LetterKeys(dict):
    """Code point -> one key letter per script (see _KEYS) for a letter, "" for anything else;
    computed on first sight."""

    #: A text may hold any of some 150 000 letters: remember only this many.
    LIMIT = 20_000

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if unicodedata.category(char).startswith("L"):
            value = _KEYS[_script_of(char) or "other"]
        else:
            value = ""
        if len(self) < self.LIMIT:
            self[code] = value
        return value


_LETTER_KEYS = _LetterKeys()


def _letter_counts(text: str) -> dict[str, int]:
    """Count the letters of ``text`` per script; letters of other scripts count as "other"."""
    # One key per letter through a cached table (str.translate runs in C), then four counts:
    # synthesis detects the script of 100 000 texts.
    if _NOT_WORDS_HINT_RE.search(text):
        text = _NOT_WORDS_RE.sub(" ", text)
    keys = text.translate(_LETTER_KEYS)
    return {script: keys.count(key) for script, key in _KEYS.items()}


def detect_script(text: str) -> str:
    """Return "arab", "latn", "tfng", "mixed" or "unknown" (rule in the module docstring)."""
    counts = _letter_counts(text)
    total = sum(counts.values())
    if total == 0:
        return UNKNOWN
    known = {script: n for script, n in counts.items() if script != "other"}
    script, largest = max(known.items(), key=lambda item: item[1])
    if largest >= DOMINANT_SHARE * total:
        return script
    if sum(known.values()) * 2 > total:
        return MIXED
    return UNKNOWN


def lang_for_text(text: str) -> str | None:
    """BCP 47 tag for a ``lang`` attribute on ``text``, or None when no single one fits."""
    return _LANG_FOR_SCRIPT.get(detect_script(text))
