"""Sign up, sign in, sign out, the profile page and the language switch."""

from flask import current_app, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from .. import clock
from ..extensions import db
from ..i18n import select_language
from ..web import flash_done, safe_next
from . import bp, services
from .forms import LanguageForm, LoginForm, LogoutForm, ProfileForm, SignupForm


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("consultations.index"))
    form = SignupForm()
    form.fill_countries(select_language())
    if form.validate_on_submit():
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
        login_user(user)
        flash_done(_("Welcome, %(name)s. Your account is ready.", name=user.display_name))
        return redirect(safe_next(request.args.get("next"), url_for("consultations.index")))
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/signup.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
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
        current_user.display_name = form.display_name.data.strip()
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
