"""Report and moderation forms."""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..formtools import Form, choices
from .models import REASONS
from .names import REASON_NAMES

_REASON_CHOICES = choices((r, REASON_NAMES[r]) for r in REASONS)


class FlagForm(Form):
    reason = RadioField(
        _l("Why are you reporting this?"),
        choices=_REASON_CHOICES,
        validators=[DataRequired(message=_l("Choose a reason from the list."))],
    )
    note = TextAreaField(_l("Details (optional)"), validators=[Length(max=1000)])


class HideForm(Form):
    reason = SelectField(_l("Reason shown in the thread"), choices=_REASON_CHOICES)
    note = TextAreaField(_l("Note (optional, shown with the reason)"), validators=[Length(max=300)])


class ActionForm(Form):
    """Restore, dismiss, block, unblock."""
