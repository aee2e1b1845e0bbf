"""Turn an uploaded draft (.txt, .md, .docx) into plain text with one paragraph per line."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from xml.etree import ElementTree as ET

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
#: Ceiling on the unpacked word/document.xml. Word's XML shrinks about tenfold in the zip, so a
#: genuine document under MAX_DOCUMENT_BYTES stays below this while a zip bomb does not.
MAX_DOCX_XML_BYTES = 10 * MAX_DOCUMENT_BYTES

_CHUNK = 64 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Text boxes come twice: once for new Word (mc:Choice) and once as a VML copy for old readers.
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DocumentError(Exception):
    """A document we cannot read; ``code`` is a short machine string the caller translates."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def read_document(filename: str, data: bytes) -> str:
    reader = _READERS.get(_extension(filename))
    if reader is None:
        raise DocumentError("unsupported_type")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError("too_large")
    if not data:
        raise DocumentError("empty")
    text = _tidy(reader(data))
    if not text:
        raise DocumentError("empty")
    return text


def _extension(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return name.rsplit(".", 1)[1] if "." in name else ""


def _tidy(paragraphs: Iterable[str]) -> str:
    # Blank lines carry no meaning once every paragraph has a line of its own.
    lines = (
        _CONTROL.sub("", line).strip()
        for paragraph in paragraphs
        for line in paragraph.splitlines()
    )
    return "\n".join(line for line in lines if line)


def _read_text(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError("not_utf8") from None
    # UTF-16 text that is mostly ASCII decodes as "valid" UTF-8 riddled with NULs.
    if "\x00" in text:
        raise DocumentError("not_utf8")
    return text.splitlines()


# Each source line stays its own paragraph, even in Markdown: drafts pasted without blank
# lines would otherwise melt into one paragraph and lose their article headings.
_MD_SKIP = re.compile(r"\s*(?:(?:[-*_]\s*){3,}|=+|-+|```.*|~~~.*)$")
_MD_PREFIX = re.compile(r"\s*(?:>\s?)*\s*(?:(?P<hashes>#{1,6})(?=\s|$)|[-*+](?=\s))?\s*")
_MD_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_CODE = re.compile(r"`([^`]*)`")
# Each run stops at the next marker, so a hostile line of unmatched markers costs linear
# time. Strong runs go before and after emphasis so "**a *b* c**" and "*a **b** c*" both clear.
_MD_STRONG = (
    re.compile(r"(?<![\\*])\*\*(?=[^\s*])([^*]+?)(?<=[^\s\\])\*\*"),
    re.compile(r"(?<![\\_])__(?=[^\s_])([^_]+?)(?<=[^\s\\])__"),
    re.compile(r"(?<![\\~])~~(?=[^\s~])([^~]+?)(?<=[^\s\\])~~"),
)
_MD_EMPHASIS = (
    re.compile(r"(?<![\w\\*])\*(?=[^\s*])([^*]+?)(?<=[^\s\\])\*(?![\w*])"),
    re.compile(r"(?<![\w\\_])_(?=[^\s_])([^_]+?)(?<=[^\s\\])_(?![\w_])"),
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def _read_markdown(data: bytes) -> list[str]:
    return [_strip_markdown(line) for line in _read_text(data) if not _MD_SKIP.match(line)]


def _strip_markdown(line: str) -> str:
    prefix = _MD_PREFIX.match(line)
    if prefix:  # always, as every part of the pattern is optional
        line = line[prefix.end() :]
    if prefix and prefix.group("hashes"):
        line = _MD_CLOSING_HASHES.sub("", line)
    line = _MD_IMAGE.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_CODE.sub(r"\1", line)
    for pattern in (*_MD_STRONG, *_MD_EMPHASIS, *_MD_STRONG):
        line = pattern.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line)


def _read_docx(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise DocumentError("corrupt") from None
            # The declared size is checked first for a cheap refusal; the streaming count
            # below still holds if the header lies.
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise DocumentError("too_large")
            with archive.open(info) as stream:
                return _docx_paragraphs(stream.read)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ET.ParseError,
        NotImplementedError,  # compression method zipfile lacks
        RuntimeError,  # encrypted entry
        EOFError,
        OSError,
    ):
        raise DocumentError("corrupt") from None


def _docx_paragraphs(read: Callable[[int], bytes]) -> list[str]:
    parser = ET.XMLPullParser(events=("start", "end"))
    collector = _ParagraphCollector()
    total = 0
    tail = b""
    while chunk := read(_CHUNK):
        total += len(chunk)
        if total > MAX_DOCX_XML_BYTES:
            raise DocumentError("too_large")
        # Word never writes a DTD; refusing one shuts out entity-expansion tricks.
        if b"<!DOCTYPE" in tail + chunk:
            raise DocumentError("corrupt")
        tail = chunk[-8:]
        parser.feed(chunk)
        collector.handle(parser.read_events())
    parser.close()
    collector.handle(parser.read_events())
    return collector.paragraphs


class _ParagraphCollector:
    """Streams WordprocessingML events into paragraph strings without keeping the tree."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        # A stack because text boxes put whole paragraphs inside a paragraph's run.
        self._open: list[list[str]] = []
        self._fallback_depth = 0
        # w:tab also names the tab-stop definitions inside w:tabs, which are not text.
        self._tab_stops_depth = 0

    def handle(self, events: Iterable[tuple[str, ET.Element]]) -> None:
        for event, element in events:
            tag = element.tag
            starting = event == "start"
            if tag == _MC_FALLBACK:
                self._fallback_depth += 1 if starting else -1
            elif self._fallback_depth:
                continue
            elif tag == _W + "tabs":
                self._tab_stops_depth += 1 if starting else -1
            elif tag == _W + "p":
                if starting:
                    self._open.append([])
                elif self._open:
                    self.paragraphs.append("".join(self._open.pop()))
                    element.clear()
            elif not starting and self._open:
                self._add_run_content(tag, element)

    def _add_run_content(self, tag: str, element: ET.Element) -> None:
        parts = self._open[-1]
        if tag == _W + "t":
            parts.append(element.text or "")
        elif tag in (_W + "tab", _W + "ptab") and not self._tab_stops_depth:
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")


_READERS: dict[str, Callable[[bytes], list[str]]] = {
    "txt": _read_text,
    "md": _read_markdown,
    "markdown": _read_markdown,
    "docx": _read_docx,
}
