"""Organisations and recommendations for tests, built through the app's services; page helpers."""

import html
import re
from itertools import count

from flask import current_app, g
from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from consult import clock
from consult.accounts import models as accounts_models
from consult.accounts.models import User
from consult.consultations.models import Section
from consult.extensions import db
from consult.i18n import FORMAT_LOCALES
from consult.organisations import services as organisation_services
from consult.organisations.models import NetworkMembership, Organisation, Representative
from consult.recommendations import services as recommendation_services
from consult.recommendations.models import Recommendation

_sequence = count(1)

#: The smallest file the attachment check accepts as a PDF: header, one object, end marker.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def hash_passwords_fast(monkeypatch) -> None:
    """These tests sign in through the session, never with a password: skip the slow scrypt."""
    monkeypatch.setattr(
        accounts_models,
        "generate_password_hash",
        lambda password: generate_password_hash(password, method="pbkdf2:sha256:1"),
    )


def page(response) -> str:
    """The page as a reader sees its text (entities such as &#39; decoded)."""
    return html.unescape(response.get_data(as_text=True))


def plain(response) -> str:
    """The page's text without tags, spaces collapsed: what a reader reads in one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", page(response)).split()).replace(" )", ")")


def shown(message, language: str = "fr", plural: str | None = None, **params) -> str:
    """`message` as the app shows it in `language` (the catalogues may or may not have it)."""
    with current_app.test_request_context():
        g.ui_language = language
        with force_locale(FORMAT_LOCALES[language]):
            if plural is not None:
                return ngettext(message, plural, **params)
            return gettext(message, **params) if isinstance(message, str) else str(message)


def committed():
    """Forget what the last request left uncommitted in the shared session: read the database."""
    db.session.rollback()


def count_of(model) -> int:
    committed()
    return db.session.scalar(select(func.count()).select_from(model))


def article(consultation, number: str = "1") -> Section:
    return db.session.scalars(
        select(Section).where(
            Section.consultation_id == consultation.id,
            Section.number == number,
            Section.kind == "article",
        )
    ).one()


class OrgFactories:
    """`org.organisation(...)`, `org.recommendation(...)`; users come from tests/factories.py."""

    def __init__(self, make):
        self.make = make
        self._admin = None

    @property
    def admin(self):
        if self._admin is None:
            self._admin = self.make.user(admin=True, name="Administratrice")
        return self._admin

    def organisation(
        self,
        representative=None,
        *,
        status: str = "verified",
        kind: str = "association",
        name: dict | None = None,
        reference: str | None = None,
        region: str | None = "rabat-sale-kenitra",
        country: str | None = None,
        domains=("governance",),
        description: str = "",
    ) -> Organisation:
        """An organisation registered by `representative` (a new user if None), then reviewed."""
        n = next(_sequence)
        representative = representative or self.make.user()
        organisation = organisation_services.register_organisation(
            representative,
            organisation_services.OrganisationFields(
                name=name or {"fr": f"Association {n}"},
                kind=kind,
                registration_ref=reference or f"REF-{n:05d}",
                region=region,
                country=country,
                domains=list(domains),
                contact_email=f"contact{n}@example.org",
                contact_phone=None,
                description=description,
            ),
            clock.utcnow(),
        )
        if status == "verified":
            organisation_services.verify(self.admin, organisation, clock.utcnow())
        elif status == "rejected":
            organisation_services.reject(
                self.admin, organisation, "Pièces manquantes.", clock.utcnow()
            )
        db.session.commit()
        return organisation

    def network(self, representative=None, **kwargs) -> Organisation:
        kwargs.setdefault("name", {"fr": f"Réseau {next(_sequence)}"})
        return self.organisation(representative, kind="network", **kwargs)

    def representative_of(self, organisation: Organisation, user=None):
        """`user` (a new one if None) becomes a representative of `organisation`, by invitation."""
        first = self._first_representative(organisation)
        user = user or self.make.user()
        invitation = organisation_services.invite(first, organisation, user.email)
        organisation_services.accept_invitation(user, invitation, clock.utcnow())
        db.session.commit()
        return user

    def member(self, network: Organisation, member: Organisation) -> NetworkMembership:
        """An accepted membership of `member` in `network`."""
        membership = organisation_services.request_membership(
            self._first_representative(member), network, member, requested_by=member
        )
        organisation_services.accept_membership(
            self._first_representative(network), membership, clock.utcnow()
        )
        db.session.commit()
        return membership

    def recommendation(
        self,
        organisation: Organisation,
        consultation,
        *,
        article_number: str | None = None,
        kind: str = "general",
        language: str = "fr",
        wording: str = "",
        justification: str = "Parce que le texte doit être plus clair.",
        submit: bool = True,
        author=None,
    ) -> Recommendation:
        author = author or self._first_representative(organisation)
        section = article(consultation, article_number) if article_number else None
        recommendation = recommendation_services.save_recommendation(
            author,
            organisation,
            consultation,
            recommendation_services.RecommendationFields(
                section, kind, language, wording, justification
            ),
            submit=submit,
            now=clock.utcnow(),
        )
        db.session.commit()
        return recommendation

    def withdraw(self, recommendation: Recommendation) -> None:
        organisation = db.session.get(Organisation, recommendation.organisation_id)
        recommendation_services.withdraw(
            self._first_representative(organisation), recommendation, clock.utcnow()
        )
        db.session.commit()

    def cosign(self, recommendation: Recommendation, organisation: Organisation) -> None:
        recommendation_services.cosign(
            self._first_representative(organisation), recommendation, organisation, clock.utcnow()
        )
        db.session.commit()

    def support(self, recommendation: Recommendation, user=None) -> None:
        recommendation_services.support(user or self.make.user(), recommendation, clock.utcnow())
        db.session.commit()

    def _first_representative(self, organisation: Organisation):
        return db.session.scalars(
            select(User)
            .join(Representative, Representative.user_id == User.id)
            .where(Representative.organisation_id == organisation.id)
            .order_by(Representative.since, User.id)
        ).first()
