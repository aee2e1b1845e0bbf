"""Reads for comment pages: a page of threads with their replies and the reader's votes."""

from dataclasses import dataclass, field

from sqlalchemy import and_, select

from ..accounts.models import User
from ..extensions import db
from ..pagination import Page
from .models import Comment, Vote

SORTS = ("newest", "agreed", "discussed")

_ORDER = {
    "newest": (Comment.created_at.desc(), Comment.id.desc()),
    "agreed": (Comment.agree_count.desc(), Comment.id.desc()),
    "discussed": (Comment.discussion_count.desc(), Comment.id.desc()),
}


@dataclass
class CommentNode:
    comment: Comment
    author_name: str
    replies: list["CommentNode"] = field(default_factory=list)


@dataclass
class ThreadPage:
    threads: list[CommentNode]
    page: Page
    sort: str
    #: The reader's vote value per comment id shown on this page.
    my_votes: dict[int, str]


def thread_page(
    *,
    consultation_id: int,
    section_id: int | None,
    total_threads: int,
    sort: str,
    page_number: int,
    per_page: int,
    reader_id: int | None,
) -> ThreadPage:
    """Three queries whatever the number of comments: threads, their replies, the reader's votes."""
    sort = sort if sort in SORTS else "newest"
    page = Page(min(page_number, Page(1, per_page, total_threads).pages), per_page, total_threads)

    if section_id:
        # A section belongs to one consultation: filtering on it alone lets the index on
        # (section_id, depth, <order>) answer the whole page selection.
        place = Comment.section_id == section_id
    else:
        place = and_(Comment.consultation_id == consultation_id, Comment.section_id.is_(None))
    # The page's ids are chosen from narrow rows (index entries on SQLite), so a deep page
    # skips ids instead of sorting whole comments; then only those comments are read.
    page_ids = (
        select(Comment.id)
        .where(place, Comment.depth == 0)
        .order_by(*_ORDER[sort])
        .limit(per_page)
        .offset(page.offset)
    )
    top = db.session.execute(
        select(Comment, User.display_name)
        .join(User, User.id == Comment.author_id)
        .where(Comment.id.in_(page_ids.scalar_subquery()))
        .order_by(*_ORDER[sort])
    ).all()
    nodes = {comment.id: CommentNode(comment, name) for comment, name in top}
    threads = list(nodes.values())

    if nodes:
        replies = db.session.execute(
            select(Comment, User.display_name)
            .join(User, User.id == Comment.author_id)
            .where(Comment.root_id.in_(list(nodes)))
            .order_by(Comment.created_at, Comment.id)
        ).all()
        for comment, name in replies:
            nodes[comment.id] = CommentNode(comment, name)
        for comment, _name in replies:
            parent = nodes.get(comment.parent_id)
            if parent is not None:
                parent.replies.append(nodes[comment.id])

    my_votes: dict[int, str] = {}
    if reader_id is not None and nodes:
        my_votes = {
            comment_id: value.value
            for comment_id, value in db.session.execute(
                select(Vote.comment_id, Vote.value).where(
                    Vote.user_id == reader_id, Vote.comment_id.in_(list(nodes))
                )
            )
        }
    return ThreadPage(threads, page, sort, my_votes)
