"""Translated names of recommendation kinds, statuses and sort orders."""

from flask_babel import lazy_gettext as _l

KIND_NAMES = {
    "amend": _l("Amend the article"),
    "add": _l("Add a provision"),
    "delete": _l("Delete the article"),
    "general": _l("General recommendation"),
}

STATUS_NAMES = {
    "draft": _l("Draft"),
    "submitted": _l("Submitted"),
    "withdrawn": _l("Withdrawn"),
    "under_review": _l("Under review"),
    "accepted": _l("Accepted"),
    "partly_accepted": _l("Partly accepted"),
    "rejected": _l("Rejected"),
    "noted": _l("Noted"),
}

SORT_NAMES = {
    "newest": _l("Newest"),
    "cosigned": _l("Most co-signatures"),
    "supported": _l("Most support"),
}
