"""Properties of the pure text tools on generated input (hypothesis): no exception, ever, and
no unsafe output from the sanitiser, whatever people paste."""

import json
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consult.text.article_numbers import normalise_article_number
from consult.text.drafts import split_draft
from consult.text.normalise import normalise, tokens
from consult.text.sanitize import ALLOWED_TAGS, render_comment, sanitize

# No example database on disk, no timing limit: a loaded CI machine must not make them flaky.
PROPERTY = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# --- The sanitiser --------------------------------------------------------------------------

#: Pieces of attacks and of the markup around them; hypothesis glues them with random text.
MARKUP = [
    "<script>", "</script>", "<style>", "</style>", "<svg ", "<svg/onload=alert(1)>",
    "<math>", "<mi xlink:href=", "<iframe src=", "<object data=", "<embed src=", "<img ",
    "<base href=", "<meta http-equiv=refresh content=", "<link rel=import href=",
    "<form action=", "<button formaction=", "<input autofocus onfocus=", "<textarea>",
    "</textarea>", "<noscript>", "<template>", "<xmp>", "<plaintext>", "<title>",
    "<details open ontoggle=", "<body onload=", "<a href=", "<a href=\"", "</a>", "<p ",
    "<p>", "</p>", "<ul><li>", "<code>", "<blockquote>", "<",  ">", "/>", "</", "=", "\"",
    "'", "`", " onerror=", " onclick=\"", " OnMouseOver=", " style=\"", " srcdoc=",
    "javascript:", "JaVaScRiPt:", "java\tscript:", "java\nscript:", " \x01javascript:",
    "&#106;avascript&#58;", "&#x6A;avascript:", "javascript&colon;", "data:text/html,",
    "data:image/svg+xml;base64,", "vbscript:", "alert(1)", "<!--", "-->", "<![CDATA[", "]]>",
    "&lt;", "&gt;", "&amp;", "&", "&#", ";", "#", "\u202e", "\u2066", "\u200f", "\x00",
    "\t", "\n", "\n\n", "[lien](", "](javascript:alert(1))", "](data:text/html,x)", ")",
    "![image](", "**", "*", "_", "`", "> ", "- ", "1. ", "# ", "http://", "https://",
    "www.", "mailto:", "//evil.example", ".example/x", "النص", "ⵜⴰⵎⴰ",
]  # fmt: skip
#: Whole elements too: glued fragments alone rarely form `<a href="javascript:…">`, and the
#: sanitiser's own rules (not only the Markdown renderer in front of it) must be exercised.
TAGS = [
    "a", "A", "p", "script", "style", "img", "svg", "iframe", "object", "embed", "math", "base",
    "form", "button", "input", "details", "body", "div", "link", "meta", "textarea", "video",
    "source", "strong", "blockquote", "code", "li",
]  # fmt: skip
ATTRIBUTES = [
    "href", "HREF", "src", "onclick", "onerror", "OnMouseOver", "onfocus", "style", "action",
    "formaction", "xlink:href", "srcdoc", "rel", "target", "data", "background", "poster",
]  # fmt: skip
VALUES = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:x",
    " javascript:alert(1)", "\x01javascript:alert(1)", "&#106;avascript:alert(1)",
    "&#x6A;avascript&#x3A;alert(1)", "javascript&colon;alert(1)", "&#0000106avascript:x",
    "data:text/html,<script>alert(1)</script>", "data:image/svg+xml;base64,PHN2Zz4=",
    "vbscript:msgbox(1)", "https://example.org/", "http://x.example", "/consultations/1",
    "#note", "//evil.example/x", "mailto:a@example.org", "alert(1)", "opener",
    "background:url(javascript:alert(1))", "expression(alert(1))", "_blank", "\u202ejs:x",
]  # fmt: skip
QUOTES = ['"{}"', "'{}'", "{}", "`{}`"]
attribute = st.builds(
    lambda name, value, quote: f"{name}={quote.format(value)}",
    st.sampled_from(ATTRIBUTES),
    st.sampled_from(VALUES),
    st.sampled_from(QUOTES),
)
element = st.builds(
    lambda tag, separator, attributes, inner, closed: (
        f"<{tag}{separator}{separator.join(attributes)}>{inner}{f'</{tag}>' if closed else ''}"
    ),
    # Links often, and often with a valid href: a link without one is unwrapped, which would
    # hide a forbidden attribute riding on an otherwise valid link.
    st.one_of(st.just("a"), st.sampled_from(TAGS)),
    st.sampled_from([" ", "/", "\n", "\t"]),
    st.lists(attribute, min_size=1, max_size=3).flatmap(
        lambda attributes: st.sampled_from(
            [attributes, [*attributes, 'href="https://example.org/"']]
        )
    ),
    st.one_of(st.text(max_size=8), st.sampled_from(MARKUP)),
    st.booleans(),
)
untrusted = st.lists(
    st.one_of(element, st.sampled_from(MARKUP), st.text(max_size=6)), max_size=40
).map("".join)

FORBIDDEN_TAGS = {"script", "style", "iframe", "svg", "math", "object", "embed"}
#: The contract, written out rather than imported, so widening the sanitiser fails here.
CONTRACT_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code"}
CONTRACT_ATTRIBUTES = {"a": {"href", "rel"}}
SAFE_SCHEMES = {"http", "https", "mailto"}


class _Elements(HTMLParser):
    """The elements and attributes a browser builds from a fragment (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag


def _scheme(href: str) -> str | None:
    """The scheme a browser would see: it ignores ASCII controls, spaces, tabs and newlines."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", href).lower()
    match = re.match(r"([a-z][a-z0-9+.\-]*):", cleaned)
    return match.group(1) if match else None


def assert_no_executable_markup(html: str) -> None:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.elements:
        assert tag not in FORBIDDEN_TAGS, html
        assert tag in CONTRACT_TAGS and tag in ALLOWED_TAGS, html
        for name, value in attrs:
            assert not name.startswith("on") and name != "style", html
            assert name in CONTRACT_ATTRIBUTES.get(tag, set()), html
            if name == "href":
                assert _scheme(value or "") in SAFE_SCHEMES | {None}, html


#: Known attacks, always tried besides the generated ones.
KNOWN_ATTACKS = [
    '<a href="https://example.org/" onclick="alert(1)">x</a>',
    '<a href="https://example.org/" style="position:fixed">x</a>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
]


def _with_known_attacks(test):
    for attack in KNOWN_ATTACKS:
        test = example(attack)(test)
    return test


@PROPERTY
@given(untrusted)
@_with_known_attacks
def test_sanitize_never_raises_and_never_lets_executable_markup_through(text):
    assert_no_executable_markup(sanitize(text))


@PROPERTY
@given(untrusted)
@_with_known_attacks
def test_comment_rendering_never_raises_and_never_lets_executable_markup_through(text):
    html = render_comment(text)
    assert_no_executable_markup(html)
    assert_no_executable_markup(sanitize(html))  # safe again if a later step re-cleans it


# --- The normaliser -------------------------------------------------------------------------

#: Any Unicode text, with the scripts and marks the normaliser folds well represented.
ARABIC_AND_TIFINAGH = "".join(
    [chr(c) for c in range(0x0600, 0x0700)]
    + [chr(c) for c in range(0x2D30, 0x2D80)]
    + ["\u200c", "\u200d", "\u202b", "\u2066", "\u00ad", "\ufeff", "\ufb50", "\ufefb", "ﬁ"]
)
any_text = st.one_of(
    st.text(),
    st.text(alphabet=ARABIC_AND_TIFINAGH + "éèçœæ AaZz09 \t\n"),
)


@PROPERTY
@given(any_text)
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once
    assert once == once.strip() and "  " not in once


@PROPERTY
@given(any_text)
def test_tokens_of_tokens_are_the_same_tokens(text):
    words = tokens(text)
    assert all(words)
    assert tokens(" ".join(words)) == words


# --- The draft splitter and article numbers -------------------------------------------------

HEADING_WORDS = [
    "Article", "ARTICLE", "Art.", "art", "المادة", "ماده", "ⴰⴼⵚⵍ", "ⴰⴼⵚⵍ ⵡⵉⵙ", "Chapitre",
    "CHAPITRE", "Titre", "Livre", "Partie", "Section", "Sous-section", "الباب", "الفصل",
    "القسم", "الكتاب", "الفرع", "ⴰⵙⵜⴰⵢ", "ⴰⴳⵣⵣⵓⵎ", "# Article", "**Article", "- Article",
]  # fmt: skip
NUMBERS = [
    "1", "2", "12", "3.1", "4-2", "premier", "première", "unique", "deux", "dix-sept",
    "préliminaire", "I", "IV", "IX", "XIV", "VINGT", "1er", "7 bis", "7bis", "3 ter",
    "الأولى", "الثانية", "الحادية عشرة", "العشرون", "المائة", "مكررة", "مكررة مرتين",
    "١٢", "٣", "ⵢⴰⵏ", "ⵙⵉⵏ", "ⵎⵔⴰⵡ", "", "0", "99999999999999999999",
]  # fmt: skip
TAILS = [
    "", ".", " :", " –", " - Objet", ". – La présente loi s'applique.", " Dispositions",
    " de la loi n° 12", " من هذا القانون", " أحكام عامة", " ⵏ ⵓⵙⵏⵓⵔⵎⵙ", ")", " (abrogé)",
]  # fmt: skip
heading_line = st.builds(
    lambda word, number, tail: f"{word} {number}{tail}",
    st.sampled_from(HEADING_WORDS),
    st.sampled_from(NUMBERS),
    st.sampled_from(TAILS),
)
draft_line = st.one_of(heading_line, st.text(max_size=40), st.sampled_from(["", "   ", "***"]))
draft = st.lists(draft_line, max_size=25).map("\n".join)


@PROPERTY
@given(draft, st.sampled_from(["fr", "ar", "zgh"]))
def test_split_draft_never_raises_and_keeps_a_consistent_structure(text, language):
    structure = split_draft(text, language)

    chapters = [a.chapter for a in structure.articles]
    assert all(c is None or 0 <= c < len(structure.chapters) for c in chapters)
    assert [c for c in chapters if c is not None] == sorted(c for c in chapters if c is not None)
    if structure.chapters and chapters:
        # Articles after the first chapter all belong to one.
        first_with = next((i for i, c in enumerate(chapters) if c is not None), len(chapters))
        assert all(c is not None for c in chapters[first_with:])
    assert all(a.number for a in structure.articles)
    assert all(
        c.kind in ("book", "part", "title", "chapter", "section") for c in structure.chapters
    )
    json.dumps(structure.to_dict(), ensure_ascii=False)

    # Nothing typed is dropped: every line is a heading, a heading's title, or in some text.
    texts = [structure.preamble, *(a.body for a in structure.articles)]
    headings = {a.heading_line for a in structure.articles}
    headings |= {c.heading_line for c in structure.chapters}
    titles = {c.heading for c in structure.chapters}
    for line in (line.strip() for line in text.splitlines()):
        if line:
            assert line in headings or any(line in t for t in texts) or _title(line) in titles


def _title(line: str) -> str:
    return line.strip().strip("*_#`\u200e\u200f\u200b\ufeff ").strip()


@PROPERTY
@given(
    st.one_of(
        st.text(max_size=30),
        st.builds("{} {}".format, st.sampled_from(NUMBERS), st.sampled_from(TAILS)),
    )
)
def test_article_numbers_never_raise_and_read_their_own_output_back(raw):
    number = normalise_article_number(raw)
    assert number is None or (isinstance(number, str) and number.strip() == number != "")
    if number is not None:
        assert normalise_article_number(number) == number
