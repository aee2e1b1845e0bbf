"""Helpers for the browser tests: people in browser contexts, screenshots, axe, the keyboard."""

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
E2E = Path(__file__).resolve().parent
NODE_MODULES = E2E / ".node" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = E2E / "screenshots"
#: Figures written by the budget test, to copy into README.md when they change.
RESULTS = E2E / "results"

CHROMIUM = os.environ.get("CONSULT_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCALES = ("ar", "fr", "zgh")
DIRECTIONS = {"ar": "rtl", "fr": "ltr", "zgh": "ltr"}
#: The demo's password (consult.demo.seed.DEMO_PASSWORD), given to the test accounts too.
PASSWORD = "demo-password-2026"


def account(role: str, locale: str) -> str:
    """E-mail of the test account of a role (citizen, official, admin) reading in `locale`."""
    return f"{role}-{locale}@e2e.example.org"


DESKTOP = {"viewport": {"width": 1280, "height": 900}}
#: A cheap phone: 360×740 CSS pixels, touch, the page's meta viewport honoured.
MOBILE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def unavailable(message: str):
    """Skip where the browser tools cannot be installed; under CI (CI=true) fail instead."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} — CI=true: the browser tests must run there, not be skipped")
    pytest.skip(message)


class Screenshots:
    """Numbered screenshots of a test's steps; on failure, every page the test opened."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0
        self.pages: list = []

    def watch(self, page) -> None:
        self.pages.append(page)

    def __call__(self, page, step: str, full_page: bool = False) -> Path:
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.count:02d}-{step}.png"
        # Show the page in its own fonts (font-display: swap paints the fallback first).
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=path, full_page=full_page)
        return path

    def failure_shots(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for index, page in enumerate(self.pages):
            if page.is_closed():
                continue
            try:
                page.screenshot(path=self.folder / f"failure-{index}.png", full_page=True)
                (self.folder / f"failure-{index}.html").write_text(page.content())
            except Exception as error:  # the page may be mid-navigation: note it and go on
                (self.folder / f"failure-{index}.txt").write_text(repr(error))


class Contexts:
    """Browser contexts, one per simulated person, each with an empty cache and no cookies.

    Every page is watched: a JavaScript error, a failed request for a page resource or a
    request that leaves the server under test fails the test when the contexts close.
    """

    def __init__(self, browser, base_url: str, shots: Screenshots):
        self.browser = browser
        self.base_url = base_url
        self.shots = shots
        self.opened: list = []
        self.borrowed: list = []
        self.problems: list[str] = []

    def new(self, locale: str = "fr", *, javascript: bool = True, mobile: bool = False, **options):
        context = self.browser.new_context(
            base_url=self.base_url,
            java_script_enabled=javascript,
            extra_http_headers={"Accept-Language": locale},
            **(MOBILE if mobile else DESKTOP),
            **options,
        )
        context.set_default_timeout(15_000)
        serve_axe(context)
        self.opened.append(context)
        page = context.new_page()
        self.watch(page)
        return page

    def page_in(self, context):
        """A new page in a context kept by the caller (the page is closed after the test)."""
        page = context.new_page()
        self.borrowed.append(page)
        self.watch(page)
        return page

    def watch(self, page) -> None:
        self.shots.watch(page)
        page.on("pageerror", lambda error: self.problems.append(f"JavaScript error: {error}"))
        page.on("console", self._check_console)
        page.on("request", self._check_request)
        page.on("response", self._check_response)

    def _check_request(self, request) -> None:
        if not request.url.startswith((self.base_url, "data:", "about:")):
            self.problems.append(f"request outside the platform: {request.url}")

    def _check_console(self, message) -> None:
        # What the Content Security Policy blocks (an inline script or style) is lost to users.
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"blocked by the CSP: {message.text}")

    def _check_response(self, response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.problems.append(f"{response.status} for {response.url}")

    def close_all(self) -> None:
        for page in self.borrowed:
            page.close()
        for context in self.opened:
            context.close()
        assert not self.problems, "\n".join(self.problems)


# --- people ---------------------------------------------------------------------------------


def submit(page, form_selector: str = "main form[method=post]"):
    """Click the (one) form's submit button and wait for the page the server answers with."""
    with page.expect_navigation():
        page.locator(form_selector).locator("button[type=submit]").click()


def link_in_mail(outbox: Path, to: str, path_part: str = "/confirm/") -> str:
    """The link in the newest message the server wrote to its outbox for `to`."""
    from email import message_from_bytes, policy

    messages = []
    for path in sorted(outbox.glob("*.eml")):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        if message["To"] == to:
            messages.append(message)
    assert messages, f"no e-mail to {to} in {outbox}"
    body = messages[-1].get_body(("plain",)).get_content()
    links = [w for w in body.split() if w.startswith("http") and path_part in w]
    assert links, f"no {path_part} link in the e-mail to {to}:\n{body}"
    return links[-1]


def log_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    submit(page)
    assert page.locator(".flash-success").count() == 1, "sign-in failed"


def switch_language(page, code: str) -> None:
    """Use the header's language switcher (a tiny POST form), as a reader would."""
    if page.locator("html").get_attribute("lang") == code:
        return
    with page.expect_navigation():
        page.locator(f'.lang-switch button[lang="{code}"]').click()
    assert page.locator("html").get_attribute("lang") == code


def translate(app, language: str, msgid: str, **values) -> str:
    """What the interface says for `msgid` in `language`, from the catalogues the server uses."""
    from flask_babel import gettext

    with app.test_request_context(f"/?lang={language}"):
        return gettext(msgid, **values)


# --- accessibility --------------------------------------------------------------------------

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary),
  }));
}"""


#: axe-core is served to the page from its own origin, so the app's Content Security Policy
#: (script-src 'self') lets it run without being switched off.
AXE_URL = "/__e2e__/axe.min.js"


def serve_axe(context) -> None:
    context.route(
        "**" + AXE_URL,
        lambda route: route.fulfill(path=str(AXE_JS), content_type="application/javascript"),
    )


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as shown now (needs JavaScript on in the context)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_URL)
    return page.evaluate(AXE_RUN)


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"[{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )


FOCUS_STATE = """selector => {
  const el = document.activeElement;
  if (!el || el === document.body) return {focused: false, matches: false};
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const box = el.getBoundingClientRect();
  return {
    focused: true,
    matches: el.matches(selector),
    ring: outline || style.boxShadow !== "none",
    visible: box.width > 0 && box.height > 0,
    what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + " " + (el.textContent || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 40),
  };
}"""


def tab_to(page, selector: str, *, limit: int = 300, backwards: bool = False) -> None:
    """Press Tab until the focused element matches; every stop must show a focus ring."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE, selector)
        if state["focused"]:
            assert state["visible"], f"focus went to an invisible element: {state['what']}"
            assert state["ring"], f"no visible focus ring on {state['what']}"
        if state["matches"]:
            return
    raise AssertionError(f"{selector} was not reached in {limit} presses of {key}")


def press_and_wait(page, key: str = "Enter") -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


# --- mobile ---------------------------------------------------------------------------------

#: Interactive elements in the page that are too small to tap, with their sizes. Links inside a
#: sentence are exempt (WCAG 2.5.5/2.5.8 "inline" exception); a checkbox or radio counts with
#: its label, which is part of its target.
SMALL_TARGETS = """minimum => {
  const small = [];
  const seen = new Set();
  for (const el of document.querySelectorAll(
      "a[href], button, input:not([type=hidden]), select, textarea, summary")) {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.closest(".visually-hidden, [hidden]")) continue;
    let box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (el.tagName === "A" && style.display === "inline") {
      const block = el.parentElement.closest("p, li, td, dd, label, blockquote")
        || el.parentElement;
      if (block.textContent.trim().length > el.textContent.trim().length + 2) continue;
    }
    if (el.type === "checkbox" || el.type === "radio") {
      const label = el.labels && el.labels[0];
      if (label) {
        const l = label.getBoundingClientRect();
        const top = Math.min(box.top, l.top), bottom = Math.max(box.bottom, l.bottom);
        const left = Math.min(box.left, l.left), right = Math.max(box.right, l.right);
        box = {width: right - left, height: bottom - top};
      }
    }
    if (box.width + 0.5 < minimum || box.height + 0.5 < minimum) {
      const cls = typeof el.className === "string" && el.className
        ? "." + el.className.split(" ")[0] : "";
      const text = (el.textContent || el.value || el.name || "").trim().replace(/\\s+/g, " ");
      const id = el.id ? "#" + el.id : "";
      const what = `${el.tagName.toLowerCase()}${id}${cls} «${text.slice(0, 30)}»`;
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      if (!seen.has(what + size)) { seen.add(what + size); small.push(`${what} ${size}`); }
    }
  }
  return small;
}"""


def small_tap_targets(page, minimum: int = 44) -> list[str]:
    return page.evaluate(SMALL_TARGETS, minimum)


def sideways_scroll(page) -> int:
    """How many CSS pixels the page is wider than the screen (0 when nothing scrolls sideways)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
