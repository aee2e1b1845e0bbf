"""Forms for comments and votes."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, TextAreaField
from wtforms.validators import DataRequired, ValidationError

from ..formtools import Form, choices

STANCE_CHOICES = [
    ("", _l("No stance")),
    ("for", _l("For")),
    ("against", _l("Against")),
    ("neutral", _l("Neutral")),
]


class CommentForm(Form):
    body = TextAreaField(
        _l("Your comment"),
        validators=[DataRequired(message=_l("Write something before sending your comment."))],
        description=_l(
            "You can use *emphasis*, **bold**, lists starting with - and links. "
            "Comments are public and signed with your display name."
        ),
    )
    stance = RadioField(
        _l("Your stance (optional)"),
        choices=choices(STANCE_CHOICES),
        default="",
        validate_choice=True,
    )
    #: Where to return after posting (a relative path, checked before use).
    next = HiddenField()

    def validate_body(self, field):
        limit = current_app.config["COMMENT_MAX_LENGTH"]
        if field.data and len(field.data.strip()) > limit:
            raise ValidationError(
                _l("Your comment is too long: at most %(max)s characters.", max=limit)
            )


class EditCommentForm(Form):
    body = TextAreaField(
        _l("Your comment"),
        validators=[DataRequired(message=_l("Write something before sending your comment."))],
    )

    validate_body = CommentForm.validate_body


class VoteForm(Form):
    """The tiny form behind each agree / disagree / pass button."""

    next = HiddenField()


class WithdrawForm(Form):
    next = HiddenField()
