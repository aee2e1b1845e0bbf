"""Every main page in every language, on a 360×740 phone and on a desktop: axe-core finds no
serious or critical violation, nothing scrolls sideways, everything can be tapped."""

import pytest

from .pages import PAGES, open_main_page
from .support import (
    AXE_JS,
    DESKTOP,
    LOCALES,
    axe_violations,
    describe,
    sideways_scroll,
    small_tap_targets,
    unavailable,
)

pytestmark = pytest.mark.e2e

BLOCKING = ("serious", "critical")
#: Pages whose desktop layout differs from the phone's (columns, sticky contents, tables):
#: axe runs on them at desktop width too.
WIDE_LAYOUTS = {"home", "consultation", "article", "article-signed-in", "manage-dashboard",
                "manage-text-of-open", "admin", "outcome-report"}  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    if not AXE_JS.exists():
        unavailable(f"axe-core is not installed in {AXE_JS.parent} (make test installs it)")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", [p.key for p in PAGES])
def test_main_page_is_accessible_and_fits_a_phone(contexts, people, demo, shots, key, locale):
    page, _ = open_main_page(contexts, people, demo, key, locale, mobile=True)
    shots(page, f"{key}-phone", full_page=True)
    problems = []
    title = page.title()
    if not title.strip() or "<" in title:
        problems.append(f"the page's title is not plain text: {title!r}")
    overflow = sideways_scroll(page)
    if overflow:
        problems.append(f"the page scrolls sideways by {overflow} px at 360 px")
    small = small_tap_targets(page)
    if small:
        problems.append("tap targets under 44 px:\n    " + "\n    ".join(small))
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    if blocking:
        problems.append("axe on a phone:\n" + describe(blocking))

    if key in WIDE_LAYOUTS:
        page.set_viewport_size(DESKTOP["viewport"])
        blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
        if blocking:
            shots(page, f"{key}-desktop")
            problems.append("axe on a desktop:\n" + describe(blocking))
    assert not problems, "\n".join(problems)
