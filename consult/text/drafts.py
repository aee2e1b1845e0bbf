"""Split a draft law's plain text into chapters and articles, in French, Arabic or Tamazight."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

CHAPTER_KINDS = ("book", "part", "title", "chapter", "section")


@dataclass(frozen=True)
class Chapter:
    kind: str
    number: str
    heading_line: str
    heading: str


@dataclass(frozen=True)
class Article:
    number: str
    heading_line: str
    heading: str
    #: Index into DraftStructure.chapters of the latest chapter-like heading, if any.
    chapter: int | None
    body: str


@dataclass(frozen=True)
class DraftStructure:
    chapters: list[Chapter]
    articles: list[Article]
    preamble: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "chapters": [asdict(chapter) for chapter in self.chapters],
            "articles": [asdict(article) for article in self.articles],
            "preamble": self.preamble,
        }


# Matching runs on a folded copy of each line, close to consult.text.normalise but keeping
# length per character: marks that vary between typists (tatweel, harakat, the Tifinagh
# joiner, format characters such as bidi controls, Markdown emphasis) are dropped, and
# digits, alef and ya forms, ta marbuta and odd spaces are made uniform. ``_fold`` records,
# for each folded character, its index in the raw line, so headings come back as written.
_DROPPED = frozenset("\u0640\u0670\u2d7f*_`") | {
    chr(code) for code in (*range(0x064B, 0x0660), *range(0x06D6, 0x06EE))
}
_FOLDED = {
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    **dict.fromkeys("أإآٱ", "ا"),
    **dict.fromkeys("ىیئ", "ي"),
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",
    **dict.fromkeys("\t\u00a0\u2007\u202f", " "),
}


def _fold(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char not in _DROPPED and unicodedata.category(char) != "Cf":
            chars.append(_FOLDED.get(char, char))
            where.append(index)
    where.append(len(text))
    return "".join(chars), where


def _plain(text: str) -> str:
    return _fold(text)[0]


# Tamazight (Tifinagh): ⴰⴼⵚⵍ (afṣl) is the article, the word of the Tifinagh edition of the
# 2011 constitution, often with the ordinal marker ⵡⵉⵙ ("ⴰⴼⵚⵍ ⵡⵉⵙ 1"). For the groupings we
# read ⴰⵙⵜⴰⵢ as "title" and ⴰⴳⵣⵣⵓⵎ as "chapter"; neither was checked against an official
# text, so both stay easy to change here. Only the free state counts: inside a sentence the
# noun takes the construct state (ⵓⴼⵚⵍ), so mentions never match. Numbers are Latin
# digits (Tifinagh has none) or the standard words one to ten.
_ORDINAL_MARKER = r"(?:[ⵡⵜ]ⵉⵙⵙ?(?=[\s\d])\s*)?"
_LEAD = re.compile(r"[\s#>•·▪◦‣+\-–—]*")


def _after_lead(text: str) -> int:
    """Where a line's text starts, past bullets, Markdown residue and spaces."""
    lead = _LEAD.match(text)
    return lead.end() if lead else 0


_ARTICLE = re.compile(
    r"(?:article(?=[\s\d])|art\.|art(?=\s)|(?:ال)?ماده(?=[\s\d])|ⴰⴼⵚⵍ(?=[\s\d]))\s*"
    + _ORDINAL_MARKER,
    re.IGNORECASE,
)
# In some Moroccan texts Arabic "al-fasl" numbers articles, but drafts mostly use it for
# chapters, so it is read as one; "al-madda" is the article.
_CHAPTER = re.compile(
    r"(?:(?P<book>livre|الكتاب)|(?P<part>partie|القسم)|(?P<title>titre|الباب|ⴰⵙⵜⴰⵢ)"
    r"|(?P<chapter>chapitre|الفصل|ⴰⴳⵣⵣⵓⵎ)|(?P<section>sous[-\s]?section|section|الفرع))"
    r"(?=[\s\d])\s*" + _ORDINAL_MARKER,
    re.IGNORECASE,
)

_DIGITS = re.compile(r"([0-9]+(?:[.\-][0-9]+)*)(?:ère|er|re|ᵉʳ)?", re.IGNORECASE)
# Upper case only, so French words such as "vi" or "xi" are never read as numerals.
_ROMAN = re.compile(r"([IVX]+)(?:er|ER)?")
_ROMAN_VALID = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_FRENCH_NUMBERS = {
    "premier": "1", "première": "1", "premiere": "1", "unique": "1", "un": "1",
    "préliminaire": "0", "preliminaire": "0",
    "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7",
    "huit": "8", "neuf": "9", "dix": "10", "onze": "11", "douze": "12", "treize": "13",
    "quatorze": "14", "quinze": "15", "seize": "16", "dix-sept": "17", "dix-huit": "18",
    "dix-neuf": "19", "vingt": "20",
}  # fmt: skip
_FRENCH_WORD = re.compile(
    "|".join(sorted(map(re.escape, _FRENCH_NUMBERS), key=len, reverse=True)), re.IGNORECASE
)
_TAMAZIGHT_NUMBERS = {
    "ⵢⴰⵏ": 1, "ⵢⴰⵜ": 1, "ⴰⵎⵣⵡⴰⵔⵓ": 1, "ⵜⴰⵎⵣⵡⴰⵔⵓⵜ": 1, "ⵙⵉⵏ": 2, "ⵙⵏⴰⵜ": 2,
    "ⴽⵕⴰⴹ": 3, "ⴽⵕⴰⴹⵜ": 3, "ⴽⴽⵓⵥ": 4, "ⴽⴽⵓⵥⵜ": 4, "ⵙⵎⵎⵓⵙ": 5, "ⵙⵎⵎⵓⵙⵜ": 5,
    "ⵚⴹⵉⵚ": 6, "ⵚⴹⵉⵚⵜ": 6, "ⵙⴰ": 7, "ⵙⴰⵜ": 7, "ⵜⴰⵎ": 8, "ⵜⴰⵎⵜ": 8,
    "ⵜⵥⴰ": 9, "ⵜⵥⴰⵜ": 9, "ⵎⵔⴰⵡ": 10, "ⵎⵔⴰⵡⵜ": 10,
}  # fmt: skip
_TIFINAGH_WORD = re.compile(r"[\u2d30-\u2d6f]+")

# Arabic ordinals, feminine (for المادة) and masculine (for الباب, الفصل...), written as
# usual and folded once here so that hamza and ta marbuta spellings all match.
_AR_UNITS = {
    _plain(word): value
    for value, words in enumerate(
        (
            ("الأولى", "الأول", "الحادية", "الحادي"),
            ("الثانية", "الثاني"),
            ("الثالثة", "الثالث"),
            ("الرابعة", "الرابع"),
            ("الخامسة", "الخامس"),
            ("السادسة", "السادس"),
            ("السابعة", "السابع"),
            ("الثامنة", "الثامن"),
            ("التاسعة", "التاسع"),
            ("العاشرة", "العاشر"),
        ),
        start=1,
    )
    for word in words
}
_AR_TENS = {
    _plain(word): value
    for value, words in zip(
        range(20, 100, 10),
        (
            ("العشرون", "العشرين"),
            ("الثلاثون", "الثلاثين"),
            ("الأربعون", "الأربعين"),
            ("الخمسون", "الخمسين"),
            ("الستون", "الستين"),
            ("السبعون", "السبعين"),
            ("الثمانون", "الثمانين"),
            ("التسعون", "التسعين"),
        ),
        strict=True,
    )
    for word in words
}
_AR_TEEN = {_plain("عشرة"), _plain("عشر")}
_AR_HUNDRED = {_plain("المائة"), _plain("المئة")}
_AR_AFTER = _plain("بعد")
_AR_SPECIAL = {
    _plain(word): number
    for word, number in (
        ("فريدة", "1"), ("الفريدة", "1"), ("الوحيدة", "1"), ("الوحيد", "1"),
        ("التمهيدي", "0"), ("التمهيدية", "0"),
    )
}  # fmt: skip
_AR_WORD = re.compile(r"\s*([\u0621-\u064a]+)")

_AR_REPEATED = _plain("مكررة")  # "repeated": bis; "twice" / "three times" give ter / quater
_AR_TIMES = {_plain("مرتين"): "ter", _plain("ثلاث مرات"): "quater"}
_SUFFIX = re.compile(
    r"\s*[-‐]?\s*(bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)(?!\w)"
    rf"|\s*({_AR_REPEATED}?)(?:\s+({'|'.join(_AR_TIMES)}))?(?!\w)",
    re.IGNORECASE,
)


def _roman(text: str) -> str | None:
    if not text or not _ROMAN_VALID.fullmatch(text):
        return None
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for char, following in zip(text, text[1:] + " ", strict=True):
        value = values[char]
        total += -value if values.get(following, 0) > value else value
    return str(total)


def _arabic_ordinal(text: str, pos: int) -> tuple[str, int] | None:
    def word_at(at: int) -> tuple[str, int]:
        found = _AR_WORD.match(text, at)
        return (found.group(1), found.end()) if found else ("", at)

    word, end = word_at(pos)
    if word in _AR_SPECIAL:
        return _AR_SPECIAL[word], end
    if word in _AR_HUNDRED:
        return "100", end
    if word in _AR_TENS:
        value = _AR_TENS[word]
    elif word in _AR_UNITS:
        value = _AR_UNITS[word]
        following, after = word_at(end)
        if following in _AR_TEEN and value < 10:
            value, end = value + 10, after
        elif following == "و":
            following, after = word_at(after)
            if following in _AR_TENS:
                value, end = value + _AR_TENS[following], after
        elif following and following[0] == "و" and following[1:] in _AR_TENS:
            value, end = value + _AR_TENS[following[1:]], after
    else:
        return None
    following, after = word_at(end)
    if following == _AR_AFTER:
        hundred, after = word_at(after)
        if hundred in _AR_HUNDRED:
            value, end = value + 100, after
    return str(value), end


def _number_candidates(text: str, pos: int) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    if digits := _DIGITS.match(text, pos):
        parts = re.split(r"([.\-])", digits.group(1))
        number = "".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)
        found.append((number, digits.end()))
    if (roman := _ROMAN.match(text, pos)) and (value := _roman(roman.group(1))):
        found.append((value, roman.end()))
    if word := _FRENCH_WORD.match(text, pos):
        found.append((_FRENCH_NUMBERS[word.group(0).lower()], word.end()))
    if ordinal := _arabic_ordinal(text, pos):
        found.append(ordinal)
    if (word := _TIFINAGH_WORD.match(text, pos)) and word.group(0) in _TAMAZIGHT_NUMBERS:
        found.append((str(_TAMAZIGHT_NUMBERS[word.group(0)]), word.end()))
    return found


def _number_at(text: str, pos: int) -> tuple[str, int] | None:
    """The normalised number starting at ``pos`` of a folded line, and where it ends."""
    for number, end in _number_candidates(text, pos):
        if suffix := _SUFFIX.match(text, end):
            latin, _, times = suffix.groups()
            name = latin.lower() if latin else _AR_TIMES.get(times or "", "bis")
            number, end = f"{number} {name}", suffix.end()
        # A candidate running into a letter ("3abc", or "VI" out of "VINGT") gives way.
        if end >= len(text) or not text[end].isalnum():
            return number, end
    return None


def normalise_article_number(raw: str) -> str | None:
    folded = _plain(raw).strip()
    found = _number_at(folded, 0)
    if found is None or folded[found[1] :].strip(" .:-–—)"):
        return None
    return found[0]


# Words that, right after "Article 3", show the line is a sentence quoting the article
# ("Article 3 de la loi...", "المادة 3 من هذا القانون", "ⴰⴼⵚⵍ 3 ⵏ ...").
_MENTION_WORDS = frozenset(
    "de du des d la le les l et ou à a au aux en sur par pour dans qui que qu dont est sont "
    "sera seront ci-dessus ci-dessous ci-après précité précitée précités précitées susvisé "
    "susvisée susvisés susvisées dispose disposent prévoit prévoient stipule stipulent "
    "alinéa alinéas paragraphe ⴳ ⵏ ⵙ ⵉ ⴷ ⵅⴼ ⵏⵏⴰ ⵍⵍⵉ ⵙⴳ ⵖⵔ ⴰⵔ ⵏⵖ ⵉⴳⴰ ⵉⵍⵍⴰ".split()
) | {
    _plain(word)
    for word in (
        "من في على عن إلى حتى و أو ثم التي الذي الذين أعلاه أدناه بعده بعدها قبله المذكور "
        "المذكورة السالف السالفة السابق السابقة المشار المنصوص المتعلق المتعلقة تنص ينص نصت "
        "هذا هذه ذلك مع حسب وفق وفقا بموجب أن إن كما منه منها فيه فقرة"
    ).split()
}
# Arabic bodies usually open with a verb; such a line is the article's text, not its title.
_BODY_OPENERS = frozenset(
    _plain(word)
    for word in (
        "يقصد تسري يسري يطبق تطبق يجب لا يمكن يتعين تحدد يحدد يعتبر تعتبر يخضع تخضع تنسخ "
        "ينسخ تلغى يلغى يدخل تدخل يعاقب تتولى يتولى تحدث يحدث يراد تهدف يهدف تتمتع يتمتع"
    ).split()
)
_SEPARATOR = re.compile(r"\s*(?:[.:\-–—‐−)]\s*)+")
_SENTENCE_BREAK = re.compile(r"[.!?؟;؛]\s+\S")
_BRACKETED = re.compile(r"[(\[«\"“][^()\[\]«»\"“”]*[)\]»\"”]")
_ARTICLE_TITLE_WORDS = 12
_CHAPTER_TITLE_WORDS = 20


def _is_title(text: str, max_words: int) -> bool:
    words = text.split()
    if not words or len(words) > max_words or _SENTENCE_BREAK.search(text):
        return False
    if words[0].rstrip(",;:.") in _BODY_OPENERS:
        return False
    # Short headings may end with a full stop; a longer run that does is a sentence.
    return not (text[-1] in ".!?؟" and len(words) > 4)


def _opens_like_title(text: str) -> bool:
    if text[0] in '([«"“':
        return bool(_BRACKETED.fullmatch(text))
    first = re.split(r"[\s'’]", text, maxsplit=1)[0].rstrip(",;:.").lower()
    if first in _MENTION_WORDS or not text[0].isalpha():
        return False
    # In cased scripts a heading starts with a capital; "Article 3 de la loi" does not.
    return text[0].isupper() or text[0].lower() == text[0].upper()


def _clean(text: str) -> str:
    text = text.strip().strip("*_#`\u200e\u200f\u200b\ufeff ").strip()
    if len(text) >= 2 and _BRACKETED.fullmatch(text):
        text = text[1:-1].strip()
    return text


@dataclass(frozen=True)
class _Heading:
    kind: str  # "article" or one of CHAPTER_KINDS
    number: str
    heading: str
    #: Text on the heading line that is really the article's first paragraph
    #: ("Article premier. – La présente loi ...").
    inline_body: str


def _parse_heading(line: str) -> _Heading | None:
    # Most lines are body text: a cheap look at their start spares folding all of them.
    head = _plain(line[:80])
    start = _after_lead(head)
    if not (_ARTICLE.match(head, start) or _CHAPTER.match(head, start)):
        return None
    folded, where = _fold(line)
    start = _after_lead(folded)
    if keyword := _ARTICLE.match(folded, start):
        kind = "article"
    elif keyword := _CHAPTER.match(folded, start):
        kind = next(name for name in CHAPTER_KINDS if keyword.group(name))
    else:
        return None
    found = _number_at(folded, keyword.end())
    if found is None:
        return None
    number, end = found
    separator = _SEPARATOR.match(folded, end)
    tail_at = separator.end() if separator else end
    tail = folded[tail_at:].strip()
    raw_tail = line[where[tail_at] :].strip()
    if not tail:
        return _Heading(kind, number, "", "")
    max_words = _ARTICLE_TITLE_WORDS if kind == "article" else _CHAPTER_TITLE_WORDS
    if separator:
        # Chapters have no body, so whatever follows the separator is their title.
        if kind != "article" or _is_title(tail, max_words):
            return _Heading(kind, number, _clean(raw_tail), "")
        return _Heading(kind, number, "", raw_tail)
    # Without a separator only a short, title-like remainder keeps this a heading.
    if _opens_like_title(tail) and _is_title(tail, max_words):
        return _Heading(kind, number, _clean(raw_tail), "")
    return None


def _is_title_line(line: str) -> bool:
    folded = _plain(line)
    folded = folded[_after_lead(folded) :].strip()
    return (
        bool(folded)
        and not folded.endswith(":")
        and _parse_heading(line) is None
        and _is_title(folded, _CHAPTER_TITLE_WORDS)
    )


def split_draft(text: str, lang: str) -> DraftStructure:
    # ``lang`` is the draft's declared language; headings of all three languages are still
    # recognised because drafts quote and mix one another.
    paragraphs = [line.strip() for line in (text or "").splitlines()]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    chapters: list[Chapter] = []
    records: list[tuple[str, str, str, int | None, list[str]]] = []
    preamble: list[str] = []
    # Text after a chapter heading and before the next article stays with what came before,
    # so nothing is dropped.
    sink = preamble
    index = 0
    while index < len(paragraphs):
        line = paragraphs[index]
        index += 1
        found = _parse_heading(line)
        if found is None:
            sink.append(line)
        elif found.kind == "article":
            sink = [found.inline_body] if found.inline_body else []
            chapter = len(chapters) - 1 if chapters else None
            records.append((found.number, line, found.heading, chapter, sink))
        else:
            heading = found.heading
            if not heading and index < len(paragraphs) and _is_title_line(paragraphs[index]):
                heading = _clean(paragraphs[index])
                index += 1
            chapters.append(Chapter(found.kind, found.number, line, heading))
    articles = [
        Article(number, heading_line, heading, chapter, "\n\n".join(body).strip())
        for number, heading_line, heading, chapter, body in records
    ]
    return DraftStructure(chapters, articles, "\n\n".join(preamble).strip())
