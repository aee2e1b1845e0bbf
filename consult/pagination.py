"""A page of results whose total comes from a stored counter, not from counting rows."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    number: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def has_prev(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to show as links, None where a gap is elided."""
        wanted = {1, self.pages, *range(self.number - around, self.number + around + 1)}
        shown = sorted(n for n in wanted if 1 <= n <= self.pages)
        result: list[int | None] = []
        for n in shown:
            if result and n - (result[-1] or 0) > 1:
                result.append(None)
            result.append(n)
        return result


def page_number(raw: str | None) -> int:
    """The requested page from a query string: anything odd means page 1, never an error."""
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return min(max(number, 1), 100_000)
