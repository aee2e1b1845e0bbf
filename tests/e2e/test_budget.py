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
        "| page | locale | HTML (gzip) | fonts | total | requests | text painted | LCP |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (name, locale), m in measured.items():
        rows.append(
            f"| {name} | {locale} | {m['html'] / 1024:.1f} KB | {m['fonts'] / 1024:.1f} KB | "
            f"{m['total'] / 1024:.1f} KB | {m['requests']} | {m['main_text'] or 0:.0f} ms | "
            f"{m['lcp']:.0f} ms |"
        )
    (RESULTS / "budget.md").write_text("\n".join(rows) + "\n")
    (RESULTS / "budget.json").write_text(
        json.dumps({f"{n} {loc}": m for (n, loc), m in measured.items()}, indent=1)
    )
    print("\n" + "\n".join(rows))
    return measured


#: First views known to be over the total budget, with the reason. Tamazight readers get the
#: draft in Arabic (it has no Tamazight version), bold headings included: the page loads both
#: weights of the Arabic font besides the Tifinagh one. The fix is in static/fonts (see
#: tests/e2e/README.md); when it lands this test says so and the entry goes.
KNOWN_OVER_TOTAL = {
    ("article", "zgh"): "fonts: Naskh Arabic 400+700 with their Latin subsets, plus Tifinagh",
}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("page_name", ["article", "consultation", "home"])
def test_first_visit_is_light_and_paints_its_text_quickly_on_a_slow_link(
    figures, page_name, locale
):
    """Every page: gzipped HTML within 40 KB, text painted within 3 s on a slow link. The
    article page with its comments (the one a participant reads): 150 KB in all."""
    m = figures[(page_name, locale)]
    assert m["html_encoding"] == "gzip"
    assert m["html"] <= HTML_BUDGET, f"HTML {m['html']} B over {HTML_BUDGET} B"
    assert m["lcp_in_main"], f"the largest paint is not the page's text: {m['lcp_element']}"
    assert m["lcp"] <= PAINT_BUDGET_MS
    if page_name != "article":
        return
    assert m["main_text"] is not None and m["main_text"] <= PAINT_BUDGET_MS
    known = KNOWN_OVER_TOTAL.get((page_name, locale))
    over = m["total"] > TOTAL_BUDGET
    detail = f"{m['total']} B in all, fonts {m['fonts']} B: {', '.join(m['font_files'])}"
    if known and over:
        pytest.xfail(f"{detail} — {known}")
    assert not known, f"now within budget ({detail}): remove it from KNOWN_OVER_TOTAL"
    assert not over, f"{detail}; budget {TOTAL_BUDGET} B"
