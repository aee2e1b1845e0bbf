"""Pagination and parameter checks for the API: bad input is a 400 in JSON, never a guess."""

from dataclasses import dataclass

from flask import request, url_for

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 10_000


class BadParameter(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


def integer(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, "must be an integer") from None
    if not low <= value <= high:
        raise BadParameter(name, f"must be between {low} and {high}")
    return value


def choice(name: str, allowed, default: str | None = None) -> str | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if raw not in allowed:
        raise BadParameter(name, "must be one of: " + ", ".join(allowed))
    return raw


@dataclass(frozen=True)
class PageRequest:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def fetch(self) -> int:
        """One row more than a page: whether it comes back says if there is a next page."""
        return self.per_page + 1


def page_request() -> PageRequest:
    return PageRequest(
        integer("page", 1, 1, MAX_PAGE),
        integer("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    )


def paged(items: list, wanted: PageRequest, endpoint: str, **values) -> dict:
    """The page's items with links to the next and previous pages (no total: nothing counted)."""
    has_next = len(items) > wanted.per_page and wanted.page < MAX_PAGE
    args = {
        k: v for k, v in request.args.items() if k not in ("page", "per_page") and k not in values
    }

    def link(page: int) -> str:
        return url_for(endpoint, **values, **args, page=page, per_page=wanted.per_page)

    return {
        "items": items[: wanted.per_page],
        "page": wanted.page,
        "per_page": wanted.per_page,
        "next": link(wanted.page + 1) if has_next else None,
        "previous": link(wanted.page - 1) if wanted.page > 1 else None,
    }
