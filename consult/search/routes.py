"""The search page: /search?q=...&kind=...&page=..."""

from flask import render_template, request
from flask_babel import lazy_gettext as _l

from ..i18n import select_language
from ..pagination import Page, page_number
from . import bp, queries
from .documents import KINDS
from .results import hits

KIND_NAMES = {
    "consultation": _l("Consultations"),
    "article": _l("Articles"),
    "recommendation": _l("Recommendations"),
    "comment": _l("Comments"),
}
KIND_LABELS = {
    "consultation": _l("Consultation"),
    "article": _l("Article"),
    "recommendation": _l("Recommendation"),
    "comment": _l("Comment"),
}


@bp.get("/search")
def search():
    query = queries.trim(request.args.get("q") or "")
    kind = request.args.get("kind") or None
    if kind not in KINDS:
        kind = None
    language = select_language()
    results = queries.search(
        query, language=language, kind=kind, page=page_number(request.args.get("page"))
    )
    params = {"q": query, **({"kind": kind} if kind else {})}
    return render_template(
        "search/results.html",
        query=query,
        kind=kind,
        kind_names=KIND_NAMES,
        kind_labels=KIND_LABELS,
        results=results,
        hits=hits(results.keys, results.terms, language),
        page=Page(results.page, queries.PER_PAGE, results.reachable),
        params=params,
        max_length=queries.MAX_QUERY_LENGTH,
    )
