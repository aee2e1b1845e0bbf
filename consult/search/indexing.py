"""Keep the search index in step with the content, in the transaction that changes it.

Session events find what a flush or a bulk UPDATE changed; the affected objects' documents
are then rebuilt from what the database holds at that moment (deleted when the object is no
longer public). `reindex()` rebuilds in bulk: the `search-reindex` command and the benchmark.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from sqlalchemy import delete, event, false, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, attributes

from ..comments.models import Comment, CommentStatus
from ..consultations.models import Consultation, DocumentVersion, Section, Status
from ..recommendations.models import Recommendation, RecommendationStatus
from . import documents
from .models import SearchDocument

KIND_OF_MODEL = {
    Consultation: "consultation",
    Section: "article",
    Comment: "comment",
    Recommendation: "recommendation",
}
#: Attributes whose change can change a document or whether the object is public.
INDEXED_ATTRIBUTES = {
    "consultation": {"title", "summary", "status"},
    "article": {"heading", "body", "number", "kind", "version_id", "consultation_id"},
    "comment": {"body_source", "lang", "status", "section_id", "consultation_id"},
    "recommendation": {
        "proposed_wording",
        "justification",
        "language",
        "status",
        "hidden_reason",
        "section_id",
        "consultation_id",
    },
}
_CHUNK = 200
_BULK_CHUNK = 2000

_documents = SearchDocument.__table__
_consultations = Consultation.__table__
_sections = Section.__table__
_versions = DocumentVersion.__table__
_comments = Comment.__table__
_recommendations = Recommendation.__table__
_NOT_PUBLIC = (RecommendationStatus.DRAFT, RecommendationStatus.WITHDRAWN)


# Which rows are public, as SELECTs of what their documents need.
def _public_consultations():
    c = _consultations.c
    return select(c.id, c.title, c.summary).where(c.status != Status.DRAFT)


def _public_articles():
    s, v, c = _sections.c, _versions.c, _consultations.c
    return (
        select(s.id, s.consultation_id, s.number, s.heading, s.body)
        .join(_versions, v.id == s.version_id)
        .join(_consultations, c.id == s.consultation_id)
        .where(s.kind == "article", v.is_final == false(), c.status != Status.DRAFT)
    )


def _public_comments():
    m, c = _comments.c, _consultations.c
    return (
        select(m.id, m.consultation_id, m.section_id, m.lang, m.body_source)
        .join(_consultations, c.id == m.consultation_id)
        .where(m.status == CommentStatus.VISIBLE, c.status != Status.DRAFT)
    )


def _public_recommendations():
    r, c = _recommendations.c, _consultations.c
    return (
        select(
            r.id, r.consultation_id, r.section_id, r.language, r.proposed_wording, r.justification
        )
        .join(_consultations, c.id == r.consultation_id)
        .where(r.status.not_in(_NOT_PUBLIC), r.hidden_reason.is_(None), c.status != Status.DRAFT)
    )


_PUBLIC = {
    "consultation": (_public_consultations, _consultations.c.id),
    "article": (_public_articles, _sections.c.id),
    "comment": (_public_comments, _comments.c.id),
    "recommendation": (_public_recommendations, _recommendations.c.id),
}


def _rows_for(kind: str, found) -> Iterator[dict]:
    for r in found:
        if kind == "consultation":
            yield from documents.multilingual_rows(kind, r.id, r.id, None, r.title, r.summary)
        elif kind == "article":
            yield from documents.multilingual_rows(
                kind, r.id, r.consultation_id, r.id, r.heading, r.body, prefix=r.number
            )
        elif kind == "comment":
            document = documents.row(
                kind, r.id, r.consultation_id, r.section_id, r.lang, r.body_source
            )
            if document:
                yield document
        else:
            document = documents.row(
                kind,
                r.id,
                r.consultation_id,
                r.section_id,
                r.language,
                r.proposed_wording,
                r.justification,
            )
            if document:
                yield document


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def refresh(
    connection: Connection, kind: str, object_ids: Iterable[int], *, new: bool = False
) -> None:
    """Rebuild the documents of these objects from the database; drop those no longer public.
    `new`: the objects were inserted in this transaction, so they have no documents yet."""
    public, id_column = _PUBLIC[kind]
    for ids in _chunks(sorted(set(object_ids)), _CHUNK):
        if not new:
            doc_ids = [d for i in ids for d in documents.object_document_ids(kind, i)]
            connection.execute(delete(_documents).where(_documents.c.id.in_(doc_ids)))
        rows = list(_rows_for(kind, connection.execute(public().where(id_column.in_(ids)))))
        if rows:
            connection.execute(insert(_documents), rows)


def reindex(
    connection: Connection,
    consultation_id: int | None = None,
    kinds: Iterable[str] = documents.KINDS,
    log=None,
) -> int:
    """Rebuild the whole index, or one consultation's documents; returns how many were written."""
    kinds = tuple(kinds)
    scope = _documents.delete().where(_documents.c.kind.in_(kinds))
    if consultation_id is not None:
        scope = scope.where(_documents.c.consultation_id == consultation_id)
    connection.execute(scope)
    written = 0
    for kind in kinds:
        public, id_column = _PUBLIC[kind]
        query = public().order_by(id_column)
        if consultation_id is not None:
            owner = (
                _consultations.c.id if kind == "consultation" else id_column.table.c.consultation_id
            )
            query = query.where(owner == consultation_id)
        found = connection.execute(query, execution_options={"yield_per": _BULK_CHUNK})
        for rows in _chunks(_rows_for(kind, found), _BULK_CHUNK):
            connection.execute(insert(_documents), rows)
            written += len(rows)
        if log:
            log(f"{kind}: {written} documents so far")
    if consultation_id is None and connection.dialect.name == "postgresql":
        # Fresh statistics: how common each word is decides between the GIN index and the
        # primary key (autovacuum would get there, minutes later).
        connection.execute(text("ANALYZE search_document"))
    return written


# Session events: every write through the ORM, whatever package makes it.
def _changed(instance, kind: str) -> bool:
    state = attributes.instance_state(instance)
    return any(
        state.attrs[name].history.has_changes()
        for name in INDEXED_ATTRIBUTES[kind]
        if name in state.attrs
    )


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context) -> None:
    pending: dict[str, set[int]] = defaultdict(set)
    inserted: dict[str, set[int]] = defaultdict(set)  # new rows have no documents to drop
    whole: set[int] = set()  # consultations that became public or went back to draft
    articles: set[int] = set()  # consultations whose final text came or went
    for instance in chain(session.new, session.dirty, session.deleted):
        if isinstance(instance, DocumentVersion):
            if instance in session.new or _history(instance, "is_final").has_changes():
                articles.add(instance.consultation_id)
            continue
        kind = KIND_OF_MODEL.get(type(instance))
        if kind is None or instance.id is None:
            continue
        if instance in session.dirty and instance not in session.deleted:
            if not _changed(instance, kind):
                continue
            if kind == "consultation" and _crossed_draft(_history(instance, "status")):
                whole.add(instance.id)
        (inserted if instance in session.new else pending)[kind].add(instance.id)
    if not (pending or inserted or whole or articles):
        return
    connection = session.connection()
    for consultation_id in whole:
        reindex(connection, consultation_id)
    for consultation_id in articles - whole:
        reindex(connection, consultation_id, kinds=("article",))
    for kind, ids in pending.items():
        refresh(connection, kind, ids)
    for kind, ids in inserted.items():
        refresh(connection, kind, ids, new=True)


def _history(instance, name: str):
    return attributes.instance_state(instance).attrs[name].history


def _crossed_draft(history) -> bool:
    """Whether a status change made everything in a consultation public, or private again."""
    return any(s == Status.DRAFT for s in history.added) != any(
        s == Status.DRAFT for s in history.deleted
    )


@event.listens_for(Session, "do_orm_execute")
def _on_bulk_write(state):
    """UPDATE and DELETE statements bypass the flush: note the rows they touch, run them,
    then rebuild those rows' documents."""
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return None
    model = state.bind_mapper.class_
    kind = KIND_OF_MODEL.get(model)
    if kind is None:
        return None
    statement = state.statement
    if state.is_update and not (_assigned(statement) & INDEXED_ATTRIBUTES[kind]):
        return None  # counters and timestamps: nothing the index holds
    connection = state.session.connection()
    table = model.__table__
    touched = select(table.c.id)
    if statement.whereclause is not None:
        touched = touched.where(statement.whereclause)
    touched = touched.add_columns(table.c.status if kind == "consultation" else table.c.id)
    before = {row[0]: row[1] for row in connection.execute(touched)}
    result = state.invoke_statement()
    refresh(connection, kind, before)
    if kind == "consultation" and state.is_update:
        now = select(table.c.id, table.c.status).where(table.c.id.in_(before))
        after = {row.id: row.status for row in connection.execute(now)}
        for consultation_id, status in before.items():
            if (status == Status.DRAFT) != (after.get(consultation_id) == Status.DRAFT):
                reindex(connection, consultation_id)
    return result


def _assigned(statement) -> set[str]:
    values = getattr(statement, "_values", None) or dict(
        getattr(statement, "_ordered_values", None) or ()
    )
    if not values:  # a form this code does not know: assume the worst
        return set().union(*INDEXED_ATTRIBUTES.values())
    return {getattr(key, "key", key) for key in values}
