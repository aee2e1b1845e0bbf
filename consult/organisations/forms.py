"""Forms for registering and running an organisation."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from ..accounts import profile
from ..formtools import CheckboxesField, Form, choices, lazy_choices
from .names import DOMAIN_NAMES, KIND_NAMES


class OrganisationForm(Form):
    name_ar = StringField(_l("Name in Arabic"), validators=[Length(max=300)])
    name_fr = StringField(_l("Name in French"), validators=[Length(max=300)])
    name_zgh = StringField(_l("Name in Tamazight"), validators=[Length(max=300)])
    kind = SelectField(_l("Kind of organisation"), choices=choices(KIND_NAMES.items()))
    registration_ref = StringField(
        _l("Declaration receipt number"),
        validators=[
            DataRequired(message=_l("Enter the receipt number of the organisation's declaration.")),
            Length(max=80),
        ],
        description=_l("The number of the receipt given when the organisation was declared."),
    )
    region = SelectField(
        _l("Region"),
        choices=lazy_choices(
            lambda: [
                ("", _l("Choose a region")),
                *profile.REGIONS.items(),
                (profile.ABROAD, _l("Abroad (Moroccans living in another country)")),
            ]
        ),
        validators=[DataRequired(message=_l("Choose a region, or abroad."))],
    )
    country = SelectField(_l("Country (if abroad)"), choices=[], validate_choice=False, default="")
    domains = CheckboxesField(_l("Domains of action"), choices=choices(DOMAIN_NAMES.items()))
    contact_email = EmailField(
        _l("Contact e-mail address"),
        validators=[
            DataRequired(message=_l("Enter your e-mail address.")),
            Email(
                message=_l("Enter a valid e-mail address, like name@example.org."),
                check_deliverability=False,
            ),
            Length(max=254),
        ],
    )
    contact_phone = StringField(_l("Contact telephone (optional)"), validators=[Length(max=40)])
    description = TextAreaField(
        _l("Short description"),
        validators=[Optional(), Length(max=2000)],
        description=_l(
            "What the organisation does, in a few sentences (at most 2,000 characters)."
        ),
    )

    def fill_countries(self, language: str) -> None:
        self.country.choices = choices(profile.country_choices(language))

    def validate_name_ar(self, field):
        if not any((f.data or "").strip() for f in (self.name_ar, self.name_fr, self.name_zgh)):
            raise ValidationError(_l("Give the organisation's name in at least one language."))

    def validate_country(self, field):
        codes = {choice.value for choice in self.country.choices}
        if field.data and field.data not in codes:
            raise ValidationError(_l("Choose a country from the list."))
        if self.region.data == profile.ABROAD and not field.data:
            raise ValidationError(_l("Choose the country you live in, or another answer above."))


class InviteForm(Form):
    email = EmailField(
        _l("E-mail address of the person to invite"),
        validators=[
            DataRequired(message=_l("Enter your e-mail address.")),
            Email(
                message=_l("Enter a valid e-mail address, like name@example.org."),
                check_deliverability=False,
            ),
        ],
    )


class MembershipForm(Form):
    """Ask to join a network, or (for a network) invite a member organisation."""

    other = SelectField(_l("Organisation"), choices=[], validate_choice=False)


class RejectForm(Form):
    reason = TextAreaField(
        _l("Reason for the rejection"),
        validators=[
            DataRequired(message=_l("Give the reason, so the organisation knows what to correct.")),
            Length(max=2000),
        ],
    )


class ActionForm(Form):
    """The tiny form behind a single button (leave, accept, decline, verify...)."""
