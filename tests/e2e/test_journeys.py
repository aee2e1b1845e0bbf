"""Journeys 1 and 2 in each language: a visitor reads, a citizen signs up and takes part."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from .support import DIRECTIONS, LOCALES, link_in_mail, submit, switch_language, translate

pytestmark = pytest.mark.e2e

#: The language each journey switches to.
SWITCH_TO = {"ar": "fr", "fr": "zgh", "zgh": "ar"}


def open_article(page, demo, slug: str) -> None:
    """From the list of consultations to an article, through the links a reader follows."""
    page.locator(f'.cards a[href="/consultations/{demo.open_id}"]').click()
    expect(page).to_have_url(f"/consultations/{demo.open_id}")
    page.locator(f'.toc a[href="/consultations/{demo.open_id}/articles/{slug}"]').click()
    expect(page).to_have_url(f"/consultations/{demo.open_id}/articles/{slug}")


@pytest.mark.parametrize("locale", LOCALES)
def test_visitor_reads_article_3_and_its_comments_then_switches_language(
    contexts, shots, demo, locale
):
    page = contexts.new(locale)
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", locale)
    expect(page.locator("html")).to_have_attribute("dir", DIRECTIONS[locale])
    shots(page, "home")

    page.locator(f'.cards a[href="/consultations/{demo.open_id}"]').click()
    expect(page.locator("h1")).to_be_visible()
    shots(page, "consultation")

    link = page.locator(f'.toc a[href$="/articles/{demo.article3_slug}"]')
    expect(link).to_contain_text(translate(demo.app, locale, "Article %(number)s", number="3"))
    link.click()
    article_url = f"/consultations/{demo.open_id}/articles/{demo.article3_slug}"
    expect(page).to_have_url(article_url)
    title = page.locator("#article-title")
    expect(title).to_contain_text(translate(demo.app, locale, "Article %(number)s", number="3"))
    expect(page.locator(".article-body p").first).to_be_visible()
    comments = page.locator("#comments li.comment")
    expect(comments.first).to_be_visible()
    comment_count = comments.count()
    shots(page, "article-3", full_page=True)

    other = SWITCH_TO[locale]
    switch_language(page, other)
    expect(page).to_have_url(article_url)
    expect(page.locator("html")).to_have_attribute("dir", DIRECTIONS[other])
    expect(title).to_contain_text(translate(demo.app, other, "Article %(number)s", number="3"))
    expect(page.locator("#comments-title")).to_have_text(
        translate(demo.app, other, "Comments on this article")
    )
    assert comments.count() == comment_count
    # The draft exists in Arabic and French: Tamazight readers see it in Arabic, and are told.
    body_lang = page.locator(".article-body").get_attribute("lang")
    assert body_lang == ("ar" if other == "zgh" else other)
    expect(page.locator(".draft-article .fallback-note")).to_have_count(1 if other == "zgh" else 0)
    shots(page, f"article-3-in-{other}", full_page=True)


ARABIC_COMMENT = "أقترح تحديد أجل أقصاه ثلاثون يوما لنشر التقرير التركيبي بعد إغلاق الاستشارة."
ARABIC_REPLY = "أتفق معكم، ويجب أن يشمل التقرير ردا على كل توصية."


def citizen_journey(page, shots, demo, outbox, email: str, javascript: bool) -> dict:
    """Sign up, confirm the address, comment in Arabic, reply, vote; return what the database
    then holds."""
    label = "js" if javascript else "no-js"
    page.goto("/")
    page.locator('.main-nav a[href="/signup"]').click()
    expect(page).to_have_url("/signup")
    page.fill("#email", email)
    page.fill("#display_name", f"Citoyen {label}")
    page.fill("#password", "a long enough password")
    page.fill("#password_again", "a long enough password")
    page.select_option("#region", index=3)
    shots(page, f"{label}-signup")
    submit(page)  # without the consent box ticked: refused, the reason tied to the box
    consent = page.locator("#consent")
    expect(consent).to_have_attribute("aria-invalid", "true")
    expect(consent).to_have_accessible_description(
        translate(demo.app, page.locator("html").get_attribute("lang"),
                  "Your consent is needed to create an account.")
    )  # fmt: skip
    shots(page, f"{label}-signup-consent-missing")
    page.fill("#password", "a long enough password")
    page.fill("#password_again", "a long enough password")
    consent.check()
    submit(page)
    expect(page.locator("main [role=status]")).to_contain_text(email)  # "check your mailbox"
    shots(page, f"{label}-check-your-mailbox")
    page.goto(link_in_mail(outbox, email))  # the link in the confirmation e-mail
    expect(page.locator(".flash-success")).to_be_visible()
    expect(page.locator(".main-nav")).to_contain_text(f"Citoyen {label}")
    shots(page, f"{label}-confirmed")

    open_article(page, demo, demo.article_slug)
    page.fill("#body", ARABIC_COMMENT)
    page.locator("input[name=stance][value=for]").check()
    shots(page, f"{label}-comment-typed")
    submit(page, ".comment-form-box form")
    expect(page.locator(".flash-success")).to_be_visible()
    # The server sends the author to their comment: #comment-<id>.
    mine = page.locator(f"#{page.url.split('#')[1]} > article")
    expect(mine.locator(".comment-body")).to_have_text(ARABIC_COMMENT)
    expect(mine.locator(".comment-body")).to_have_attribute("lang", "ar")
    expect(mine.locator(".comment-meta")).to_contain_text(f"Citoyen {label}")
    shots(page, f"{label}-commented")

    parent = page.locator(f"#comment-{demo.reply_to_id}")
    parent.locator(":scope > article a.action[href$='/reply']").click()
    expect(page).to_have_url(f"/comments/{demo.reply_to_id}/reply")
    page.fill("#body", ARABIC_REPLY)
    shots(page, f"{label}-reply-typed")
    submit(page)
    expect(page.locator(".flash-success")).to_be_visible()
    reply = page.locator(f"#{page.url.split('#')[1]}")
    expect(parent.locator(".replies").locator(reply)).to_be_visible()
    expect(reply.locator(".comment-body")).to_have_text(ARABIC_REPLY)
    shots(page, f"{label}-replied")

    agree = parent.locator(":scope > article button.vote-agree")
    before = int(agree.locator(".count").inner_text())
    if javascript:
        # enhance.js sends the vote in the background: same page, count updated in place.
        page.evaluate("window.stillTheSamePage = true")
        agree.click()
        expect(agree).to_have_attribute("aria-pressed", "true")
        expect(agree.locator(".count")).to_have_text(str(before + 1))
        assert page.evaluate("window.stillTheSamePage === true")
        expect(parent.locator("[role=status]").first).not_to_be_empty()
    else:
        with page.expect_navigation():
            agree.click()
        expect(page.locator(".flash-success")).to_be_visible()
        expect(agree).to_have_attribute("aria-pressed", "true")
        expect(agree.locator(".count")).to_have_text(str(before + 1))
    shots(page, f"{label}-voted")
    return stored_contributions(demo, email)


def stored_contributions(demo, email: str) -> dict:
    """The citizen's account, comments and votes as stored, without ids or times."""
    from consult.accounts.models import User
    from consult.comments.models import Comment, Vote
    from consult.consultations.models import Section
    from consult.extensions import db

    with demo.app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        comments = db.session.execute(
            select(Comment, Section.slug)
            .join(Section, Section.id == Comment.section_id)
            .where(Comment.author_id == user.id)
            .order_by(Comment.id)
        ).all()
        votes = db.session.scalars(select(Vote).where(Vote.user_id == user.id)).all()
        result = {
            "consented": user.consented_at is not None,
            "comments": [
                {
                    "article": section_slug,
                    "lang": c.lang,
                    "reply_to": (
                        "the chosen comment" if c.parent_id == demo.reply_to_id else c.parent_id
                    ),
                    "stance": c.stance,
                    "status": c.status.value,
                    "body": c.body_source,
                }
                for c, section_slug in comments
            ],
            "votes": [
                ("the chosen comment" if v.comment_id == demo.reply_to_id else v.comment_id,
                 v.value.value)
                for v in votes
            ],
        }  # fmt: skip
        db.session.remove()
    return result


def agree_count(demo) -> int:
    from consult.comments.models import Comment
    from consult.extensions import db

    with demo.app.app_context():
        count = db.session.get(Comment, demo.reply_to_id).agree_count
        db.session.remove()
    return count


@pytest.mark.parametrize("locale", LOCALES)
def test_citizen_signs_up_comments_in_arabic_replies_and_votes_with_and_without_javascript(
    contexts, shots, demo, outbox, locale
):
    stored = {}
    for javascript in (False, True):
        before = agree_count(demo)
        page = contexts.new(locale, javascript=javascript)
        email = f"e2e-{locale}-{'js' if javascript else 'nojs'}@example.org"
        stored[javascript] = citizen_journey(page, shots, demo, outbox, email, javascript)
        assert agree_count(demo) == before + 1
    expected = {
        "consented": True,
        "comments": [
            {"article": demo.article_slug, "lang": "ar", "reply_to": None, "stance": "for",
             "status": "visible", "body": ARABIC_COMMENT},
            {"article": demo.article_slug, "lang": "ar", "reply_to": "the chosen comment",
             "stance": None, "status": "visible", "body": ARABIC_REPLY},
        ],
        "votes": [("the chosen comment", "agree")],
    }  # fmt: skip
    assert stored[False] == expected
    assert stored[True] == stored[False]
