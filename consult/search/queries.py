"""Searching the index: the reader's language first, then the others; bounded pages.

Both databases answer from their full-text index in document-id order (see documents.py),
so a page costs about the same whether a word is rare or in every other comment. Totals are
counted up to a cap: beyond it the page says "more than".
"""

from dataclasses import dataclass

from sqlalchemy import text

from ..extensions import db
from ..text.normalise import tokens
from . import documents
from .documents import DocumentKey

PER_PAGE = 20
MAX_PAGES = 50
#: Results a reader can page through; counts stop one beyond it.
WINDOW = PER_PAGE * MAX_PAGES
#: Longer queries are cut: past a sentence, more words only narrow the search.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12


@dataclass(frozen=True)
class Results:
    terms: list[str]
    keys: list[DocumentKey]
    #: Matches counted up to WINDOW + 1.
    total: int
    page: int

    @property
    def is_capped(self) -> bool:
        return self.total > WINDOW

    @property
    def reachable(self) -> int:
        return min(self.total, WINDOW)


def trim(query: str) -> str:
    """The query cut to MAX_QUERY_LENGTH characters, at a space when there is one."""
    query = " ".join(query.split())
    if len(query) <= MAX_QUERY_LENGTH:
        return query
    cut = query.rfind(" ", 0, MAX_QUERY_LENGTH + 1)
    return query[: cut if cut > 0 else MAX_QUERY_LENGTH]


def query_terms(query: str) -> list[str]:
    """The normalised words searched for, without repeats, at most MAX_TERMS of them."""
    return list(dict.fromkeys(tokens(trim(query))))[:MAX_TERMS]


def search(query: str, *, language: str, kind: str | None = None, page: int = 1) -> Results:
    terms = query_terms(query)
    page = min(max(page, 1), MAX_PAGES)
    if not terms:
        return Results(terms, [], 0, page)
    engine = _Postgres(terms, kind) if _dialect() == "postgresql" else _Sqlite(terms, kind)
    offset = (page - 1) * PER_PAGE
    total = engine.count(None, WINDOW + 1)
    # Results in the reader's language come first; how many there are matters only up to the
    # end of this page.
    first = engine.count(language, offset + PER_PAGE)
    ids: list[int] = []
    if offset < first:
        size = first
        if first == offset + PER_PAGE and total > WINDOW and engine.plans_by_size:
            size = engine.count(language, WINDOW + 1)
        ids += engine.ids(language, True, offset, PER_PAGE, size)
    if len(ids) < PER_PAGE:
        others = total - first if first < offset + PER_PAGE else 0
        ids += engine.ids(language, False, max(0, offset - first), PER_PAGE - len(ids), others)
    engine.finish()
    return Results(terms, [DocumentKey.from_id(i) for i in ids], total, page)


def _dialect() -> str:
    return db.session.get_bind().dialect.name


class _Sqlite:
    """FTS5: terms in the `text` column; the language as a token of the `language` column."""

    #: FTS5 reads its index in rowid order whatever the number of matches.
    plans_by_size = False

    def finish(self) -> None:
        pass

    def __init__(self, terms: list[str], kind: str | None):
        # Each term a quoted string: nothing in it is FTS syntax (the terms are letters
        # and digits only, but quoting also keeps words such as NEAR or AND plain words).
        self.words = "text : (" + " ".join(f'"{term}"' for term in terms) + ")"
        self.low, self.high = documents.kind_id_range(kind) if kind else (0, 2**62)

    def _match(self, language: str | None, same: bool = True) -> str:
        if language is None:
            return self.words
        return f'{self.words} {"AND" if same else "NOT"} language : "{language}"'

    def count(self, language: str | None, cap: int) -> int:
        return db.session.execute(
            text(
                "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH :match"
                " AND rowid BETWEEN :low AND :high LIMIT :cap)"
            ),
            {"match": self._match(language), "low": self.low, "high": self.high, "cap": cap},
        ).scalar_one()

    def ids(self, language: str, same: bool, offset: int, limit: int, matches: int) -> list[int]:
        return list(
            db.session.execute(
                text(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH :match"
                    " AND rowid BETWEEN :low AND :high ORDER BY rowid DESC"
                    " LIMIT :limit OFFSET :offset"
                ),
                {
                    "match": self._match(language, same),
                    "low": self.low,
                    "high": self.high,
                    "limit": limit,
                    "offset": offset,
                },
            ).scalars()
        )


class _Postgres:
    """A tsquery of the terms (quoted lexemes: no parsing, no operators from the reader), and
    of the language lexeme (see models.py): the GIN index finds exactly the matching rows."""

    #: Whether `ids` needs to know how many rows match to choose its plan.
    plans_by_size = True

    def __init__(self, terms: list[str], kind: str | None):
        self.query = " & ".join(f"'{term}'" for term in terms)
        self.low, self.high = documents.kind_id_range(kind) if kind else (0, 2**62)
        # A plan that reads the table until LIMIT rows match is quick when many rows match
        # and reads all 100 000 rows when few or none do (the planner cannot tell words
        # in one language from words in another). Counts always go through the GIN index;
        # `ids` chooses from what the counts found. For this transaction only; custom plans
        # too, since psycopg prepares a statement run five times and a generic plan cannot
        # know how common a word is.
        self._set(plan_cache_mode="force_custom_plan", enable_seqscan="off", enable_indexscan="off")

    def finish(self) -> None:
        """The rest of the request plans as usual."""
        self._set(plan_cache_mode="auto", enable_seqscan="on", enable_indexscan="on")

    @staticmethod
    def _set(**settings: str) -> None:
        """SET LOCAL the settings, in one statement."""
        calls = ", ".join(f"set_config('{name}', :{name}, true)" for name in settings)
        db.session.execute(text(f"SELECT {calls}"), settings)

    def _tsquery(self, language: str | None, same: bool = True) -> str:
        if language is None:
            return self.query
        return f"{self.query} & {'' if same else '!'}'lang_{language}'"

    def _params(self, language: str | None, same: bool = True, **more) -> dict:
        return {
            "query": self._tsquery(language, same),
            "low": self.low,
            "high": self.high,
            **more,
        }

    def count(self, language: str | None, cap: int) -> int:
        return db.session.execute(
            text(
                "SELECT count(*) FROM (SELECT 1 FROM search_document WHERE"
                " tsv @@ CAST(:query AS tsquery) AND id BETWEEN :low AND :high LIMIT :cap)"
                " AS found"
            ),
            self._params(language, cap=cap),
        ).scalar_one()

    def ids(self, language: str, same: bool, offset: int, limit: int, matches: int) -> list[int]:
        # Many matches: walking the primary key backwards finds the newest quickly. Few:
        # sort them (reading the index backwards would visit every row to find them).
        self._set(enable_indexscan="on" if matches > WINDOW else "off")
        return list(
            db.session.execute(
                text(
                    "SELECT id FROM search_document WHERE tsv @@ CAST(:query AS tsquery)"
                    " AND id BETWEEN :low AND :high ORDER BY id DESC LIMIT :limit OFFSET :offset"
                ),
                self._params(language, same, limit=limit, offset=offset),
            ).scalars()
        )
