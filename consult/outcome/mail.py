"""The e-mail that tells each participant the outcome is published, in their language."""

import click
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..consultations.models import Consultation
from ..extensions import db
from ..i18n import pick
from ..mail import send_mail
from .models import Publication
from .services import participant_ids


def mail_participants(publication_id: int, link: str) -> int:
    """Send the notice, with the report's `link`, to every participant with a confirmed
    address; how many were sent."""
    publication = db.session.get(Publication, publication_id)
    consultation = db.session.get(Consultation, publication.consultation_id)
    ids = participant_ids(consultation.id)
    sent = 0
    for start in range(0, len(ids), 500):
        people = db.session.execute(
            select(User.email, User.locale).where(
                User.id.in_(ids[start : start + 500]), User.email_confirmed_at.is_not(None)
            )
        ).all()
        for email, locale in people:
            language = locale if locale in ("ar", "fr", "zgh") else "ar"
            with force_locale(language):
                title = pick(consultation.title, language).text
                subject = _("The outcome of “%(title)s” is published", title=title)
                body = _(
                    "You took part in the consultation “%(title)s”. The ministry has published "
                    "its outcome: what it retained, its answers to the recommendations and what "
                    "happens next.\n\nRead it here: %(link)s\n",
                    title=title,
                    link=link,
                )
            send_mail(email, subject, body)
            sent += 1
    return sent


@click.command("outcome-mail")
@click.argument("publication_id", type=int)
@click.argument("link")
def outcome_mail_command(publication_id: int, link: str):
    """E-mail everyone who took part that the outcome PUBLICATION_ID is published at LINK."""
    if db.session.get(Publication, publication_id) is None:
        raise click.ClickException(f"no publication {publication_id}")
    click.echo(f"{mail_participants(publication_id, link)} e-mails sent.", err=True)
