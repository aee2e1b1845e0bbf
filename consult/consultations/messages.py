"""Translated messages for the consultation lifecycle's domain errors."""

from flask_babel import lazy_gettext as _l

STATE_ERRORS = {
    "only_draft_can_be_scheduled": _l("Only a consultation in draft can be scheduled."),
    "only_upcoming_can_open": _l(
        "Only a scheduled consultation that has not opened can be opened early."
    ),
    "only_open_can_close": _l("Only an open consultation can be closed early."),
    "only_upcoming_can_return_to_draft": _l(
        "Only a consultation that has not opened yet can go back to draft."
    ),
}
