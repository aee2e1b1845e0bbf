"""The served font subsets draw every Arabic and Tifinagh character the platform shows.

The fonts in static/fonts/ are cut down to the Arabic and Tifinagh blocks (see
tools/subset_fonts.py). A character left out would be drawn by whatever the reader's system
has, or as a box on a phone without it; on the test machine Debian's own Noto fonts would
hide the gap in a screenshot. So the browser is asked which fonts it really used
(`CSS.getPlatformFontsForNode`): only the web fonts, never a system font.
"""

import unicodedata

import pytest

from .support import LOCALES, ROOT

pytestmark = pytest.mark.e2e

#: Where the interface and the demo content come from; their Arabic and Tifinagh text must be
#: covered even on pages these tests do not open.
SOURCES = [
    *sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po")),
    *sorted((ROOT / "consult" / "demo").glob("*.txt")),
    *sorted((ROOT / "consult" / "demo").glob("*.py")),
]
FACES = {
    # family, weight, the Unicode names of the characters it must draw start with this
    "arabic-400": ("Noto Naskh Arabic", 400, "ARABIC", "ar"),
    "arabic-700": ("Noto Naskh Arabic", 700, "ARABIC", "ar"),
    "tifinagh-400": ("Noto Sans Tifinagh", 400, "TIFINAGH", "zgh"),
}

#: The text of every visible text node, with the font family it is set in.
VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && node.data.trim() && parent.checkVisibility())
      out.push([getComputedStyle(parent).fontFamily, node.data]);
  }
  return out;
}"""

#: A paragraph in the face's language, weight and family, holding the given characters.
SAMPLE = """async ([id, lang, family, weight, text]) => {
  const p = document.createElement("p");
  p.id = id;
  p.lang = lang;
  p.style.fontWeight = String(weight);
  p.textContent = text;
  document.querySelector("main").append(p);
  await document.fonts.load(`${weight} 16px "${family}"`, text);
  await document.fonts.ready;
  return getComputedStyle(p).fontFamily;
}"""


def _characters(text: str, script: str) -> set[str]:
    return {ch for ch in text if unicodedata.name(ch, "").startswith(script)}


@pytest.fixture(scope="module")
def shown(browser, base_url, demo) -> dict[str, set[str]]:
    """Arabic and Tifinagh characters of the catalogues, the demo and the pages a reader opens
    first, in every language."""
    text = "".join(path.read_text(encoding="utf-8") for path in SOURCES)
    paths = ["/", f"/consultations/{demo.open_id}"]
    paths += [f"/consultations/{demo.open_id}/articles/{demo.busiest_slug}"]
    for locale in LOCALES:
        context = browser.new_context(extra_http_headers={"Accept-Language": locale})
        page = context.new_page()
        for path in paths:
            page.goto(base_url + path)
            text += "".join(data for _, data in page.evaluate(VISIBLE_TEXT))
        context.close()
    return {script: _characters(text, script) for script in ("ARABIC", "TIFINAGH")}


def platform_fonts(page, selector: str) -> list[dict]:
    """The fonts the browser drew an element's text with, and how many glyphs from each."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("face", FACES)
def test_the_served_font_draws_every_character_of_its_script(contexts, shots, shown, face):
    family, weight, script, lang = FACES[face]
    characters = "".join(sorted(shown[script]))
    assert len(characters) > 20, f"too few {script} characters found: {characters!r}"
    page = contexts.new("fr")
    page.goto("/")
    computed = page.evaluate(SAMPLE, ["font-sample", lang, family, weight, characters])
    assert computed.startswith(f'"{family}"'), computed
    page.locator("#font-sample").scroll_into_view_if_needed()
    shots(page, face)

    used = platform_fonts(page, "#font-sample")
    fallbacks = [f for f in used if not f["isCustomFont"]]
    assert not fallbacks, f"{family} {weight} does not draw all of {characters!r}: {fallbacks}"
    assert [f["familyName"] for f in used] == [family], used


def test_tifinagh_letters_are_drawn_apart(contexts):
    """Moroccan Tifinagh writes ⵍ and ⵏ side by side: no Tuareg ligature joins them (the
    Debian release of the font does unless its `liga` feature is left out)."""
    text = "ⵍⵍ ⵍⵏ ⵏⵍ ⵏⵏ ⵉⵎⵙⴰⵡⴰⵍⵏ"
    page = contexts.new("zgh")
    page.goto("/")
    page.evaluate(SAMPLE, ["tifinagh-pairs", "zgh", "Noto Sans Tifinagh", 400, text])
    used = platform_fonts(page, "#tifinagh-pairs")
    assert [f["familyName"] for f in used] == ["Noto Sans Tifinagh"], used
    assert used[0]["glyphCount"] == len(text), (
        f"{len(text)} characters, {used[0]['glyphCount']} glyphs"
    )
