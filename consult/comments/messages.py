"""Translated messages for comment and vote errors."""

from flask_babel import lazy_gettext as _l

EMPTY_COMMENT = _l("Write something before sending your comment.")
COMMENT_TOO_LONG = _l("Your comment is too long: at most %(max)s characters.")
UNKNOWN_STANCE = _l("Choose for, against or neutral — or leave the stance empty.")
CANNOT_REPLY = _l("This comment can no longer receive replies.")
REPLY_ELSEWHERE = _l("A reply must be on the same article as the comment it answers.")
EDIT_WINDOW_PASSED = _l("A comment can only be edited by its author in the first 15 minutes.")
CANNOT_WITHDRAW = _l("Only the author can withdraw a visible comment.")
CANNOT_VOTE = _l("This comment is no longer open to votes.")
UNKNOWN_VOTE = _l("Choose agree, disagree or pass.")
