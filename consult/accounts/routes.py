"""Sign up, sign in, sign out, the profile page and the language switch."""

import json

from flask import (
    Response,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from .. import clock, ratelimits
from ..extensions import db
from ..i18n import select_language
from ..web import flash_done, safe_next
from . import bp, privacy, services, tokens
from .forms import (
    DeleteAccountForm,
    ForgotPasswordForm,
    LanguageForm,
    LoginForm,
    LogoutForm,
    ProfileForm,
    ResetPasswordForm,
    SignupForm,
)


@bp.route("/signup", methods=["GET", "POST"])
@ratelimits.signup
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("consultations.index"))
    form = SignupForm()
    form.fill_countries(select_language())
    if form.validate_on_submit():
        existing = services.find_by_email(form.email.data)
        if existing is None:
            user = services.register_user(
                email=form.email.data,
                password=form.password.data,
                display_name=form.display_name.data,
                locale=select_language(),
                consented_at=clock.utcnow(),
                region=form.region.data,
                country=form.country.data,
                gender=form.gender.data,
                age_bracket=form.age_bracket.data,
            )
            db.session.commit()
            _send_confirmation(user)
        else:
            # The same answer either way: the page never tells whether an address is registered.
            _send_mail(
                existing,
                _("You already have an account"),
                "email/already_registered.txt",
                link=url_for("accounts.forgot_password", _external=True),
            )
        return render_template("accounts/check_email.html", email=form.email.data)
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/signup.html", form=form), status


def _send_mail(user, subject, template: str, **context) -> None:
    from ..mail import send_mail

    send_mail(user.email, str(subject), render_template(template, user=user, **context))


def _send_confirmation(user) -> None:
    link = url_for(
        "accounts.confirm_email", token=tokens.make_token(user, tokens.CONFIRM), _external=True
    )
    _send_mail(user, _("Confirm your e-mail address"), "email/confirm.txt", link=link)


@bp.get("/confirm/<token>")
def confirm_email(token: str):
    user = tokens.read_token(token, tokens.CONFIRM)
    if user is None:
        return render_template("accounts/link_invalid.html"), 400
    services.confirm_email(user, clock.utcnow())
    db.session.commit()
    login_user(user)
    flash_done(_("Your e-mail address is confirmed. Welcome, %(name)s.", name=user.display_name))
    return redirect(url_for("consultations.index"))


@bp.post("/confirm/resend")
@login_required
@ratelimits.signup
def resend_confirmation():
    if current_user.email_confirmed_at is None and LogoutForm().validate_on_submit():
        _send_confirmation(current_user)
        flash_done(_("We sent you a new link. It is valid for three days."))
    return redirect(url_for("accounts.account"))


@bp.route("/password/forgot", methods=["GET", "POST"])
@ratelimits.signup
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = services.find_by_email(form.email.data)
        if user is not None:
            link = url_for(
                "accounts.reset_password",
                token=tokens.make_token(user, tokens.RESET),
                _external=True,
            )
            _send_mail(user, _("Choose a new password"), "email/reset.txt", link=link)
        return render_template("accounts/check_email.html", email=form.email.data, reset=True)
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/forgot.html", form=form), status


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    user = tokens.read_token(token, tokens.RESET)
    if user is None:
        return render_template("accounts/link_invalid.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.reset_password(user, form.password.data, clock.utcnow())
        db.session.commit()
        flash_done(_("Your password is changed. Sign in with it."))
        return redirect(url_for("accounts.login"))
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/reset.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@ratelimits.login
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None and user.is_active:
            login_user(user, remember=form.remember.data)
            flash_done(_("You are signed in."))
            return redirect(safe_next(form.next.data, url_for("consultations.index")))
        # The same message whether the address exists or not.
        form.password.errors.append(_("This e-mail address and password do not match."))
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/login.html", form=form), status


@bp.post("/logout")
def logout():
    form = LogoutForm()
    if form.validate_on_submit():
        logout_user()
        flash_done(_("You are signed out."))
    return redirect(url_for("consultations.index"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form = ProfileForm(obj=current_user)
    form.fill_countries(select_language())
    if request.method == "GET":
        for field in (form.region, form.country, form.gender, form.age_bracket):
            field.data = field.data or ""
    if form.validate_on_submit():
        services.rename(current_user, form.display_name.data, clock.utcnow())
        current_user.locale = form.locale.data
        services.set_profile(
            current_user,
            region=form.region.data,
            country=form.country.data,
            gender=form.gender.data,
            age_bracket=form.age_bracket.data,
        )
        db.session.commit()
        flash_done(_("Your profile is saved."))
        response = make_response(redirect(url_for("accounts.account")))
        _remember_language(response, current_user.locale)
        return response
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/account.html", form=form), status


@bp.post("/language/<code>")
def switch_language(code: str):
    """Remembered in a cookie for everyone, and in the profile for signed-in users."""
    form = LanguageForm()
    if code not in current_app.config["LANGUAGES"] or not form.validate_on_submit():
        return redirect(url_for("consultations.index"))
    if current_user.is_authenticated:
        current_user.locale = code
        db.session.commit()
    response = make_response(redirect(safe_next(form.next.data, url_for("consultations.index"))))
    _remember_language(response, code)
    return response


def _remember_language(response, code: str) -> None:
    response.set_cookie(
        current_app.config["LOCALE_COOKIE"],
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure,
    )


@bp.get("/account/data.json")
@login_required
def download_data():
    """Everything the platform holds about the signed-in person (law 09-08, right of access)."""
    body = json.dumps(privacy.export_data(current_user), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": "attachment; filename=my-consult-data.json"},
    )


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
def delete_account():
    form = DeleteAccountForm()
    status = 200
    if form.validate_on_submit():
        if current_user.check_password(form.password.data):
            privacy.delete_account(current_user, clock.utcnow())
            db.session.commit()
            logout_user()
            flash_done(
                _(
                    "Your account is deleted. Your contributions stay public, signed "
                    "“former participant”."
                )
            )
            return redirect(url_for("consultations.index"))
        form.password.errors.append(_("This password is not right."))
        status = 400
    elif form.is_submitted():
        status = 400
    return render_template("accounts/delete.html", form=form), status
