"""The recommendation form and the one-button forms of the recommendation page."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import Length

from ..formtools import Form, choices
from ..i18n import LANGUAGE_NAMES
from .names import KIND_NAMES


class RecommendationForm(Form):
    organisation = SelectField(_l("On behalf of"), choices=[], validate_choice=False)
    target = SelectField(_l("Concerns"), choices=[], validate_choice=False)
    kind = RadioField(
        _l("Kind of recommendation"), choices=choices(KIND_NAMES.items()), default="amend"
    )
    language = SelectField(_l("Language of the wording"), choices=choices(LANGUAGE_NAMES.items()))
    proposed_wording = TextAreaField(
        _l("Proposed wording"),
        validators=[Length(max=10_000)],
        description=_l(
            "For an amendment, start from the current wording of the article "
            "(button “Load the current wording”) and change it."
        ),
    )
    justification = TextAreaField(
        _l("Justification"),
        validators=[Length(max=10_000)],
        description=_l("Why this change? Required to submit."),
    )
    attachment = FileField(
        _l("Memo (PDF, optional)"),
        description=_l("A PDF file of at most 10 MB."),
    )


class ActionForm(Form):
    """Submit, withdraw, support."""


class CoSignForm(Form):
    organisation = SelectField(_l("Co-sign on behalf of"), choices=[], validate_choice=False)
