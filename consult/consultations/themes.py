"""The fixed list of consultation themes and their translated names."""

from flask_babel import lazy_gettext as _l

THEMES = {
    "governance": _l("Governance and transparency"),
    "civil_society": _l("Civil society"),
    "digital": _l("Digital services"),
    "youth": _l("Youth"),
    "territories": _l("Territories and regions"),
    "human_rights": _l("Human rights"),
    "environment": _l("Environment and climate"),
    "education": _l("Education"),
    "health": _l("Health"),
    "economy": _l("Economy and employment"),
    "gender_equality": _l("Gender equality"),
    "migration": _l("Migration and Moroccans abroad"),
}

KIND_NAMES = {
    "bill": _l("Bill"),
    "framework": _l("Regulatory framework"),
    "strategy": _l("Strategy"),
    "local_plan": _l("Local action plan"),
}

SCOPE_NAMES = {
    "national": _l("National"),
    "region": _l("Regional"),
    "commune": _l("Communal"),
}

PHASE_NAMES = {
    "draft": _l("Draft"),
    "upcoming": _l("Upcoming"),
    "open": _l("Open"),
    "closed": _l("Closed"),
    "in_synthesis": _l("In synthesis"),
    "published": _l("Results published"),
    "archived": _l("Archived"),
}

SECTION_KIND_NAMES = {
    "book": _l("Book"),
    "part": _l("Part"),
    "title": _l("Title"),
    "chapter": _l("Chapter"),
    "section": _l("Section"),
    "article": _l("Article"),
}
