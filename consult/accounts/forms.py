"""Sign-up, sign-in and profile forms."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import (
    DataRequired,
    Email,
    EqualTo,
    Length,
    ValidationError,
)

from ..formtools import Form, choices, lazy_choices
from ..i18n import LANGUAGE_NAMES
from . import profile

PASSWORD_MIN = 10


def _new_password(label) -> PasswordField:
    """A password being chosen (sign-up, reset): required, at least PASSWORD_MIN characters."""
    return PasswordField(
        label,
        validators=[
            DataRequired(message=_l("Choose a password.")),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l("At least %(min)s characters.", min=PASSWORD_MIN),
            ),
        ],
        description=_l("At least %(min)s characters.", min=PASSWORD_MIN),
    )


def _password_again() -> PasswordField:
    return PasswordField(
        _l("Password again"),
        validators=[EqualTo("password", message=_l("The two passwords are not the same."))],
    )


class ProfileFields:
    """Optional statistics fields shared by sign-up and the profile page."""

    region = SelectField(
        _l("Where do you live?"), choices=lazy_choices(profile.region_choices), default=""
    )
    country = SelectField(_l("Country (if abroad)"), choices=[], validate_choice=False, default="")
    gender = SelectField(_l("Gender"), choices=lazy_choices(profile.gender_choices), default="")
    age_bracket = SelectField(_l("Age"), choices=lazy_choices(profile.age_choices), default="")

    def fill_countries(self, language: str) -> None:
        self.country.choices = choices(profile.country_choices(language))

    def validate_country(self, field):
        codes = {choice.value for choice in self.country.choices}
        if field.data and field.data not in codes:
            raise ValidationError(_l("Choose a country from the list."))
        if self.region.data == profile.ABROAD and not field.data:
            raise ValidationError(_l("Choose the country you live in, or another answer above."))


class SignupForm(ProfileFields, Form):
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(message=_l("Enter your e-mail address.")),
            Email(
                message=_l("Enter a valid e-mail address, like name@example.org."),
                check_deliverability=False,
            ),
            Length(max=254),
        ],
    )
    display_name = StringField(
        _l("Display name"),
        validators=[
            DataRequired(message=_l("Choose the name shown with your comments.")),
            Length(min=2, max=80, message=_l("Between 2 and 80 characters.")),
        ],
        description=_l("Shown publicly with your comments. It can be a nickname."),
    )
    password = _new_password(_l("Password"))
    password_again = _password_again()
    consent = BooleanField(
        _l(
            "I agree that my personal data is processed to run this consultation, under "
            "Morocco's law 09-08 on the protection of personal data."
        ),
        validators=[DataRequired(message=_l("Your consent is needed to create an account."))],
    )


class LoginForm(Form):
    email = EmailField(
        _l("E-mail address"), validators=[DataRequired(message=_l("Enter your e-mail address."))]
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired(message=_l("Enter your password."))]
    )
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


class ProfileForm(ProfileFields, Form):
    display_name = StringField(
        _l("Display name"),
        validators=[
            DataRequired(message=_l("Choose the name shown with your comments.")),
            Length(min=2, max=80, message=_l("Between 2 and 80 characters.")),
        ],
    )
    locale = SelectField(_l("Language"), choices=choices(LANGUAGE_NAMES.items()))


class ForgotPasswordForm(Form):
    email = EmailField(
        _l("E-mail address"), validators=[DataRequired(message=_l("Enter your e-mail address."))]
    )


class ResetPasswordForm(Form):
    password = _new_password(_l("New password"))
    password_again = _password_again()


class DeleteAccountForm(Form):
    password = PasswordField(
        _l("Your password, to confirm"),
        validators=[DataRequired(message=_l("Enter your password."))],
    )


class LanguageForm(Form):
    next = HiddenField()


class LogoutForm(Form):
    pass
