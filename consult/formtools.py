"""Small helpers shared by the forms of every blueprint."""

from collections.abc import Callable, Iterable

from wtforms.fields.choices import SelectChoice


def choices(pairs: Iterable[tuple[str, object]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms select choices; labels may be lazy translations."""
    return [SelectChoice(value, label) for value, label in pairs]


def lazy_choices(make_pairs: Callable[[], Iterable[tuple[str, object]]]):
    """Choices computed when the form is built (in the request's language)."""
    return lambda: choices(make_pairs())
