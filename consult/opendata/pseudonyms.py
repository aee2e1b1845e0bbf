"""Stable pseudonyms for participants in open data and the API.

A participant is named by a keyed hash of (consultation, account): the same person keeps one
name within a consultation, so their contributions can be followed, but names differ between
consultations and cannot be reversed without the server's secret. No e-mail and no profile
field ever leave the platform through open data; the display name goes with it only as the
site itself shows it beside each contribution (consented at sign-up), and never for a deleted
account.
"""

import hashlib
import hmac

from flask import current_app

FORMER = "former-participant"


def pseudonym(consultation_id: int, user_id: int | None, deleted: bool = False) -> str:
    """ "p-" and 12 hex digits; "former-participant" for a deleted account."""
    if user_id is None or deleted:
        return FORMER
    key = current_app.config["SECRET_KEY"].encode()
    message = f"consult/participant/{consultation_id}/{user_id}".encode()
    return "p-" + hmac.new(key, message, hashlib.sha256).hexdigest()[:12]
