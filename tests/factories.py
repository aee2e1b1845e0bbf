"""Build test data through the same services the app uses."""

from datetime import timedelta
from itertools import count

from consult import clock
from consult.accounts.services import register_user
from consult.comments import services as comment_services
from consult.consultations import services as consultation_services
from consult.consultations.models import Status
from consult.extensions import db
from consult.institutions.models import Institution

_sequence = count(1)

PASSWORD = "correct horse battery"


class Factories:
    def institution(self, slug: str | None = None, name: dict | None = None) -> Institution:
        n = next(_sequence)
        institution = Institution(
            name=name or {"fr": f"Ministère {n}", "ar": f"وزارة {n}"}, slug=slug or f"ministry-{n}"
        )
        db.session.add(institution)
        db.session.commit()
        return institution

    def user(
        self,
        *,
        email: str | None = None,
        name: str | None = None,
        locale="fr",
        institution: Institution | None = None,
        admin: bool = False,
        **profile,
    ):
        n = next(_sequence)
        user = register_user(
            email=email or f"user{n}@example.org",
            password=PASSWORD,
            display_name=name or f"Participant {n}",
            locale=locale,
            consented_at=clock.utcnow(),
            **profile,
        )
        user.email_confirmed_at = clock.utcnow()
        user.institution_id = institution.id if institution else None
        user.is_admin = admin
        db.session.commit()
        return user

    def official(self, institution: Institution | None = None, **kwargs):
        return self.user(institution=institution or self.institution(), **kwargs)

    def consultation(
        self,
        *,
        phase: str = "open",
        institution: Institution | None = None,
        articles: int = 3,
        languages=("fr", "ar"),
        themes=("governance",),
        title: dict | None = None,
        audience: str = "everyone",
    ):
        """A consultation in the given phase: draft, upcoming, open or closed."""
        now = clock.utcnow()
        institution = institution or self.institution()
        author = self.official(institution)
        opens_at = {
            "draft": now + timedelta(days=1),
            "upcoming": now + timedelta(days=1),
            "open": now - timedelta(days=1),
            "closed": now - timedelta(days=40),
        }[phase]
        fields = consultation_services.ConsultationFields(
            title=title or {"fr": "Projet de loi test", "ar": "مشروع قانون تجريبي"},
            summary={"fr": "Un résumé.", "ar": "ملخص."},
            kind="bill",
            scope="national",
            scope_area=None,
            audience=audience,
            themes=list(themes),
            opens_at=opens_at,
            closes_at=opens_at + timedelta(days=30),
        )
        consultation = consultation_services.create_consultation(author, institution.id, fields)
        for language in languages:
            items = [consultation_services.DraftItem("chapter", "1", _heading(language), "")]
            items += [
                consultation_services.DraftItem(
                    "article", str(i), f"{_heading(language)} {i}", _body(language, i)
                )
                for i in range(1, articles + 1)
            ]
            consultation_services.store_draft_language(
                author, consultation, language, items, "", opens_at - timedelta(days=1)
            )
        if phase != "draft":
            consultation.status = Status.SCHEDULED
        db.session.commit()
        return consultation

    def comment(
        self,
        consultation,
        author=None,
        *,
        section=None,
        parent=None,
        body="Un commentaire.",
        stance=None,
    ):
        author = author or self.user()
        comment = comment_services.post_comment(
            author,
            consultation,
            body,
            section=section,
            parent=parent,
            stance=stance,
            now=clock.utcnow(),
        )
        db.session.commit()
        return comment


def _heading(language: str) -> str:
    return {"fr": "Dispositions", "ar": "أحكام", "zgh": "ⵜⵉⵏⴰⴹⵉⵏ"}[language]


def _body(language: str, i: int) -> str:
    return {
        "fr": f"Texte français de l'article {i}.",
        "ar": f"النص العربي للمادة {i}.",
        "zgh": f"ⴰⴹⵔⵉⵚ ⵏ ⵓⴼⵚⵍ {i}.",
    }[language]
