"""Light enough for a rural connection: bytes and paint time of a first visit, measured by CDP."""

import json

import pytest

from .support import LOCALES, RESULTS

pytestmark = pytest.mark.e2e

TOTAL_BUDGET = 150 * 1024
HTML_BUDGET = 40 * 1024
PAINT_BUDGET_MS = 3000
#: Lighthouse's "slow 4G": 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
SLOW_LINK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}

#: Element Timing for the article text: marked as soon as the parser creates it, before any
#: paint, so the browser reports when it is first painted (renderTime).
MARK_MAIN_TEXT = """
new MutationObserver(() => {
  for (const el of document.querySelectorAll(".article-body p, main h1"))
    if (!el.hasAttribute("elementtiming")) el.setAttribute("elementtiming", "main-text");
}).observe(document, {childList: true, subtree: true});
"""

PAINT_TIMES = """() => new Promise(resolve => {
  const times = {};
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  times.fcp = fcp ? fcp.startTime : null;
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    times.lcp = last.startTime;
    times.lcp_element = last.element ? last.element.tagName.toLowerCase()
      + (last.element.className ? "." + last.element.className : "") : null;
    times.lcp_in_main = !!(last.element && last.element.closest("main"));
    new PerformanceObserver(l => {
      const painted = l.getEntries().filter(e => e.identifier === "main-text")
        .map(e => e.renderTime || e.loadTime);
      times.main_text = painted.length ? Math.max(...painted) : null;
      resolve(times);
    }).observe({type: "element", buffered: true});
  }).observe({type: "largest-contentful-paint", buffered: true});
})"""


#: When the last font file arrived (the text is then redrawn in its own font), and which web
#: fonts the page needs: visible Arabic text set in Noto Naskh Arabic, visible Tifinagh text
#: set in Noto Sans Tifinagh.
FONTS_NEEDED = """() => {
  const fonts = performance.getEntriesByType("resource").filter(e => e.name.endsWith(".woff2"));
  const needs = {"noto-naskh-arabic": /\\p{Script=Arabic}/u,
                 "noto-sans-tifinagh": /\\p{Script=Tifinagh}/u};
  const needed = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility()) continue;
    const family = getComputedStyle(parent).fontFamily.split(",")[0].replace(/"/g, "");
    const file = family.toLowerCase().replace(/ /g, "-");
    if (needs[file] && needs[file].test(node.data)) needed.add(file);
  }
  return {
    fonts_loaded: Math.max(0, ...fonts.map(e => e.responseEnd)),
    fonts_needed: [...needed].sort(),
  };
}"""


def first_visit(browser, url: str, locale: str) -> dict:
    """A first visit on a phone over a slow link: empty cache, everything the page pulls in."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        extra_http_headers={"Accept-Language": locale},
    )
    try:
        page = context.new_page()
        page.add_init_script(MARK_MAIN_TEXT)
        cdp = context.new_cdp_session(page)
        requests: dict[str, dict] = {}

        def responded(event):
            requests.setdefault(event["requestId"], {}).update(
                url=event["response"]["url"],
                type=event["type"],
                encoding={k.lower(): v for k, v in event["response"]["headers"].items()}.get(
                    "content-encoding", ""
                ),
            )

        def finished(event):
            requests.setdefault(event["requestId"], {})["bytes"] = event["encodedDataLength"]

        cdp.on("Network.responseReceived", responded)
        cdp.on("Network.loadingFinished", finished)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        times = page.evaluate(PAINT_TIMES)
        shown = page.evaluate(FONTS_NEEDED)
        done = [r for r in requests.values() if "bytes" in r and "url" in r]
        document = next(r for r in done if r["type"] == "Document")
        return {
            "html": document["bytes"],
            "html_encoding": document["encoding"],
            "fonts": sum(r["bytes"] for r in done if r["type"] == "Font"),
            "font_files": sorted(r["url"].rsplit("/", 1)[-1] for r in done if r["type"] == "Font"),
            "total": sum(r["bytes"] for r in done),
            "requests": len(done),
            **times,
            **shown,
        }
    finally:
        context.close()


def _pages(demo):
    return {
        "article": f"/consultations/{demo.open_id}/articles/{demo.busiest_slug}",
        "consultation": f"/consultations/{demo.open_id}",
        "home": "/",
    }


@pytest.fixture(scope="module")
def figures(browser, base_url, demo):
    measured = {
        (name, locale): first_visit(browser, base_url + path, locale)
        for name, path in _pages(demo).items()
        for locale in LOCALES
    }
    RESULTS.mkdir(exist_ok=True)
    rows = [
        "| page | locale | HTML (gzip) | fonts | total | requests | text painted | LCP "
        "| fonts in |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (name, locale), m in measured.items():
        rows.append(
            f"| {name} | {locale} | {m['html'] / 1024:.1f} KB | {m['fonts'] / 1024:.1f} KB | "
            f"{m['total'] / 1024:.1f} KB | {m['requests']} | {m['main_text'] or 0:.0f} ms | "
            f"{m['lcp']:.0f} ms | "
            + (f"{m['fonts_loaded']:.0f} ms |" if m["font_files"] else "no fonts |")
        )
    (RESULTS / "budget.md").write_text("\n".join(rows) + "\n")
    (RESULTS / "budget.json").write_text(
        json.dumps({f"{n} {loc}": m for (n, loc), m in measured.items()}, indent=1)
    )
    print("\n" + "\n".join(rows))
    return measured


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("page_name", ["article", "consultation", "home"])
def test_first_visit_is_light_and_paints_its_text_quickly_on_a_slow_link(
    figures, page_name, locale
):
    """The first view of a page (the article with its comments above all, the page a
    participant reads): 150 KB in all, fonts included, 40 KB of gzipped HTML, its text
    painted within 3 s on a slow link and drawn in its own fonts within 3 s too."""
    m = figures[(page_name, locale)]
    detail = f"{m['total']} B in all, fonts {m['fonts']} B: {', '.join(m['font_files'])}"
    assert m["html_encoding"] == "gzip"
    assert m["html"] <= HTML_BUDGET, f"HTML {m['html']} B over {HTML_BUDGET} B"
    assert m["total"] <= TOTAL_BUDGET, f"{detail}; budget {TOTAL_BUDGET} B"
    assert m["lcp_in_main"], f"the largest paint is not the page's text: {m['lcp_element']}"
    assert m["lcp"] <= PAINT_BUDGET_MS
    if page_name == "article":
        assert m["main_text"] is not None and m["main_text"] <= PAINT_BUDGET_MS
    assert m["fonts_loaded"] <= PAINT_BUDGET_MS, f"fonts in at {m['fonts_loaded']:.0f} ms"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("page_name", ["article", "consultation", "home"])
def test_a_page_downloads_only_the_fonts_of_the_scripts_it_shows(figures, page_name, locale):
    """unicode-range at work: a font file is downloaded only for a page that shows text of
    its script set in that font (an Arabic comment, a Tamazight interface), none for a page
    in Latin script alone."""
    m = figures[(page_name, locale)]
    downloaded = sorted({name.rsplit("-", 1)[0] for name in m["font_files"]})
    assert downloaded == m["fonts_needed"], f"downloaded {m['font_files']}"
