"""Split a draft law's plain text into chapters and articles, in French, Arabic or Tamazight."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from .article_numbers import number_at
from .folding import fold, plain

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


# Words that, right after "Article 3", show the line is a sentence quoting the article
# ("Article 3 de la loi...", "المادة 3 من هذا القانون", "ⴰⴼⵚⵍ 3 ⵏ ...").
_MENTION_WORDS = frozenset(
    "de du des d la le les l et ou à a au aux en sur par pour dans qui que qu dont est sont "
    "sera seront ci-dessus ci-dessous ci-après précité précitée précités précitées susvisé "
    "susvisée susvisés susvisées dispose disposent prévoit prévoient stipule stipulent "
    "alinéa alinéas paragraphe ⴳ ⵏ ⵙ ⵉ ⴷ ⵅⴼ ⵏⵏⴰ ⵍⵍⵉ ⵙⴳ ⵖⵔ ⴰⵔ ⵏⵖ ⵉⴳⴰ ⵉⵍⵍⴰ".split()
) | {
    plain(word)
    for word in (
        "من في على عن إلى حتى و أو ثم التي الذي الذين أعلاه أدناه بعده بعدها قبله المذكور "
        "المذكورة السالف السالفة السابق السابقة المشار المنصوص المتعلق المتعلقة تنص ينص نصت "
        "هذا هذه ذلك مع حسب وفق وفقا بموجب أن إن كما منه منها فيه فقرة"
    ).split()
}
# Arabic bodies usually open with a verb; such a line is the article's text, not its title.
_BODY_OPENERS = frozenset(
    plain(word)
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
    head = plain(line[:80])
    start = _after_lead(head)
    if not (_ARTICLE.match(head, start) or _CHAPTER.match(head, start)):
        return None
    folded, where = fold(line)
    start = _after_lead(folded)
    if keyword := _ARTICLE.match(folded, start):
        kind = "article"
    elif keyword := _CHAPTER.match(folded, start):
        kind = next(name for name in CHAPTER_KINDS if keyword.group(name))
    else:
        return None
    found = number_at(folded, keyword.end())
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
    folded = plain(line)
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
