"""Search: an index of public text, FTS5 on SQLite, tsvector with GIN on PostgreSQL

Existing content is indexed by this migration (consult.search.indexing.reindex), so search
works as soon as the upgrade ends; `flask search-reindex` rebuilds it at any time.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

SQLITE = (
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
POSTGRESQL = (
    "ALTER TABLE search_document ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)"
    " || array_to_tsvector(ARRAY['lang_' || language])) STORED",
    "CREATE INDEX ix_search_document_tsv ON search_document USING gin (tsv)",
)


def upgrade():
    op.create_table('search_document',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_search_document_consultation_id_consultation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_search_document_section_id_section'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_document'))
    )
    with op.batch_alter_table('search_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_document_consultation_id'), ['consultation_id'], unique=False)

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(dialect, ()):
        op.execute(statement)

    from consult.search.indexing import reindex

    reindex(op.get_bind())


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('search_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_document_consultation_id'))

    op.drop_table('search_document')
