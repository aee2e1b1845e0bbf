"""Journey 4 in each language: an official closes the consultation, runs the synthesis, merges
two themes, answers every recommendation and publishes the outcome; a visitor reads the report
and downloads the contributions as CSV.

Closing and publishing cannot be undone, and the session's shared database must keep its
consultation open for the other journeys. So each language gets **a database and a server of
its own**: a fresh demo database (the same demo and test accounts as the session's,
`conftest.build_demo`) served by its own gunicorn, where the official of that language closes
the demo's open consultation and takes it all the way to its published report. The three runs
are independent: nothing one language did is seen by the next. The synthesis and the open-data
files are made by background processes (`flask synthesise`, `flask opendata-export`), as in
production; the pages wait for them the way a person does, by reloading.
"""

import hashlib
import time

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from .conftest import build_demo, dispose, serve
from .support import LOCALES, Contexts, account, log_in, translate

pytestmark = pytest.mark.e2e

#: What the official writes, in the page's language (Tamazight in Tifinagh).
WRITTEN = {
    "ar": {
        "answer": "أخذت الوزارة بهذه التوصية في النص النهائي.",
        "summary": "شارك المواطنون والجمعيات بكثافة في هذه الاستشارة.",
        "next": "يحال النص النهائي على مجلس الحكومة.",
    },
    "fr": {
        "answer": "Le ministère a tenu compte de cette recommandation dans le texte final.",
        "summary": "Citoyens et associations ont largement pris part à cette consultation.",
        "next": "Le texte final est transmis au conseil de gouvernement.",
    },
    "zgh": {
        "answer": "ⵜⵓⵙⵎⴰⵍ ⵜⵎⵙⵙⵓⵔⵜ ⵜⵓⵙⵙⵏⴰ ⴰⴷ ⴳ ⵓⴹⵕⵉⵚ ⴰⵏⴳⵔⴰⵡ.",
        "summary": "ⴷⴷⴰⵏ ⵉⵏⴰⵎⵓⵔⵏ ⴷ ⵜⵎⵓⵏⴰ ⵙ ⵓⵟⵟⴰⵙ ⴳ ⵓⵙⵎⵙⴰⵡⴰⵍ ⴰⴷ.",
        "next": "ⴰⴹⵕⵉⵚ ⴰⵏⴳⵔⴰⵡ ⵉⵜⵜⵡⴰⵣⵏ ⵉ ⵓⵙⵇⵇⵉⵎ ⵏ ⵜⵏⴱⴰⴹⵜ.",
    },
}
#: The label of the field written in each language, as the forms name it.
IN_LANGUAGE = {"ar": "Arabic", "fr": "French", "zgh": "Tamazight"}
#: The answers given, in turn, to the recommendations.
OUTCOMES = ("Accepted", "Partly accepted", "Rejected", "Noted")
#: How long the background work may take on a loaded 2-core machine.
BACKGROUND_SECONDS = 90


@pytest.fixture
def own(request, browser, shots, tmp_path):
    """A fresh demo database and its own server for this test; browser contexts on it."""
    demo = build_demo(tmp_path / "db", opendata=tmp_path / "opendata", outcome=False)
    server = serve(demo, tmp_path / "server")
    url = next(server)
    contexts = Contexts(browser, url, shots)
    yield demo, contexts
    contexts.close_all()
    next(server, None)  # stops gunicorn
    dispose(demo)


def reload_until(page, locator, seconds: float = BACKGROUND_SECONDS) -> None:
    """Reload the page until `locator` is on it, as a person waiting for the server would."""
    deadline = time.monotonic() + seconds
    while locator.count() == 0:
        assert time.monotonic() < deadline, f"not there after {seconds} s: {locator}"
        time.sleep(2)
        page.reload()


@pytest.mark.parametrize("locale", LOCALES)
def test_official_closes_analyses_merges_answers_publishes_and_a_visitor_downloads_the_csv(
    own, shots, locale
):
    demo, contexts = own
    written = WRITTEN[locale]

    def say(msgid: str, **values) -> str:
        return translate(demo.app, locale, msgid, **values)

    consultation = f"/consultations/{demo.open_id}"
    workspace = f"/manage/consultations/{demo.open_id}/synthesis"

    # The official closes the open consultation from the ministry workspace.
    official = contexts.new(locale)
    log_in(official, account("official", locale))
    official.goto("/manage/")
    assert official.locator("html").get_attribute("lang") == locale
    row = official.get_by_role("row").filter(has=official.locator(f'a[href="{consultation}"]'))
    shots(official, "dashboard-open")
    with official.expect_navigation():
        row.get_by_role("button", name=say("Close now")).click()
    expect(official.locator(".flash-success")).to_be_visible()
    row = official.get_by_role("row").filter(has=official.locator(f'a[href="{consultation}"]'))
    expect(row.get_by_role("button", name=say("Close now"))).to_have_count(0)
    shots(official, "dashboard-closed")

    # It starts the analysis; the page refreshes itself until the results are in.
    row.get_by_role("link", name=say("Synthesis"), exact=True).click()
    expect(official.get_by_role("heading", level=1)).to_have_text(
        say("Synthesis of the contributions")
    )
    shots(official, "synthesis-before")
    with official.expect_navigation():
        official.get_by_role("button", name=say("Start the analysis")).click()
    expect(official.locator(".flash-success")).to_be_visible()
    shots(official, "synthesis-started")
    found = official.get_by_role("heading", name=say("What the last analysis found"))
    expect(found).to_be_visible(timeout=BACKGROUND_SECONDS * 1000)
    expect(official.locator("[role=alert]")).to_have_count(0)
    shots(official, "synthesis-done", full_page=True)
    with demo.app.app_context():
        from consult.extensions import db
        from consult.synthesis.models import SynthesisRun, Theme

        run = db.session.scalar(
            select(SynthesisRun).where(SynthesisRun.consultation_id == demo.open_id)
        )
        assert run.status.value == "done", run.error

        def live_themes() -> int:
            db.session.expire_all()
            return db.session.scalar(
                select(func.count(Theme.id)).where(
                    Theme.consultation_id == demo.open_id,
                    Theme.merged_into_id.is_(None),
                    Theme.deleted_at.is_(None),
                )
            )

        themes_before = live_themes()
    assert themes_before >= 2, "the analysis found fewer than two themes: nothing to merge"

    # It merges the largest theme into another one.
    official.get_by_role("navigation", name=say("Synthesis")).get_by_role(
        "link", name=say("Themes"), exact=True
    ).click()
    table = official.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(themes_before + 1)  # with the header row
    shots(official, "themes", full_page=True)
    table.locator(f'tbody a[href^="{workspace}/themes/"]').first.click()
    merged_title = official.get_by_role("heading", level=1).inner_text()
    official.get_by_text(say("Merge with another theme"), exact=True).click()
    into = official.get_by_label(say("Merge into"))
    into.select_option(index=0)
    into_title = into.locator("option:checked").inner_text()
    shots(official, "merge-chosen")
    with official.expect_navigation():
        official.get_by_role("button", name=say("Merge"), exact=True).click()
    expect(official.locator(".flash-success")).to_be_visible()
    expect(official.get_by_role("heading", level=1)).to_have_text(into_title)
    shots(official, "merged")
    with demo.app.app_context():
        assert live_themes() == themes_before - 1
    official.get_by_role("navigation", name=say("Synthesis")).get_by_role(
        "link", name=say("Themes"), exact=True
    ).click()
    expect(official.get_by_role("table").get_by_role("row")).to_have_count(themes_before)
    expect(official.get_by_role("table").get_by_role("link", name=merged_title)).to_have_count(0)

    # It answers every recommendation, each with an outcome and a justification in its language.
    official.get_by_role("link", name=say("Answers to recommendations")).click()
    official.get_by_role("link", name=say("Waiting for an answer")).click()
    shots(official, "recommendations-waiting", full_page=True)
    answered = 0
    waiting = official.locator(f'table a[href*="{workspace}/recommendations/"]')
    while waiting.count():
        assert answered < 50, "the list of recommendations waiting for an answer does not shrink"
        waiting.first.click()
        official.get_by_role(
            "radio", name=say(OUTCOMES[answered % len(OUTCOMES)]), exact=True
        ).check()
        official.get_by_label(say(f"Justification in {IN_LANGUAGE[locale]}")).fill(
            written["answer"]
        )
        if answered == 0:
            shots(official, "answer-typed", full_page=True)
        with official.expect_navigation():
            official.get_by_role("button", name=say("Save the answer")).click()
        expect(official.locator(".flash-success")).to_be_visible()
        answered += 1
    expect(official.get_by_text(say("Every recommendation has an answer."))).to_be_visible()
    shots(official, "recommendations-all-answered")
    with demo.app.app_context():
        from consult.recommendations.models import Recommendation
        from consult.synthesis.models import ANSWERABLE, Response

        answerable = db.session.scalars(
            select(Recommendation.id).where(
                Recommendation.consultation_id == demo.open_id,
                Recommendation.status.in_(ANSWERABLE),
                Recommendation.hidden_reason.is_(None),
            )
        ).all()
        answers = db.session.scalars(
            select(Response).where(Response.recommendation_id.in_(answerable))
        ).all()
        assert answered == len(answerable) > 0
        assert {a.justification.get(locale) for a in answers} == {written["answer"]}

    # It publishes the outcome, from the workspace's "Outcome report" page.
    official.goto("/manage/")
    row = official.get_by_role("row").filter(has=official.locator(f'a[href="{consultation}"]'))
    row.get_by_role("link", name=say("Outcome report")).click()
    official.get_by_label(say(f"Summary in {IN_LANGUAGE[locale]}")).fill(written["summary"])
    official.get_by_label(say(f"What happens next, in {IN_LANGUAGE[locale]}")).fill(written["next"])
    shots(official, "publish-typed", full_page=True)
    with official.expect_navigation():
        official.get_by_role("button", name=say("Publish"), exact=True).click()
    expect(official.locator(".flash-success")).to_be_visible()
    assert official.url.endswith(f"{consultation}/outcome/v1")
    shots(official, "published")

    # A visitor, reading in the same language, finds the report from the consultation's page.
    visitor = contexts.new(locale)
    visitor.goto(consultation)
    visitor.get_by_role("link", name=say("Read the outcome of the consultation")).click()
    assert visitor.locator("html").get_attribute("lang") == locale
    expect(visitor.get_by_role("heading", level=1)).to_have_text(say("Outcome of the consultation"))
    expect(visitor.get_by_text(written["summary"])).to_be_visible()
    expect(visitor.get_by_text(written["next"])).to_be_visible()
    recommendations = visitor.get_by_role("heading", name=say("Recommendations and answers"))
    expect(recommendations).to_be_visible()
    expect(visitor.get_by_text(written["answer"]).first).to_be_visible()
    shots(visitor, "report", full_page=True)

    # The open-data files are made in the background: the visitor reloads until they are there.
    csv_link = visitor.locator(
        f'a[href="{consultation}/outcome/v1/data/contributions.csv"][download]'
    )
    reload_until(visitor, csv_link)
    downloads = visitor.get_by_role("region", name=say("Open data"))
    csv_link.scroll_into_view_if_needed()
    shots(visitor, "open-data")
    expect(downloads.get_by_role("cell").filter(has_text="CSV").first).to_be_visible()
    with visitor.expect_download() as download_info:
        csv_link.click()
    download = download_info.value
    assert download.suggested_filename == f"consultation-{demo.open_id}-v1-contributions.csv"
    data = download.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "the CSV does not start with a UTF-8 byte order mark"
    lines = data[3:].decode("utf-8").splitlines()
    assert len(lines) > 10, f"the CSV has {len(lines)} lines"
    # The checksum shown next to the link is the file's.
    digest = hashlib.sha256(data).hexdigest()
    expect(csv_link.locator("xpath=ancestor::tr")).to_contain_text(digest)
