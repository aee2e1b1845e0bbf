"""Sanitising user HTML and rendering comment Markdown: allowed markup, links, XSS vectors."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from consult.text.sanitize import ALLOWED_TAGS, LINK_REL, render_comment, sanitize

RLO = "\u202e"
PDF = "\u202c"


class _Markup(HTMLParser):
    """Collect the elements and attributes a browser would build from the output."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.comments.append(data)


def markup_of(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser


def assert_harmless(html: str) -> None:
    """What a browser parses from ``html`` has no way to run script or load content."""
    assert "<script" not in html.lower()
    parsed = markup_of(html)
    assert parsed.comments == []
    for tag, attrs in parsed.elements:
        assert tag in ALLOWED_TAGS
        if tag != "a":
            assert attrs == {}
            continue
        assert set(attrs) <= {"href", "rel"}
        assert attrs.get("rel") == LINK_REL
        scheme = urlsplit("".join((attrs.get("href") or "").split())).scheme.lower()
        assert scheme in {"", "http", "https", "mailto"}


def links_in(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in markup_of(html).elements if tag == "a"]


# --- sanitize(): HTML in, safe HTML out -------------------------------------------------

HTML_VECTORS = [
    "<script>alert(1)</script>",
    '<script src="https://evil.example/x.js"></script>',
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><p>hi</p></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="javascript&#58;alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<p onclick="alert(1)" onmouseover="alert(1)">t</p>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="q"><button>go</button></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="https://ok.example" onclick="alert(1)" style="color:red">ok</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<base href='javascript:alert(1)//'>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<<script>script>alert(1)<</script>/script>",
]


@pytest.mark.parametrize("vector", HTML_VECTORS)
def test_sanitize_leaves_no_executable_markup(vector):
    cleaned = sanitize(vector)

    assert_harmless(cleaned)
    for attack in ("onerror", "onload", "onclick", "style=", "javascript:", "data:", "<svg"):
        assert attack not in cleaned.lower()


@pytest.mark.parametrize("vector", HTML_VECTORS)
def test_sanitize_is_stable_when_applied_twice(vector):
    once = sanitize(vector)

    assert sanitize(once) == once


def test_sanitize_keeps_allowed_formatting():
    html = (
        "<p>Un <em>avis</em> <strong>ferme</strong><br>sur l'article</p>"
        "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>cité</blockquote><code>x = 1</code>"
    )

    assert sanitize(html) == html


def test_sanitize_strips_disallowed_tags_but_keeps_their_text():
    cleaned = sanitize("<div><h1>Titre</h1><span>texte</span></div>")

    assert cleaned.strip() == "Titretexte"


def test_sanitize_leaves_the_code_of_a_script_as_plain_text():
    assert sanitize("<script>if (a < b) alert(1)</script>") == "if (a &lt; b) alert(1)"


def test_sanitize_removes_comments():
    assert sanitize("avant<!-- secret -->après") == "avantaprès"


def test_sanitize_gives_every_link_the_fixed_rel_and_no_target():
    html = '<a href="https://a.example" rel="opener" target="_blank">a</a>'

    assert sanitize(html) == f'<a href="https://a.example" rel="{LINK_REL}">a</a>'


@pytest.mark.parametrize("rel", ["", "nofollow", "follow", "noopener noreferrer opener"])
def test_sanitize_ignores_the_rel_the_author_wrote(rel):
    [link] = links_in(sanitize(f'<a href="https://a.example" rel="{rel}">a</a>'))

    assert link["rel"] == "nofollow ugc noopener"


@pytest.mark.parametrize(
    "href",
    ["https://gov.example/loi", "http://gov.example", "mailto:contact@gov.example", "#art-3"],
)
def test_sanitize_keeps_links_with_allowed_protocols(href):
    [link] = links_in(sanitize(f'<a href="{href}">lien</a>'))

    assert link["href"] == href


def test_sanitize_unwraps_a_link_whose_href_was_removed():
    assert sanitize('<a href="javascript:alert(1)">cliquez</a>') == "cliquez"


def test_sanitize_turns_bare_urls_into_links():
    cleaned = sanitize("<p>voir https://www.sgg.gov.ma/loi.pdf, et www.maroc.ma.</p>")

    assert [link["href"] for link in links_in(cleaned)] == [
        "https://www.sgg.gov.ma/loi.pdf",
        "http://www.maroc.ma",
    ]
    assert cleaned.endswith("</a>.</p>")


def test_sanitize_does_not_link_file_names_or_code():
    cleaned = sanitize("<p>article.py et <code>https://a.example</code></p>")

    assert links_in(cleaned) == []


def test_sanitize_of_empty_text_is_empty():
    assert sanitize("") == ""


def test_sanitize_keeps_bidi_override_as_text_inside_its_element():
    cleaned = sanitize(f"<p>abc{RLO}def</p><p>suite</p>")

    assert cleaned == f"<p>abc{RLO}def</p><p>suite</p>"


# --- render_comment(): the comment Markdown subset --------------------------------------


def test_render_comment_makes_paragraphs_and_line_breaks():
    assert render_comment("ligne 1\nligne 2\n\nparagraphe 2") == (
        "<p>ligne 1<br>\nligne 2</p>\n<p>paragraphe 2</p>"
    )


def test_render_comment_renders_emphasis_and_strong():
    assert render_comment("*important* et **très**") == (
        "<p><em>important</em> et <strong>très</strong></p>"
    )


def test_render_comment_renders_bullet_and_numbered_lists():
    assert render_comment("- un\n- deux\n\n1. premier\n2. second") == (
        "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n<ol>\n<li>premier</li>\n<li>second</li>\n</ol>"
    )


def test_render_comment_renders_quotes_and_inline_code():
    assert render_comment("> المادة 5\n\n`art. 5`") == (
        "<blockquote>\n<p>المادة 5</p>\n</blockquote>\n<p><code>art. 5</code></p>"
    )


def test_render_comment_renders_links_with_rel():
    assert render_comment("[la loi](https://www.sgg.gov.ma/loi.pdf)") == (
        f'<p><a href="https://www.sgg.gov.ma/loi.pdf" rel="{LINK_REL}">la loi</a></p>'
    )


def test_render_comment_drops_link_titles():
    [link] = links_in(render_comment('[x](https://a.example "titre")'))

    assert link == {"href": "https://a.example", "rel": LINK_REL}


def test_render_comment_links_bare_urls():
    html = render_comment("source : https://data.gov.ma/fr")

    assert links_in(html) == [{"href": "https://data.gov.ma/fr", "rel": LINK_REL}]


def test_render_comment_shows_headings_as_paragraphs():
    assert render_comment("# Titre\n\nSous-titre\n===") == "<p>Titre</p>\n<p>Sous-titre</p>"


def test_render_comment_shows_images_as_their_alt_text():
    assert render_comment("![carte *du* projet](https://a.example/carte.png)") == (
        "<p>carte du projet</p>"
    )


def test_render_comment_keeps_fences_indents_and_rules_as_text():
    html = render_comment("```\ncode\n```\n\n    indenté\n\n---")

    assert html == "<p><code>code</code></p>\n<p>indenté</p>\n<p>---</p>"


def test_render_comment_shows_typed_html_as_text():
    html = render_comment("<b>gras</b> <script>alert(1)</script>")

    assert html == "<p>&lt;b&gt;gras&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_render_comment_of_empty_text_is_empty():
    assert render_comment("") == ""


MARKDOWN_VECTORS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<p style="color:red">rouge</p>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)\n\n[y][x]",
    '[x](https://a.example" onmouseover="alert(1))',
    "[x](https://a.example)<!-- -->",
    "javascript:alert(1)",
    "`<script>alert(1)</script>`",
    f"{RLO}<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", MARKDOWN_VECTORS)
def test_render_comment_builds_no_executable_markup(text):
    assert_harmless(render_comment(text))


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](data:text/html,<b>x</b>)",
        "[x](data:image/png;base64,iVBORw0KGgo=)",
    ],
)
def test_render_comment_makes_no_link_from_a_forbidden_url(text):
    assert links_in(render_comment(text)) == []


def test_render_comment_keeps_bidi_controls_as_text_within_the_paragraph():
    html = render_comment(f"رأيي {RLO}gnp.exe\n\nsecond paragraphe {PDF}")

    assert html == f"<p>رأيي {RLO}gnp.exe</p>\n<p>second paragraphe {PDF}</p>"
    assert [tag for tag, _ in markup_of(html).elements] == ["p", "p"]
