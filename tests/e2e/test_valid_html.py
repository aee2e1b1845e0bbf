"""Every main page, in every language, as the server sends it, passes the Nu HTML Checker.

Runs after test_main_pages.py (file order), whose pages it reuses when they were fetched.
"""

import json
import shutil
import subprocess

import pytest

from .pages import PAGES, main_page_html
from .support import LOCALES, VNU_JAR, unavailable

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def checked(tmp_path_factory, browser, base_url, demo, people):
    """The HTML of every page and language, checked in one run of the checker."""
    java = shutil.which("java")
    if not java:
        unavailable("Java is not installed (make test installs default-jre-headless as root)")
    if not VNU_JAR.exists():
        unavailable(f"vnu-jar is not installed in {VNU_JAR.parent} (make test installs it)")
    from .support import Contexts, Screenshots

    folder = tmp_path_factory.mktemp("html")
    contexts = Contexts(browser, base_url, Screenshots(folder / "unused"))
    files = {}
    try:
        for main_page in PAGES:
            for locale in LOCALES:
                html = main_page_html(contexts, people, demo, main_page.key, locale)
                path = folder / f"{main_page.key}-{locale}.html"
                path.write_text(html, encoding="utf-8")
                files[(main_page.key, locale)] = path
    finally:
        contexts.borrowed.clear()
        contexts.close_all()
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         *map(str, files.values())],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    by_file: dict[str, list[str]] = {}
    for m in messages:
        if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal":
            name = m.get("url", "").rsplit("/", 1)[-1]
            by_file.setdefault(name, []).append(
                f"line {m.get('lastLine', '?')}: {m['message']} «{m.get('extract', '').strip()}»"
            )
    return files, by_file


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", [p.key for p in PAGES])
def test_page_is_valid_html(checked, key, locale):
    files, errors = checked
    name = files[(key, locale)].name
    assert not errors.get(name), f"{name}:\n" + "\n".join(errors[name])
