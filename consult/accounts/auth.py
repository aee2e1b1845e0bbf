"""Flask-Login wiring: how a session finds its user."""

from flask_babel import lazy_gettext as _l

from ..extensions import db
from .models import User


def configure_login(login_manager) -> None:
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please sign in to continue.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id: str):
        if not user_id.isdigit():
            return None
        return db.session.get(User, int(user_id))
