"""Translated names of organisation kinds, domains and statuses."""

from flask_babel import lazy_gettext as _l

KIND_NAMES = {
    "association": _l("Association"),
    "cooperative": _l("Cooperative"),
    "network": _l("Network or coalition"),
    "diaspora_association": _l("Association of Moroccans abroad"),
}

DOMAIN_NAMES = {
    "climate": _l("Climate"),
    "environment": _l("Environment"),
    "governance": _l("Governance and transparency"),
    "social_economy": _l("Social and solidarity economy"),
    "gender_equality": _l("Gender equality"),
    "migration": _l("Migration and development"),
    "human_rights": _l("Human rights"),
    "youth": _l("Youth"),
    "education": _l("Education"),
    "health": _l("Health"),
    "culture": _l("Culture and Amazigh heritage"),
    "disability": _l("Rights of persons with disabilities"),
}

STATUS_NAMES = {
    "pending": _l("Awaiting verification"),
    "verified": _l("Verified"),
    "rejected": _l("Rejected"),
}
