"""The officials' workspace: authoring consultations, importing drafts, running the lifecycle."""

import html
import io
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from xml.sax.saxutils import escape

import pytest
from flask import current_app, g
from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from consult.audit import AuditEvent
from consult.consultations.messages import STATE_ERRORS
from consult.consultations.models import Consultation, DocumentVersion, Phase, Section, Status
from consult.extensions import db
from consult.i18n import FORMAT_LOCALES

from .conftest import FROZEN_AT

FRENCH_DRAFT = """\
Projet de loi n° 12.34 relatif à l'accès aux données publiques

Chapitre premier
Dispositions générales

Article premier
La présente loi fixe les conditions d'accès aux données publiques.

Article 2
Les administrations publient leurs données dans un format ouvert.

Article 2 bis
Les données personnelles sont exclues, sous réserve de l'article 3 ci-après.

Article 3
Un décret fixe les modalités d'application de la présente loi.
"""

ARABIC_DRAFT = """\
مشروع قانون رقم 12.34 يتعلق بالحق في الوصول إلى المعطيات العمومية

الفصل الأول
أحكام عامة

المادة الأولى
يحدد هذا القانون شروط الوصول إلى المعطيات العمومية.

المادة 2
تنشر الإدارات معطياتها في صيغة مفتوحة.

المادة 2 مكرر
تستثنى المعطيات الشخصية مع مراعاة أحكام المادة 3 بعده.

المادة الثالثة
يحدد مرسوم كيفيات تطبيق هذا القانون.
"""


# --- Helpers ----------------------------------------------------------------------------------


def page(response) -> str:
    """The page as a reader sees its text (entities such as &#39; decoded)."""
    return html.unescape(response.get_data(as_text=True))


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


def actions_on(target) -> list[str]:
    committed()
    return list(
        db.session.scalars(
            select(AuditEvent.action)
            .where(
                AuditEvent.target_type == type(target).__tablename__,
                AuditEvent.target_id == target.id,
            )
            .order_by(AuditEvent.id)
        )
    )


def sections(consultation) -> list[Section]:
    committed()
    return list(
        db.session.scalars(
            select(Section)
            .where(Section.consultation_id == consultation.id)
            .order_by(Section.position)
        )
    )


class FormReader(HTMLParser):
    """The fields a browser would send from a form: inputs, textareas, selected options."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "textarea":
            self._textarea, self._text = attrs.get("name"), []
        elif tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value") or ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # HTML drops one newline right after <textarea>.
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_fields(response, opening: str) -> list[tuple[str, str]]:
    """The fields of the first form whose tag starts with `opening`, as a browser sends them."""
    body = response.get_data(as_text=True)
    start = body.index(opening)
    reader = FormReader()
    reader.feed(body[start : body.index("</form>", start)])
    return reader.fields


def preview_fields(response) -> list[tuple[str, str]]:
    """The preview's fields, in order, as the official's browser would send them."""
    fields = form_fields(response, '<form method="post" action="/manage/consultations/')
    return [(name, value) for name, value in fields if name != "csrf_token"]


def preview_rows(response) -> list[dict[str, str]]:
    rows, current = [], None
    for name, value in preview_fields(response):
        if name == "kind":
            current = {"kind": value}
            rows.append(current)
        elif current is not None and name in ("number", "heading", "body"):
            current[name] = value
    return rows


def docx(paragraphs: list[str]) -> bytes:
    """A minimal Word document with one paragraph per string."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def consultation_form(**overrides) -> MultiDict:
    fields = {
        "title_fr": "Projet de loi sur l'accès aux données",
        "title_ar": "مشروع قانون الحق في الوصول إلى المعطيات",
        "title_zgh": "",
        "summary_fr": "Un projet pour ouvrir les données publiques.",
        "summary_ar": "",
        "summary_zgh": "",
        "kind": "framework",
        "scope": "region",
        "scope_area": "souss-massa",
        "audience": "organisations",
        "themes": ["digital", "governance"],
        "opens_at": "2026-06-01T10:00",
        "closes_at": "2026-07-15T18:30",
    }
    fields.update(overrides)
    data = MultiDict()
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            data.add(name, item)
    return data


@pytest.fixture
def ministry(make):
    return make.institution(name={"fr": "Ministère de la Transition numérique", "ar": "وزارة"})


@pytest.fixture
def official(make, login_as, ministry):
    return login_as(make.official(ministry))


def paste(client, consultation, text: str, language: str = "fr"):
    return client.post(
        f"/manage/consultations/{consultation.id}/draft",
        data={"language": language, "text": text},
    )


# --- Who may enter ----------------------------------------------------------------------------


def test_dashboard_lists_only_the_consultations_of_the_officials_institution(
    client, make, official, ministry
):
    make.consultation(institution=ministry, title={"fr": "Loi sur les archives"})
    make.consultation(institution=ministry, phase="draft", title={"fr": "Stratégie numérique"})
    make.consultation(title={"fr": "Code de la route d'un autre ministère"})

    response = client.get("/manage/")

    assert response.status_code == 200
    text = page(response)
    assert "Loi sur les archives" in text
    assert "Stratégie numérique" in text
    assert "Code de la route" not in text


def test_citizen_is_refused_the_workspace(client, make, login_as):
    login_as(make.user())

    assert client.get("/manage/").status_code == 403
    assert client.get("/manage/consultations/new").status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/manage/consultations/new")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    assert "next=" in response.headers["Location"]


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/manage/consultations/{id}/edit"),
        ("post", "/manage/consultations/{id}/edit"),
        ("get", "/manage/consultations/{id}/draft"),
        ("post", "/manage/consultations/{id}/draft"),
        ("post", "/manage/consultations/{id}/draft/save"),
        ("post", "/manage/consultations/{id}/schedule"),
        ("post", "/manage/consultations/{id}/unschedule"),
    ],
)
def test_official_of_another_institution_cannot_touch_a_consultation(
    client, make, official, method, path
):
    theirs = make.consultation(phase="draft")
    before = (theirs.title, theirs.status, [s.id for s in sections(theirs)])

    form = (
        consultation_form()
        if path.endswith("/edit")
        else {
            "language": "fr",
            "text": FRENCH_DRAFT,
            "kind": "article",
            "number": "9",
            "heading": "",
            "body": "Intrus.",
        }
    )
    response = getattr(client, method)(path.format(id=theirs.id), data=form)

    assert response.status_code == 403
    committed()
    assert (theirs.title, theirs.status, [s.id for s in sections(theirs)]) == before
    assert actions_on(theirs) == [
        "consultation.create",
        "consultation.store_draft",
        "consultation.store_draft",
    ]


# --- Creating and editing ---------------------------------------------------------------------


def test_consultation_without_any_title_is_refused_and_keeps_what_was_typed(client, official):
    form = consultation_form(title_fr="  ", title_ar="", summary_fr="Mon résumé soigneusement tapé")

    response = client.post("/manage/consultations/new", data=form)

    assert response.status_code == 400
    text = page(response)
    assert shown("Give a title in at least one language.") in text
    assert "Mon résumé soigneusement tapé" in text
    assert 'value="2026-06-01T10:00"' in text
    assert db.session.scalar(select(func.count()).select_from(Consultation)) == 0


def test_consultation_closing_before_it_opens_is_refused(client, official):
    form = consultation_form(opens_at="2026-06-01T10:00", closes_at="2026-05-01T10:00")

    response = client.post("/manage/consultations/new", data=form)

    assert response.status_code == 400
    assert shown("The closing date must come after the opening date.") in page(response)
    committed()
    assert db.session.scalar(select(func.count()).select_from(Consultation)) == 0


def test_new_consultation_is_stored_as_a_draft_with_its_choices(client, official, ministry):
    response = client.post("/manage/consultations/new", data=consultation_form())

    committed()
    consultation = db.session.scalars(select(Consultation)).one()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/manage/consultations/{consultation.id}/draft"
    assert consultation.institution_id == ministry.id
    assert consultation.created_by_id == official.id
    assert consultation.status == Status.DRAFT
    assert consultation.title == {
        "fr": "Projet de loi sur l'accès aux données",
        "ar": "مشروع قانون الحق في الوصول إلى المعطيات",
    }
    assert consultation.summary == {"fr": "Un projet pour ouvrir les données publiques."}
    assert (consultation.kind, consultation.scope, consultation.scope_area) == (
        "framework",
        "region",
        "souss-massa",
    )
    assert consultation.audience == "organisations"
    assert consultation.theme_slugs == ["digital", "governance"]
    assert actions_on(consultation) == ["consultation.create"]


def test_dates_typed_in_morocco_time_are_stored_in_utc_and_shown_back_in_morocco_time(
    client, official
):
    # In June Morocco is on UTC+1 (it returns to UTC+0 only during Ramadan).
    client.post(
        "/manage/consultations/new",
        data=consultation_form(opens_at="2026-06-01T10:00", closes_at="2026-07-15T18:30"),
    )

    committed()
    consultation = db.session.scalars(select(Consultation)).one()
    assert consultation.opens_at == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert consultation.closes_at == datetime(2026, 7, 15, 17, 30, tzinfo=UTC)
    edit_page = client.get(f"/manage/consultations/{consultation.id}/edit")
    form = dict(form_fields(edit_page, '<form method="post" novalidate>'))
    assert (form["opens_at"], form["closes_at"]) == ("2026-06-01T10:00", "2026-07-15T18:30")


def test_official_edits_the_details_of_a_consultation(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="draft")

    response = client.post(
        f"/manage/consultations/{consultation.id}/edit",
        data=consultation_form(
            title_fr="Titre corrigé",
            title_ar="",
            kind="strategy",
            scope="national",
            scope_area="",
            audience="everyone",
            themes=["youth"],
        ),
    )

    assert response.status_code == 302
    committed()
    assert consultation.title == {"fr": "Titre corrigé"}
    assert (consultation.kind, consultation.scope, consultation.scope_area) == (
        "strategy",
        "national",
        None,
    )
    assert consultation.audience == "everyone"
    assert consultation.theme_slugs == ["youth"]
    assert actions_on(consultation)[-1] == "consultation.update"
    assert "Titre corrigé" in page(client.get("/manage/"))


def test_open_consultation_opened_early_keeps_its_opening_time_when_edited(
    client, make, official, ministry, frozen_clock
):
    consultation = make.consultation(institution=ministry, phase="upcoming")
    # Officials press "open now" at any second; the form only shows minutes.
    frozen_clock.advance(seconds=37, microseconds=250)
    client.post(f"/manage/consultations/{consultation.id}/open")
    committed()
    opened_at = consultation.opens_at
    form = MultiDict(
        form_fields(
            client.get(f"/manage/consultations/{consultation.id}/edit"),
            '<form method="post" novalidate>',
        )
    )
    form["summary_fr"] = "Résumé complété pendant la consultation."

    response = client.post(f"/manage/consultations/{consultation.id}/edit", data=form)

    assert response.status_code == 302
    committed()
    assert consultation.summary["fr"] == "Résumé complété pendant la consultation."
    assert consultation.opens_at == opened_at


def test_opening_date_of_an_open_consultation_cannot_change(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="open")
    opens_at = consultation.opens_at

    response = client.post(
        f"/manage/consultations/{consultation.id}/edit",
        data=consultation_form(opens_at="2026-03-01T10:00", closes_at="2026-05-01T10:00"),
    )

    assert response.status_code == 409
    assert shown("The opening date of an open consultation cannot change.") in page(response)
    committed()
    assert consultation.opens_at == opens_at


def test_closed_consultation_cannot_be_edited(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="closed")
    title = dict(consultation.title)

    response = client.post(
        f"/manage/consultations/{consultation.id}/edit",
        data=consultation_form(
            opens_at="2026-01-01T10:00", closes_at="2026-02-01T10:00", title_fr="Trop tard"
        ),
    )

    assert response.status_code == 409
    assert shown("A closed consultation can no longer be edited.") in page(response)
    committed()
    assert consultation.title == title
    assert "consultation.update" not in actions_on(consultation)


# --- The draft text ---------------------------------------------------------------------------


def test_pasted_draft_is_previewed_with_its_articles_in_editable_fields(
    client, make, official, ministry
):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())

    response = paste(client, consultation, FRENCH_DRAFT)

    assert response.status_code == 200
    rows = preview_rows(response)
    assert [(row["kind"], row["number"]) for row in rows] == [
        ("chapter", "1"),
        ("article", "1"),
        ("article", "2"),
        ("article", "2 bis"),
        ("article", "3"),
    ]
    assert rows[0]["heading"] == "Dispositions générales"
    # "l'article 3" inside a sentence stays in the text of article 2 bis.
    assert "sous réserve de l'article 3 ci-après" in rows[3]["body"]
    assert shown("%(num)s article found.", plural="%(num)s articles found.", num=4) in page(
        response
    )
    assert sections(consultation) == []  # nothing is stored before the official confirms


def test_draft_is_saved_as_corrected_in_the_preview(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())
    fields = preview_fields(paste(client, consultation, FRENCH_DRAFT))
    headings = [i for i, (name, _) in enumerate(fields) if name == "heading"]
    fields[headings[2]] = ("heading", "Publication des données")  # article 2
    fields.append(("remove", "4"))  # article 3

    response = client.post(
        f"/manage/consultations/{consultation.id}/draft/save", data=MultiDict(fields)
    )

    assert response.status_code == 302
    stored = sections(consultation)
    assert [(s.kind, s.number, s.slug) for s in stored] == [
        ("chapter", "1", "chapter-1"),
        ("article", "1", "1"),
        ("article", "2", "2"),
        ("article", "2 bis", "2-bis"),
    ]
    assert stored[0].heading == {"fr": "Dispositions générales"}
    assert stored[2].heading == {"fr": "Publication des données"}
    assert stored[1].body == {
        "fr": "La présente loi fixe les conditions d'accès aux données publiques."
    }
    version = db.session.scalars(select(DocumentVersion)).one()
    assert version.preamble == {
        "fr": "Projet de loi n° 12.34 relatif à l'accès aux données publiques"
    }
    assert actions_on(consultation)[-1] == "consultation.store_draft"
    assert shown("The text is saved.") in page(client.get(response.headers["Location"]))


def test_arabic_text_with_the_same_numbers_becomes_the_arabic_version_of_the_articles(
    client, make, official, ministry
):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())
    client.post(
        f"/manage/consultations/{consultation.id}/draft/save",
        data=MultiDict(preview_fields(paste(client, consultation, FRENCH_DRAFT))),
    )
    french = {s.slug: s.id for s in sections(consultation)}

    preview = paste(client, consultation, ARABIC_DRAFT, language="ar")
    assert [row["number"] for row in preview_rows(preview)] == ["1", "1", "2", "2 bis", "3"]
    response = client.post(
        f"/manage/consultations/{consultation.id}/draft/save",
        data=MultiDict(preview_fields(preview)),
    )

    assert response.status_code == 302
    stored = sections(consultation)
    assert {s.slug: s.id for s in stored} == french
    assert all(set(s.body) == {"fr", "ar"} for s in stored if s.is_article)
    by_slug = {s.slug: s for s in stored}
    assert by_slug["1"].body["ar"] == "يحدد هذا القانون شروط الوصول إلى المعطيات العمومية."
    assert by_slug["2-bis"].body["ar"].startswith("تستثنى المعطيات الشخصية")
    assert by_slug["chapter-1"].heading == {"fr": "Dispositions générales", "ar": "أحكام عامة"}
    version = db.session.scalars(select(DocumentVersion)).one()
    assert set(version.preamble) == {"fr", "ar"}


def test_uploaded_word_document_is_split_into_articles(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())
    document = docx([line for line in FRENCH_DRAFT.splitlines() if line])

    response = client.post(
        f"/manage/consultations/{consultation.id}/draft",
        data={"language": "fr", "text": "", "document": (io.BytesIO(document), "projet.docx")},
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    rows = preview_rows(response)
    assert [row["number"] for row in rows if row["kind"] == "article"] == ["1", "2", "2 bis", "3"]
    assert rows[-1]["body"] == "Un décret fixe les modalités d'application de la présente loi."


def test_unsupported_file_is_refused_with_a_message(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())

    response = client.post(
        f"/manage/consultations/{consultation.id}/draft",
        data={
            "language": "fr",
            "text": "",
            "document": (io.BytesIO(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "projet.pdf"),
        },
        content_type="multipart/form-data",
    )

    assert response.status_code == 400
    assert shown("This kind of file is not supported: use .txt, .md or .docx.") in page(response)


def test_empty_draft_form_asks_for_a_text(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())

    response = paste(client, consultation, "   ")

    assert response.status_code == 400
    assert shown("Paste the text or choose a file.") in page(response)


def test_duplicate_article_numbers_are_reported_and_cannot_be_saved(
    client, make, official, ministry
):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())
    duplicated = FRENCH_DRAFT.replace("Article 2 bis", "Article 2")

    preview = paste(client, consultation, duplicated)
    message = shown("The number %(number)s is used twice.", number="2")
    assert message in page(preview)

    response = client.post(
        f"/manage/consultations/{consultation.id}/draft/save",
        data=MultiDict(preview_fields(preview)),
    )

    assert response.status_code == 400
    assert message in page(response)
    assert sections(consultation) == []


def test_draft_cannot_change_once_the_consultation_is_open(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="open")
    before = [(s.slug, s.body) for s in sections(consultation)]
    message = shown("The draft cannot change once the consultation has opened.")

    page_of_text = client.get(f"/manage/consultations/{consultation.id}/draft")
    # A page opened earlier may still send a new text, then its corrected split.
    new_text = paste(client, consultation, FRENCH_DRAFT)
    response = client.post(
        f"/manage/consultations/{consultation.id}/draft/save",
        data={
            "language": "fr",
            "preamble": "",
            "kind": "article",
            "number": "1",
            "heading": "",
            "body": "Texte modifié après l'ouverture.",
        },
    )

    assert message in page(page_of_text)
    assert 'name="text"' not in page(page_of_text)
    assert new_text.status_code == 409
    assert message in page(new_text)
    assert response.status_code == 409
    assert message in page(response)
    assert [(s.slug, s.body) for s in sections(consultation)] == before


# --- Lifecycle --------------------------------------------------------------------------------


def test_scheduling_needs_at_least_one_article(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="draft", languages=())

    response = client.post(f"/manage/consultations/{consultation.id}/schedule")

    assert response.status_code == 409
    assert shown("Add the draft text (at least one article) before scheduling.") in page(response)
    committed()
    assert consultation.status == Status.DRAFT
    assert actions_on(consultation) == ["consultation.create"]


def test_scheduled_consultation_is_upcoming_until_its_date(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="draft")

    response = client.post(f"/manage/consultations/{consultation.id}/schedule")

    assert response.status_code == 302
    committed()
    assert consultation.status == Status.SCHEDULED
    assert consultation.phase == Phase.UPCOMING
    assert actions_on(consultation)[-1] == "consultation.schedule"
    assert shown("The consultation is scheduled: it opens on its date.") in page(
        client.get("/manage/")
    )


def test_opening_early_opens_the_consultation_now(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="upcoming")

    response = client.post(f"/manage/consultations/{consultation.id}/open")

    assert response.status_code == 302
    committed()
    assert consultation.opens_at == FROZEN_AT
    assert consultation.phase == Phase.OPEN
    assert actions_on(consultation)[-1] == "consultation.open_early"


def test_closing_early_ends_the_consultation_and_stops_comments(
    client, make, official, ministry, login_as
):
    consultation = make.consultation(institution=ministry, phase="open")

    response = client.post(f"/manage/consultations/{consultation.id}/close")

    assert response.status_code == 302
    committed()
    assert consultation.closes_at == FROZEN_AT
    assert consultation.phase == Phase.CLOSED
    assert actions_on(consultation)[-1] == "consultation.close_early"

    login_as(make.user())
    article = f"/consultations/{consultation.id}/articles/1"
    refusal = shown("This consultation is closed: it no longer accepts comments or votes.")
    assert refusal in page(client.get(article))
    posted = client.post(
        f"/consultations/{consultation.id}/comments",
        data={"section": "1", "body": "Un avis arrivé après la clôture."},
    )
    assert posted.status_code == 403
    assert refusal in page(posted)
    committed()
    assert consultation.comment_count == 0


def test_back_to_draft_returns_an_upcoming_consultation_to_draft(client, make, official, ministry):
    consultation = make.consultation(institution=ministry, phase="upcoming")

    response = client.post(f"/manage/consultations/{consultation.id}/unschedule")

    assert response.status_code == 302
    committed()
    assert consultation.status == Status.DRAFT
    assert actions_on(consultation)[-1] == "consultation.unschedule"


@pytest.mark.parametrize(
    "phase, action, message",
    [
        ("draft", "close", STATE_ERRORS["only_open_can_close"]),
        ("draft", "open", STATE_ERRORS["only_upcoming_can_open"]),
        ("draft", "unschedule", STATE_ERRORS["only_upcoming_can_return_to_draft"]),
        ("upcoming", "schedule", STATE_ERRORS["only_draft_can_be_scheduled"]),
        ("open", "open", STATE_ERRORS["only_upcoming_can_open"]),
        ("open", "unschedule", STATE_ERRORS["only_upcoming_can_return_to_draft"]),
        ("closed", "close", STATE_ERRORS["only_open_can_close"]),
    ],
)
def test_impossible_lifecycle_step_is_refused_with_a_message(
    client, make, official, ministry, phase, action, message
):
    consultation = make.consultation(institution=ministry, phase=phase)
    before = (consultation.status, consultation.opens_at, consultation.closes_at)
    trail = actions_on(consultation)

    response = client.post(f"/manage/consultations/{consultation.id}/{action}")

    assert response.status_code == 409
    assert shown(message) in page(response)
    committed()
    assert (consultation.status, consultation.opens_at, consultation.closes_at) == before
    assert actions_on(consultation) == trail


def test_lifecycle_button_works_with_csrf_protection_on(app, client, make, official, ministry):
    app.config["WTF_CSRF_ENABLED"] = True
    consultation = make.consultation(institution=ministry, phase="draft")

    forged = client.post(f"/manage/consultations/{consultation.id}/schedule")
    committed()
    assert forged.status_code == 400
    assert consultation.status == Status.DRAFT

    dashboard = client.get("/manage/")
    token = dict(form_fields(dashboard, '<form method="post" action="/manage/'))["csrf_token"]
    response = client.post(
        f"/manage/consultations/{consultation.id}/schedule", data={"csrf_token": token}
    )

    assert response.status_code == 302
    committed()
    assert consultation.status == Status.SCHEDULED
