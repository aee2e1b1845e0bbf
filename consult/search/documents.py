"""What goes in the index: document ids, and the rows built from plain values (no ORM here).

A document id encodes its kind, object and language: (kind rank << 36) | (object id << 3) |
language code. Ordering by id, descending, then lists consultations, articles,
recommendations and comments in that order, the newest first within each kind, which the
full-text indexes of both databases can read in that order without sorting the matches.
"""

from dataclasses import dataclass

from ..text.normalise import tokens

#: The kinds of result, in the order results show them (highest rank first).
KIND_RANKS = {"consultation": 4, "article": 3, "recommendation": 2, "comment": 1}
KINDS = tuple(KIND_RANKS)
LANGUAGE_CODES = {"und": 0, "ar": 1, "fr": 2, "zgh": 3}
_CODE_LANGUAGES = {code: language for language, code in LANGUAGE_CODES.items()}
_OBJECT_BITS = 33  # object ids are PostgreSQL integers: below 2**31
_KIND_SHIFT = _OBJECT_BITS + 3


def document_id(kind: str, object_id: int, language: str) -> int:
    return (KIND_RANKS[kind] << _KIND_SHIFT) | (object_id << 3) | LANGUAGE_CODES[language]


def object_document_ids(kind: str, object_id: int) -> list[int]:
    """Every id the object's documents may have, one per language."""
    return [document_id(kind, object_id, language) for language in LANGUAGE_CODES]


def kind_id_range(kind: str) -> tuple[int, int]:
    """The first and last possible ids of a kind's documents."""
    rank = KIND_RANKS[kind]
    return rank << _KIND_SHIFT, ((rank + 1) << _KIND_SHIFT) - 1


@dataclass(frozen=True)
class DocumentKey:
    kind: str
    object_id: int
    language: str

    @classmethod
    def from_id(cls, doc_id: int) -> "DocumentKey":
        rank = doc_id >> _KIND_SHIFT
        kind = next(k for k, r in KIND_RANKS.items() if r == rank)
        object_id = (doc_id >> 3) & ((1 << _OBJECT_BITS) - 1)
        return cls(kind, object_id, _CODE_LANGUAGES[doc_id & 7])


def language_of(code: str | None) -> str:
    return code if code in LANGUAGE_CODES else "und"


def index_text(*parts: str | None) -> str:
    """The normalised words of the parts, one space between them."""
    return " ".join(tokens(" ".join(part for part in parts if part)))


def row(kind, object_id, consultation_id, section_id, language, *parts) -> dict | None:
    text = index_text(*parts)
    if not text:
        return None
    language = language_of(language)
    return {
        "id": document_id(kind, object_id, language),
        "kind": kind,
        "object_id": object_id,
        "consultation_id": consultation_id,
        "section_id": section_id,
        "language": language,
        "text": text,
    }


def multilingual_rows(
    kind, object_id, consultation_id, section_id, *fields: dict | None, prefix=""
):
    """One document per language in which any of the fields (dicts by language) has text."""
    languages = sorted({lang for field in fields for lang, text in (field or {}).items() if text})
    for language in languages:
        if language not in LANGUAGE_CODES:
            continue
        document = row(
            kind,
            object_id,
            consultation_id,
            section_id,
            language,
            prefix,
            *((field or {}).get(language) for field in fields),
        )
        if document:
            yield document
