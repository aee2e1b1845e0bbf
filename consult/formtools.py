"""Small helpers shared by the forms of every blueprint."""

from collections.abc import Callable, Iterable

from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget


class CheckboxesField(SelectMultipleField):
    """A multiple choice shown as checkboxes (usable without JavaScript, unlike a multi-select)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def choices(pairs: Iterable[tuple[str, object]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms select choices; labels may be lazy translations."""
    return [SelectChoice(value, label) for value, label in pairs]


def lazy_choices(make_pairs: Callable[[], Iterable[tuple[str, object]]]):
    """Choices computed when the form is built (in the request's language)."""
    return lambda: choices(make_pairs())
