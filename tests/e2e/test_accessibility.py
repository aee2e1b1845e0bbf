"""Form errors are tied to their fields (aria-describedby) and announced (role=alert, focus)."""

import re

import pytest
from playwright.sync_api import expect

from .support import LOCALES, submit, translate

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("locale", LOCALES)
def test_sign_up_errors_are_tied_to_their_fields_and_announced(
    contexts, shots, demo, locale, javascript
):
    page = contexts.new(locale, javascript=javascript)
    page.goto("/signup")
    page.fill("#email", "not an address")
    submit(page)
    shots(page, "errors")

    summary = page.locator("#form-errors")
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text(
        translate(demo.app, locale, "Please correct the fields marked below.")
    )
    if javascript:  # focus on the summary: read out at once, and Tab goes on to the fields
        expect(summary).to_be_focused()

    expected = {
        "email": "Enter a valid e-mail address, like name@example.org.",
        "display_name": "Choose the name shown with your comments.",
        "password": "Choose a password.",
        "consent": "Your consent is needed to create an account.",
    }
    for field, message in expected.items():
        box = page.locator(f"#{field}")
        error = page.locator(f"#{field}-error")
        expect(box).to_have_attribute("aria-invalid", "true")
        expect(error).to_have_attribute("role", "alert")
        expect(error).to_have_text(translate(demo.app, locale, message))
        # The accessible description read with the field holds the error (and any help text).
        assert f"{field}-error" in box.get_attribute("aria-describedby").split()
        expect(box).to_have_accessible_description(
            re.compile(re.escape(translate(demo.app, locale, message)))
        )
    expect(page.locator("#email")).to_have_value("not an address")  # what was typed is kept
