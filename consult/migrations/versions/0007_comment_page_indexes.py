"""Pages of comments: ids at the end of the thread indexes, a revision per place

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 23:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_THREAD_INDEXES = {
    "ix_comment_section_top_created": "created_at",
    "ix_comment_section_top_agree": "agree_count",
    "ix_comment_section_top_discussed": "discussion_count",
}

#: Counters of changes to the comments of an article, and of the whole text.
_REVISIONS = {"section": "comments_revision", "consultation": "general_comments_revision"}


def upgrade():
    with op.batch_alter_table("comment", schema=None) as batch_op:
        for name, order in _THREAD_INDEXES.items():
            batch_op.drop_index(name)
            batch_op.create_index(name, ["section_id", "depth", order, "id"], unique=False)
    for table, column in _REVISIONS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column(column, sa.Integer(), nullable=False, server_default="0")
            )


def downgrade():
    for table, column in _REVISIONS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
    with op.batch_alter_table("comment", schema=None) as batch_op:
        for name, order in _THREAD_INDEXES.items():
            batch_op.drop_index(name)
            batch_op.create_index(name, ["section_id", "depth", order], unique=False)
