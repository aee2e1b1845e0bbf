"""The flask commands: import-draft, create-admin and seed-demo."""

import json

import pytest
from flask import current_app, g
from flask_babel import force_locale, gettext
from sqlalchemy import func, select

from consult.accounts.models import User
from consult.comments.models import Comment
from consult.consultations.models import Consultation, DocumentVersion, Section
from consult.extensions import db
from consult.i18n import FORMAT_LOCALES
from consult.institutions.models import Institution

from .factories import PASSWORD

FRENCH_DRAFT = """\
Projet de loi relatif aux associations

Chapitre premier
Dispositions générales

Article premier
Toute personne peut fonder une association.

Article 2
Les statuts fixent l'objet de l'association, dans le respect de l'article 4 bis.

Chapitre II
Du financement

Article 3
Les associations tiennent une comptabilité.

Article 4 bis
Les dons étrangers sont déclarés.
"""

ARABIC_DRAFT = """\
الفصل الأول
أحكام عامة

المادة الأولى
يحق لكل شخص تأسيس جمعية.

المادة الثانية
تحدد الأنظمة الأساسية غرض الجمعية.

المادة الثالثة
تمسك الجمعيات محاسبة.
"""


def shown(message: str, language: str) -> str:
    """`message` as the app words it in `language` (the catalogues may or may not have it)."""
    with current_app.test_request_context():
        g.ui_language = language
        with force_locale(FORMAT_LOCALES[language]):
            return gettext(message)


def count(model) -> int:
    db.session.rollback()  # read what the command committed, not the session's leftovers
    return db.session.scalar(select(func.count()).select_from(model))


def sections(consultation) -> list[Section]:
    db.session.rollback()
    return list(
        db.session.scalars(
            select(Section)
            .where(Section.consultation_id == consultation.id)
            .order_by(Section.position)
        )
    )


@pytest.fixture
def french_file(tmp_path):
    path = tmp_path / "projet.txt"
    path.write_text(FRENCH_DRAFT, encoding="utf-8")
    return path


# --- import-draft -----------------------------------------------------------------------------


def test_import_draft_dry_run_prints_the_structure_and_stores_nothing(runner, make, french_file):
    consultation = make.consultation(phase="draft", languages=())

    result = runner.invoke(
        args=[
            "import-draft",
            str(french_file),
            "--lang",
            "fr",
            "--dry-run",
            "--consultation",
            str(consultation.id),
        ]
    )

    assert result.exit_code == 0, result.output
    structure = json.loads(result.stdout)
    assert [(c["kind"], c["number"], c["heading"]) for c in structure["chapters"]] == [
        ("chapter", "1", "Dispositions générales"),
        ("chapter", "2", "Du financement"),
    ]
    assert [(a["number"], a["chapter"]) for a in structure["articles"]] == [
        ("1", 0),
        ("2", 0),
        ("3", 1),
        ("4 bis", 1),
    ]
    # A mention of an article inside a sentence is not a new article.
    assert "l'article 4 bis" in structure["articles"][1]["body"]
    assert structure["preamble"] == "Projet de loi relatif aux associations"
    assert sections(consultation) == []
    assert count(DocumentVersion) == 0


def test_import_draft_stores_the_sections_in_the_consultation(runner, make, french_file):
    consultation = make.consultation(phase="draft", languages=())

    result = runner.invoke(
        args=[
            "import-draft",
            str(french_file),
            "--lang",
            "fr",
            "--consultation",
            str(consultation.id),
        ]
    )

    assert result.exit_code == 0, result.output
    stored = sections(consultation)
    assert [(s.kind, s.slug) for s in stored] == [
        ("chapter", "chapter-1"),
        ("article", "1"),
        ("article", "2"),
        ("chapter", "chapter-2"),
        ("article", "3"),
        ("article", "4-bis"),
    ]
    assert stored[1].body == {"fr": "Toute personne peut fonder une association."}
    assert stored[3].heading == {"fr": "Du financement"}
    assert f"Stored 4 articles (fr) in consultation {consultation.id}." in result.output


def test_import_draft_reads_arabic_ordinals_as_numbers(runner, tmp_path):
    path = tmp_path / "mashrou.txt"
    path.write_text(ARABIC_DRAFT, encoding="utf-8")

    result = runner.invoke(args=["import-draft", str(path), "--lang", "ar", "--dry-run"])

    assert result.exit_code == 0, result.output
    structure = json.loads(result.stdout)
    assert [a["number"] for a in structure["articles"]] == ["1", "2", "3"]
    assert structure["articles"][2]["body"] == "تمسك الجمعيات محاسبة."
    assert structure["chapters"][0]["heading"] == "أحكام عامة"


def test_import_draft_without_a_consultation_is_a_usage_error(runner, french_file):
    result = runner.invoke(args=["import-draft", str(french_file), "--lang", "fr"])

    assert result.exit_code == 2
    assert "--consultation ID is needed" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert count(Section) == 0


def test_import_draft_into_an_open_consultation_is_refused(app, runner, make, french_file):
    consultation = make.consultation(phase="open")
    before = [(s.slug, s.body) for s in sections(consultation)]

    result = runner.invoke(
        args=[
            "import-draft",
            str(french_file),
            "--lang",
            "fr",
            "--consultation",
            str(consultation.id),
        ]
    )

    assert result.exit_code == 1
    message = shown(
        "The draft cannot change once the consultation has opened.",
        app.config["BABEL_DEFAULT_LOCALE"],
    )
    assert f"Error: {message}" in result.output
    assert "Traceback" not in result.output
    assert [(s.slug, s.body) for s in sections(consultation)] == before


def test_import_draft_of_an_unreadable_file_says_why(runner, tmp_path):
    path = tmp_path / "projet.pdf"
    path.write_bytes(b"%PDF-1.7\n")

    result = runner.invoke(args=["import-draft", str(path), "--lang", "fr", "--dry-run"])

    assert result.exit_code == 1
    assert "unsupported_type" in result.output


# --- create-admin -----------------------------------------------------------------------------


def test_create_admin_creates_an_administrator_who_can_sign_in(runner):
    result = runner.invoke(
        args=[
            "create-admin",
            "--email",
            "Admin@Example.org",
            "--name",
            "Nadia Admin",
            "--password",
            "a long enough secret",
        ]
    )

    assert result.exit_code == 0, result.output
    assert "admin@example.org is an administrator." in result.output
    db.session.rollback()
    admin = db.session.scalars(select(User)).one()
    assert (admin.email, admin.display_name, admin.is_admin) == (
        "admin@example.org",
        "Nadia Admin",
        True,
    )
    assert admin.check_password("a long enough secret")


def test_create_admin_promotes_an_existing_account_and_keeps_its_password(runner, make):
    citizen = make.user(email="leila@example.org", name="Leila")

    result = runner.invoke(
        args=[
            "create-admin",
            "--email",
            "LEILA@example.org",
            "--name",
            "Autre nom",
            "--password",
            "another long secret",
        ]
    )

    assert result.exit_code == 0, result.output
    db.session.rollback()
    assert count(User) == 1
    assert citizen.is_admin
    assert citizen.display_name == "Leila"
    assert citizen.check_password(PASSWORD)


def test_create_admin_refuses_a_short_password(runner):
    result = runner.invoke(
        args=[
            "create-admin",
            "--email",
            "admin@example.org",
            "--name",
            "Admin",
            "--password",
            "short",
        ]
    )

    assert result.exit_code == 2
    assert "at least 10 characters" in result.output
    assert "Traceback" not in result.output
    assert count(User) == 0


# --- seed-demo --------------------------------------------------------------------------------


@pytest.mark.slow
def test_seed_demo_creates_the_demo_once(runner):
    def totals():
        return count(Institution), count(Consultation), count(Comment), count(User)

    first = runner.invoke(args=["seed-demo"])

    assert first.exit_code == 0, first.output
    assert "Demo data created." in first.output
    after_first = totals()
    institutions, consultations, comments, users = after_first
    assert (institutions, consultations) == (1, 2)
    assert comments > 0 and users > 1

    second = runner.invoke(args=["seed-demo"])

    assert second.exit_code == 0, second.output
    assert "Demo data already present: nothing to do." in second.output
    assert totals() == after_first
