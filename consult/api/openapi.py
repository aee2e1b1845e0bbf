"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

Kept by hand next to the routes; tests check that every API route is described here and
run schemathesis against it, so a response that drifts from its schema fails the suite.
"""

from .paging import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE

PHASES = ["upcoming", "open", "closed", "in_synthesis", "published", "archived"]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
INTEGER = {"type": "integer", "minimum": 0}
DATE_TIME = {"type": "string", "format": "date-time"}
LINK = {"type": "string", "description": "A path on this site."}


def _object(properties: dict, required: list[str] | None = None, **extra) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        **extra,
    }


MULTILINGUAL = {
    "type": "object",
    "description": "The same text in Arabic, French and Tamazight (Tifinagh); only the "
    "languages it was written in are present.",
    "properties": {"ar": STRING, "fr": STRING, "zgh": STRING},
    "additionalProperties": False,
}

FIGURES = {
    "consultations": {**INTEGER, "description": "Consultations held (they opened)."},
    "participants": {
        **INTEGER,
        "description": "Participants summed over consultations (a person in two counts twice).",
    },
    "comments": INTEGER,
    "recommendations": INTEGER,
    "answered": {**INTEGER, "description": "Recommendations the institution answered."},
    "answered_share": {"type": "number", "minimum": 0, "maximum": 1},
}

SCHEMAS = {
    "Error": _object(
        {
            "error": _object(
                {
                    "status": {"type": "integer"},
                    "code": STRING,
                    "message": STRING,
                    "parameter": STRING,
                },
                required=["status", "code", "message"],
            )
        }
    ),
    "Multilingual": MULTILINGUAL,
    "Institution": _object({"id": INTEGER, "slug": STRING, "name": _ref("Multilingual")}),
    "Consultation": _object(
        {
            "id": INTEGER,
            "title": _ref("Multilingual"),
            "summary": _ref("Multilingual"),
            "institution": _ref("Institution"),
            "kind": {"enum": ["bill", "framework", "strategy", "local_plan"]},
            "scope": {"enum": ["national", "region", "commune"]},
            "scope_area": _nullable(STRING),
            "audience": {"enum": ["everyone", "organisations"]},
            "themes": {"type": "array", "items": STRING},
            "phase": {"enum": PHASES},
            "opens_at": DATE_TIME,
            "closes_at": DATE_TIME,
            "counts": _object(
                {
                    "participants": INTEGER,
                    "comments": INTEGER,
                    "votes": INTEGER,
                    "recommendations": INTEGER,
                }
            ),
            "links": _object(
                {
                    "self": LINK,
                    "articles": LINK,
                    "contributions": LINK,
                    "recommendations": LINK,
                    "outcomes": LINK,
                    "page": LINK,
                }
            ),
            "has_final_text": {
                "type": "boolean",
                "description": "Whether the adopted text is stored (one consultation only).",
            },
        },
        required=[
            "id",
            "title",
            "summary",
            "institution",
            "kind",
            "scope",
            "audience",
            "themes",
            "phase",
            "opens_at",
            "closes_at",
            "counts",
            "links",
        ],
    ),
    "Article": _object(
        {
            "id": INTEGER,
            "number": {**STRING, "description": 'As written in the text: "1", "7 bis".'},
            "slug": STRING,
            "position": INTEGER,
            "heading": _ref("Multilingual"),
            "body": _ref("Multilingual"),
            "counts": _object(
                {
                    "comments": INTEGER,
                    "participants": INTEGER,
                    "votes": INTEGER,
                    "recommendations": INTEGER,
                }
            ),
            "page": LINK,
        }
    ),
    "Author": _object(
        {
            "pseudonym": {
                "type": "string",
                "pattern": "^(p-[0-9a-f]{12}|former-participant)$",
                "description": "Stable within one consultation, different between them.",
            },
            "display_name": _nullable(STRING),
        }
    ),
    "Comment": _object(
        {
            "type": {"enum": ["comment", "reply"]},
            "id": INTEGER,
            "article": _nullable(STRING),
            "parent_id": _nullable(INTEGER),
            "created_at": DATE_TIME,
            "status": {"enum": ["visible", "hidden", "withdrawn"]},
            "hidden_reason": _nullable(STRING),
            "hidden_note": _nullable(STRING),
            "author": _nullable(_ref("Author")),
            "edited_at": _nullable(DATE_TIME),
            "lang": _nullable(STRING),
            "stance": _nullable({"enum": ["for", "against", "neutral"]}),
            "body_html": _nullable(
                {**STRING, "description": "Sanitised HTML; null when hidden or withdrawn."}
            ),
            "votes": _nullable(_object({"agree": INTEGER, "disagree": INTEGER, "pass": INTEGER})),
            "reply_count": INTEGER,
        }
    ),
    "Organisation": _object(
        {
            "id": INTEGER,
            "name": _ref("Multilingual"),
            "kind": {"enum": ["association", "cooperative", "network", "diaspora_association"]},
        }
    ),
    "Response": _object(
        {
            "outcome": {"enum": ["accepted", "partly_accepted", "rejected", "noted"]},
            "justification": _ref("Multilingual"),
            "articles": {"type": "array", "items": STRING},
            "answered_at": _nullable(DATE_TIME),
        }
    ),
    "Recommendation": _object(
        {
            "type": {"const": "recommendation"},
            "id": INTEGER,
            "consultation_id": INTEGER,
            "article": _nullable(STRING),
            "kind": {"enum": ["amend", "add", "delete", "general"]},
            "status": {
                "enum": [
                    "submitted",
                    "withdrawn",
                    "under_review",
                    "accepted",
                    "partly_accepted",
                    "rejected",
                    "noted",
                ]
            },
            "created_at": DATE_TIME,
            "withdrawn_at": _nullable(DATE_TIME),
            "hidden_reason": _nullable(STRING),
            "hidden_note": _nullable(STRING),
            "organisation": _ref("Organisation"),
            "language": STRING,
            "proposed_wording": _nullable(STRING),
            "justification": _nullable(STRING),
            "attachment": _nullable(LINK),
            "cosignatories": {"type": "array", "items": _ref("Organisation")},
            "cosignature_count": INTEGER,
            "support_count": INTEGER,
            "response": _nullable(_ref("Response")),
            "page": LINK,
        }
    ),
    "Contribution": {"oneOf": [_ref("Comment"), _ref("Recommendation")]},
    "Publication": _object(
        {
            "version": {"type": "integer", "minimum": 1},
            "published_at": DATE_TIME,
            "summary": _ref("Multilingual"),
            "next_steps": _ref("Multilingual"),
            "next_date": _nullable(DATE_TIME),
            "change_note": _ref("Multilingual"),
            "links": _object({"self": LINK, "page": LINK}),
        }
    ),
    "PublicationWithSnapshot": {
        "allOf": [
            _ref("Publication"),
            _object(
                {
                    "snapshot": _object(
                        {
                            "indicators": _ref("Indicators"),
                            "run": _nullable(INTEGER),
                            "themes": {"type": "array", "items": {"type": "object"}},
                            "campaigns": {"type": "array", "items": {"type": "object"}},
                            "recommendations": {"type": "array", "items": {"type": "object"}},
                            "changes": _object(
                                {
                                    "has_final": {"type": "boolean"},
                                    "articles": {"type": "array", "items": {"type": "object"}},
                                }
                            ),
                        },
                        description="The report exactly as published; it never changes.",
                    )
                }
            ),
        ]
    },
    "Breakdown": _object(
        {
            "total": _nullable(INTEGER),
            "cells": {
                "type": "array",
                "items": _object({"key": STRING, "count": _nullable(INTEGER)}),
            },
        },
        description="People by group; a group of fewer than 5 people is null (and so is any "
        "figure it could be recovered from).",
    ),
    "Indicators": _object(
        {
            "participants": INTEGER,
            "comments": INTEGER,
            "replies": INTEGER,
            "votes": INTEGER,
            "recommendations": INTEGER,
            "organisations": INTEGER,
            "networks": INTEGER,
            "answered": INTEGER,
            "answered_share": {"type": "number", "minimum": 0, "maximum": 1},
            "outcomes": {"type": "object", "additionalProperties": INTEGER},
            "participant_types": _ref("Breakdown"),
            "regions": _ref("Breakdown"),
            "genders": _ref("Breakdown"),
            "ages": _ref("Breakdown"),
            "per_day": {
                "type": "array",
                "items": _object(
                    {"day": {"type": "string", "format": "date"}, "contributions": INTEGER}
                ),
            },
            "per_article": {
                "type": "array",
                "items": _object(
                    {
                        "article": STRING,
                        "comments": INTEGER,
                        "participants": _nullable(INTEGER),
                        "recommendations": INTEGER,
                    }
                ),
            },
        }
    ),
    "Figures": _object(FIGURES),
    "Observatory": _object(
        {
            "totals": _ref("Figures"),
            "by_institution": {
                "type": "array",
                "items": _object({"institution": _ref("Institution"), **FIGURES}),
            },
            "by_year": {
                "type": "array",
                "items": _object(
                    {"year": {"type": "integer", "description": "Year of closing."}, **FIGURES}
                ),
            },
        }
    ),
}


def _page_of(item: dict, **extra) -> dict:
    return _object(
        {
            **extra,
            "items": {"type": "array", "items": item},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "next": _nullable({**LINK, "description": "The next page, or null on the last."}),
            "previous": _nullable(LINK),
        }
    )


PAGE_PARAMETERS = [
    {
        "name": "page",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    },
    {
        "name": "per_page",
        "in": "query",
        "required": False,
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PER_PAGE,
            "default": DEFAULT_PER_PAGE,
        },
    },
]


def _id(name: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
    }


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _get(summary: str, schema: dict, parameters=(), *, not_found=True, bad_request=False) -> dict:
    responses = {
        "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
        "429": _error("Too many requests from this address; try again later."),
    }
    if not_found:
        responses["404"] = _error("No such object, or not public.")
    if bad_request:
        responses["400"] = _error("A query parameter is invalid.")
    return {"get": {"summary": summary, "parameters": list(parameters), "responses": responses}}


CONSULTATION = [_id("consultation_id")]

PATHS = {
    "/api/v1/openapi.json": _get("This document.", {"type": "object"}, not_found=False),
    "/api/v1/consultations": _get(
        "Consultations, newest first; drafts are never listed.",
        _page_of(_ref("Consultation")),
        [
            {"name": "phase", "in": "query", "required": False, "schema": {"enum": PHASES}},
            *PAGE_PARAMETERS,
        ],
        not_found=False,
        bad_request=True,
    ),
    "/api/v1/consultations/{consultation_id}": _get(
        "One consultation.", _ref("Consultation"), CONSULTATION
    ),
    "/api/v1/consultations/{consultation_id}/articles": _get(
        "The articles of the draft (or of the final text), in order.",
        _page_of(
            _ref("Article"),
            text={"enum": ["draft", "final"]},
            version={"type": "integer", "minimum": 1},
        ),
        [
            *CONSULTATION,
            {
                "name": "text",
                "in": "query",
                "required": False,
                "schema": {"enum": ["draft", "final"], "default": "draft"},
                "description": "final: the text adopted after the consultation (404 until "
                "it is stored).",
            },
            *PAGE_PARAMETERS,
        ],
        bad_request=True,
    ),
    "/api/v1/consultations/{consultation_id}/contributions": _get(
        "Comments, replies and public recommendations, oldest first. Authors are pseudonyms; "
        "hidden and withdrawn comments keep their place without text or author.",
        _page_of(_ref("Contribution")),
        [
            *CONSULTATION,
            {
                "name": "type",
                "in": "query",
                "required": False,
                "schema": {"enum": ["comment", "recommendation"]},
                "description": "comment: comments and replies only.",
            },
            *PAGE_PARAMETERS,
        ],
        bad_request=True,
    ),
    "/api/v1/consultations/{consultation_id}/recommendations": _get(
        "Public recommendations with their organisation, co-signatories, status and the "
        "institution's answer.",
        _page_of(_ref("Recommendation")),
        [*CONSULTATION, *PAGE_PARAMETERS],
        bad_request=True,
    ),
    "/api/v1/recommendations/{recommendation_id}": _get(
        "One public recommendation.", _ref("Recommendation"), [_id("recommendation_id")]
    ),
    "/api/v1/consultations/{consultation_id}/outcomes": _get(
        "The published versions of the outcome report.",
        _page_of(_ref("Publication")),
        [*CONSULTATION, *PAGE_PARAMETERS],
        bad_request=True,
    ),
    "/api/v1/consultations/{consultation_id}/outcomes/{version}": _get(
        "One published version of the outcome report, as it was published.",
        _ref("PublicationWithSnapshot"),
        [*CONSULTATION, _id("version")],
    ),
    "/api/v1/observatory": _get(
        "The platform's figures by institution and by year of closing.",
        _ref("Observatory"),
        not_found=False,
    ),
}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "consult API",
            "version": "1",
            "description": "Read-only data of the public consultations: consultations, "
            "articles, contributions (people named by pseudonyms), recommendations with "
            "the answers, published outcomes and the observatory. GET only, JSON, no "
            "authentication; each address has a request budget (429 when spent).",
        },
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
