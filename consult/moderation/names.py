"""Translated names of report reasons."""

from flask_babel import lazy_gettext as _l

REASON_NAMES = {
    "spam": _l("Spam or advertising"),
    "abuse": _l("Insults, threats or hate"),
    "off_topic": _l("Off topic"),
    "personal_data": _l("Personal data of someone"),
    "other": _l("Other reason"),
    "reported": _l("reported by several people, awaiting review"),
}
