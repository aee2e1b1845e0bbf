"""Administrators' forms."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from ..formtools import Form, choices


class InstitutionForm(Form):
    name_ar = StringField(_l("Name in Arabic"), validators=[Length(max=300)])
    name_fr = StringField(_l("Name in French"), validators=[Length(max=300)])
    name_zgh = StringField(_l("Name in Tamazight"), validators=[Length(max=300)])
    slug = StringField(
        _l("Short name"),
        validators=[DataRequired(message=_l("Enter a short name."))],
        description=_l("Used in web addresses, e.g. ministry-of-justice."),
    )


class OfficialForm(Form):
    email = EmailField(
        _l("E-mail address of the account"),
        validators=[DataRequired(message=_l("Enter your e-mail address."))],
    )
    institution = SelectField(_l("Institution"), choices=[], validate_choice=False)


class ModeratorForm(Form):
    email = EmailField(
        _l("E-mail address of the account"),
        validators=[DataRequired(message=_l("Enter your e-mail address."))],
    )
    grant = RadioField(
        _l("Moderator role"),
        choices=choices([("grant", _l("Make moderator")), ("revoke", _l("Remove the role"))]),
        default="grant",
    )
