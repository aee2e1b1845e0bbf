"""Journey 2 with the keyboard only (Tab, Shift+Tab, Enter, Space and typing), focus always
visible: sign up, comment in Arabic, reply, vote."""

import pytest
from playwright.sync_api import expect

from .support import LOCALES, link_in_mail, press_and_wait, tab_to
from .test_journeys import ARABIC_COMMENT, ARABIC_REPLY, agree_count, stored_contributions

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("locale", LOCALES)
def test_citizen_takes_part_with_the_keyboard_only(contexts, shots, demo, outbox, locale):
    page = contexts.new(locale)
    keys = page.keyboard
    page.goto("/")

    # The first Tab shows the skip link; Enter takes focus to the content.
    keys.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["y"] >= 0, "the skip link stays off screen when focused"
    shots(page, "skip-link", full_page=False)
    keys.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    tab_to(page, '.main-nav a[href="/signup"]')
    shots(page, "focus-on-create-account", full_page=False)
    press_and_wait(page)
    email = f"keyboard-{locale}@example.org"
    tab_to(page, "#email")
    keys.type(email)
    tab_to(page, "#display_name")
    keys.type(f"Clavier {locale}")
    tab_to(page, "#password")
    keys.type("typed with the keyboard")
    tab_to(page, "#password_again")
    keys.type("typed with the keyboard")
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)  # consent forgotten: the error summary takes the focus
    expect(page.locator("#form-errors")).to_be_focused()
    shots(page, "consent-forgotten", full_page=False)
    tab_to(page, "#password")
    keys.type("typed with the keyboard")
    tab_to(page, "#password_again")
    keys.type("typed with the keyboard")
    tab_to(page, "#consent")
    keys.press("Space")
    expect(page.locator("#consent")).to_be_checked()
    shots(page, "consent-ticked", full_page=False)
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    expect(page.locator("main [role=status]")).to_contain_text(email)
    page.goto(link_in_mail(outbox, email))  # opened from the confirmation e-mail
    expect(page.locator(".flash-success")).to_be_visible()

    tab_to(page, f'.cards a[href="/consultations/{demo.open_id}"]')
    press_and_wait(page)
    tab_to(page, f'.toc a[href="/consultations/{demo.open_id}/articles/{demo.article_slug}"]')
    shots(page, "focus-in-contents", full_page=False)
    press_and_wait(page)
    tab_to(page, "#body")
    keys.type(ARABIC_COMMENT)
    tab_to(page, ".comment-form-box button[type=submit]")
    press_and_wait(page)
    expect(page.locator(".flash-success")).to_be_visible()

    reply = f"#comment-{demo.reply_to_id} > article a.action[href$='/reply']"
    tab_to(page, reply)
    shots(page, "focus-on-reply", full_page=False)
    press_and_wait(page)
    tab_to(page, "#body")
    keys.type(ARABIC_REPLY)
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page)
    expect(page.locator(".flash-success")).to_be_visible()

    before = agree_count(demo)
    agree = page.locator(f"#comment-{demo.reply_to_id} > article button.vote-agree")
    tab_to(page, f"#comment-{demo.reply_to_id} > article button.vote-agree")
    keys.press("Space")
    expect(agree).to_have_attribute("aria-pressed", "true")
    expect(agree).to_be_focused()  # sent in the background: the focus stays on the button
    shots(page, "voted", full_page=False)
    assert agree_count(demo) == before + 1

    stored = stored_contributions(demo, email)
    assert [(c["body"], c["reply_to"], c["lang"]) for c in stored["comments"]] == [
        (ARABIC_COMMENT, None, "ar"),
        (ARABIC_REPLY, "the chosen comment", "ar"),
    ]
    assert stored["votes"] == [("the chosen comment", "agree")]
