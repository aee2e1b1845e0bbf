"""The search index: one row per public text and language, with a full-text index beside it.

SQLite keeps an FTS5 table over `text` and `language` (external content: the words live once,
in this table); PostgreSQL a generated `tsvector` column with a GIN index. Both are created by
migration 0004 and, for `create_all()`, by the DDL below.
"""

from sqlalchemy import DDL, BigInteger, ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class SearchDocument(db.Model):
    #: Chosen, not generated: it encodes kind, object and language (see documents.py), so the
    #: full-text index yields results in the order pages show them, newest first per kind.
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[int]
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    #: "ar", "fr", "zgh", or "und" when a comment mixes scripts.
    language: Mapped[str] = mapped_column(String(8))
    #: The normalised words (consult.text.normalise.tokens) separated by spaces.
    text: Mapped[str] = mapped_column(Text)


#: SQLite: FTS5 over the normalised text, kept in step with the table by triggers.
SQLITE_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, language, content='search_document', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN "
    "INSERT INTO search_fts(rowid, text, language) VALUES (new.id, new.text, new.language); END",
    "CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text, language) "
    "VALUES ('delete', old.id, old.text, old.language); END",
    "CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text, language) "
    "VALUES ('delete', old.id, old.text, old.language); "
    "INSERT INTO search_fts(rowid, text, language) VALUES (new.id, new.text, new.language); END",
)

#: PostgreSQL: the words as a tsvector ('simple': no stemming, the text is normalised already),
#: and the language as one more lexeme, "lang_fr" (no word has an underscore), so that "these
#: words in French" is answered by the GIN index alone.
POSTGRESQL_DDL = (
    "ALTER TABLE search_document ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)"
    " || array_to_tsvector(ARRAY['lang_' || language])) STORED",
    "CREATE INDEX ix_search_document_tsv ON search_document USING gin (tsv)",
)

for _statement in SQLITE_DDL:
    event.listen(
        SearchDocument.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite")
    )
for _statement in POSTGRESQL_DDL:
    event.listen(
        SearchDocument.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql")
    )
event.listen(
    SearchDocument.__table__,
    "before_drop",
    DDL("DROP TABLE IF EXISTS search_fts").execute_if(dialect="sqlite"),
)


#: What the full-text DDL adds beside the model: SQLite's FTS5 table and its shadow tables,
#: PostgreSQL's generated column and its index.
FULL_TEXT_TABLE_PREFIX = "search_fts"
FULL_TEXT_COLUMN = "tsv"
FULL_TEXT_INDEX = "ix_search_document_tsv"


def is_model_object(object_, name, type_, reflected, compare_to) -> bool:
    """Alembic's `include_object` hook: leave the full-text objects out of comparisons with
    the models (autogenerate would otherwise drop them)."""
    if type_ == "table" and reflected and (name or "").startswith(FULL_TEXT_TABLE_PREFIX):
        return False
    if type_ == "column" and reflected and name == FULL_TEXT_COLUMN:
        return object_.table.name != SearchDocument.__tablename__
    if type_ == "index" and reflected and name == FULL_TEXT_INDEX:
        return False
    return True
