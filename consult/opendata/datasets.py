"""The open datasets of a published outcome: their fields, and their rows read as a stream.

Each dataset is a list of field names (the CSV header and the JSON keys, in that order; see
docs/open-data.md) and a generator of rows. Rows come from the database through Core selects
read in batches (`yield_per`: a server-side cursor on PostgreSQL), or from the publication's
snapshot, which is already in memory and small. No generator ever holds a whole table.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select

from ..accounts.models import User
from ..comments.models import Comment, CommentStatus
from ..consultations import queries as consultation_queries
from ..consultations.models import Section
from ..extensions import db
from ..organisations.models import Organisation
from ..outcome.models import Publication
from ..recommendations.models import PUBLIC_STATUSES, Recommendation
from .pseudonyms import pseudonym

LANGS = ("ar", "fr", "zgh")
BATCH = 1000


@dataclass(frozen=True)
class Dataset:
    name: str
    fields: tuple[str, ...]
    rows: Callable[[Publication], Iterator[Sequence]]
    #: False for a dataset whose JSON file is one document rather than an array of rows.
    json_rows: bool = True


def per_language(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{lang}" for lang in LANGS)


def _texts(values: dict | None) -> tuple[str, ...]:
    values = values or {}
    return tuple(values.get(lang) or "" for lang in LANGS)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds").replace("+00:00", "Z") if value else None


def _stream(statement: Select) -> Iterator:
    """The rows of `statement`, fetched BATCH at a time."""
    connection = db.session.connection()
    result = connection.execute(statement.execution_options(yield_per=BATCH))
    try:
        yield from result
    finally:
        result.close()


# Articles of the draft and of the final text.

ARTICLE_FIELDS = (
    "version",
    "version_number",
    "position",
    "kind",
    "number",
    *per_language("heading"),
    *per_language("text"),
)


def article_rows(publication: Publication) -> Iterator[Sequence]:
    cid = publication.consultation_id
    for label, version in (
        ("draft", consultation_queries.draft_version(cid)),
        ("final", consultation_queries.final_version(cid)),
    ):
        if version is None:
            continue
        statement = (
            select(Section.position, Section.kind, Section.number, Section.heading, Section.body)
            .where(Section.version_id == version.id)
            .order_by(Section.position)
        )
        for position, kind, number, heading, body in _stream(statement):
            yield (label, version.number, position, kind, number, *_texts(heading), *_texts(body))


# Contributions: comments, replies and recommendations, as the public site shows them.

CONTRIBUTION_FIELDS = (
    "id",
    "kind",
    "parent_id",
    "article",
    "language",
    "status",
    "text",
    "justification",
    "proposal",
    "created_at",
    "author_pseudonym",
    "author_name",
    "organisation_id",
    *per_language("organisation_name"),
    "cosignatories",
    "support",
    "stance",
)
_NO_ORGANISATION = (None, "", "", "")


def contribution_rows(publication: Publication) -> Iterator[Sequence]:
    yield from _comment_rows(publication.consultation_id)
    yield from _recommendation_rows(publication.consultation_id)


def _comment_rows(consultation_id: int) -> Iterator[Sequence]:
    # Hidden comments are left out; withdrawn ones keep their place in the thread (replies
    # point to them) as the site shows them: a placeholder without text or author.
    statement = (
        select(
            Comment.id,
            Comment.depth,
            Comment.parent_id,
            Section.number,
            Comment.lang,
            Comment.status,
            Comment.body_source,
            Comment.created_at,
            Comment.author_id,
            User.display_name,
            User.deleted_at,
            Comment.stance,
        )
        .join(User, User.id == Comment.author_id)
        .outerjoin(Section, Section.id == Comment.section_id)
        .where(
            Comment.consultation_id == consultation_id,
            Comment.status.in_((CommentStatus.VISIBLE, CommentStatus.WITHDRAWN)),
        )
        .order_by(Comment.id)
    )
    for (
        comment_id,
        depth,
        parent_id,
        number,
        lang,
        status,
        body,
        created_at,
        author_id,
        display_name,
        deleted_at,
        stance,
    ) in _stream(statement):
        kind = "reply" if depth else "comment"
        parent = f"comment:{parent_id}" if parent_id else None
        if status == CommentStatus.WITHDRAWN:
            yield (
                f"comment:{comment_id}", kind, parent, number, None, "withdrawn", "", None,
                None, _iso(created_at), None, "", *_NO_ORGANISATION, None, None, None,
            )  # fmt: skip
            continue
        deleted = deleted_at is not None
        yield (
            f"comment:{comment_id}", kind, parent, number, lang, "visible", body, None, None,
            _iso(created_at), pseudonym(consultation_id, author_id, deleted),
            "" if deleted else display_name, *_NO_ORGANISATION, None, None, stance,
        )  # fmt: skip


def _recommendation_rows(consultation_id: int) -> Iterator[Sequence]:
    # Public means sent (not a draft) and not hidden by moderation. A withdrawn recommendation
    # stays on the site, marked withdrawn, with its text: so it does here. The site names the
    # organisation, not the representative who wrote it: so no person is named here either.
    statement = (
        select(
            Recommendation.id,
            Section.number,
            Recommendation.language,
            Recommendation.status,
            Recommendation.proposed_wording,
            Recommendation.justification,
            Recommendation.kind,
            Recommendation.submitted_at,
            Recommendation.organisation_id,
            Organisation.name,
            Recommendation.cosignature_count,
            Recommendation.support_count,
        )
        .join(Organisation, Organisation.id == Recommendation.organisation_id)
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .where(
            Recommendation.consultation_id == consultation_id,
            Recommendation.status.in_(PUBLIC_STATUSES),
            Recommendation.hidden_reason.is_(None),
        )
        .order_by(Recommendation.id)
    )
    for (
        recommendation_id,
        number,
        language,
        status,
        wording,
        justification,
        kind,
        submitted_at,
        organisation_id,
        organisation_name,
        cosignatories,
        support,
    ) in _stream(statement):
        yield (
            f"recommendation:{recommendation_id}", "recommendation", None, number, language,
            status.value, wording, justification, kind, _iso(submitted_at), None, "",
            organisation_id, *_texts(organisation_name), cosignatories, support, None,
        )  # fmt: skip


# Votes, counted per comment: never who voted what.

VOTE_FIELDS = ("contribution_id", "agree", "disagree", "pass", "total")


def vote_rows(publication: Publication) -> Iterator[Sequence]:
    statement = (
        select(Comment.id, Comment.agree_count, Comment.disagree_count, Comment.pass_count)
        .where(
            Comment.consultation_id == publication.consultation_id,
            Comment.status == CommentStatus.VISIBLE,
        )
        .order_by(Comment.id)
    )
    for comment_id, agree, disagree, passed in _stream(statement):
        yield (f"comment:{comment_id}", agree, disagree, passed, agree + disagree + passed)


# From the snapshot: what the report of this version said.

RESPONSE_FIELDS = (
    "target_type",
    "target_id",
    "outcome",
    *per_language("justification"),
    "articles",
)


def response_rows(publication: Publication) -> Iterator[Sequence]:
    snapshot = publication.snapshot
    for target_type, items in (
        ("theme", snapshot.get("themes", [])),
        ("recommendation", snapshot.get("recommendations", [])),
    ):
        for item in items:
            response = item.get("response")
            if response:
                yield (
                    target_type,
                    item["id"],
                    response["outcome"],
                    *_texts(response.get("justification")),
                    [str(number) for number in response.get("articles") or []],
                )


THEME_FIELDS = (
    "id",
    *per_language("name"),
    "engine_label",
    "language",
    "size",
    "support",
    "response_outcome",
)


def theme_rows(publication: Publication) -> Iterator[Sequence]:
    for theme in publication.snapshot.get("themes", []):
        response = theme.get("response")
        yield (
            theme["id"],
            *_texts(theme.get("name")),
            theme.get("engine_label") or "",
            theme.get("lang"),
            theme.get("size"),
            theme.get("support"),
            response["outcome"] if response else None,
        )


INDICATOR_FIELDS = ("indicator", "key", "measure", "value", "suppressed")
_BREAKDOWNS = ("participant_types", "regions", "genders", "ages")


def indicator_rows(publication: Publication) -> Iterator[Sequence]:
    """The snapshot's indicators, one number a row; a suppressed cell (fewer than five people)
    has no value and `suppressed` true, exactly as the report shows "<5"."""
    indicators = publication.snapshot.get("indicators", {})
    for name, value in indicators.items():
        if name in _BREAKDOWNS:
            total = value.get("total")
            yield (name, "", "total", total, total is None)
            for cell in value.get("cells", []):
                yield (name, cell["key"], "participants", cell["count"], cell["count"] is None)
        elif name == "outcomes":
            for key, count in value.items():
                yield (name, key, "recommendations", count, False)
        elif name == "per_day":
            for day in value:
                yield (name, day["day"], "contributions", day["contributions"], False)
        elif name == "per_article":
            for article in value:
                for measure in ("comments", "participants", "recommendations"):
                    if measure in article:
                        count = article[measure]
                        yield (name, article["article"], measure, count, count is None)
        elif isinstance(value, int | float) or value is None:
            yield (name, "", "", value, value is None)


DATASETS: dict[str, Dataset] = {
    dataset.name: dataset
    for dataset in (
        Dataset("articles", ARTICLE_FIELDS, article_rows),
        Dataset("contributions", CONTRIBUTION_FIELDS, contribution_rows),
        Dataset("votes", VOTE_FIELDS, vote_rows),
        Dataset("responses", RESPONSE_FIELDS, response_rows),
        Dataset("themes", THEME_FIELDS, theme_rows),
        Dataset("indicators", INDICATOR_FIELDS, indicator_rows, json_rows=False),
    )
}
