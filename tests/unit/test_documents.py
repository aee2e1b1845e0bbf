"""Reading uploaded drafts (.txt, .md, .docx) into one paragraph per line."""

import io
import zipfile

import pytest

from consult.text import documents
from consult.text.documents import MAX_DOCUMENT_BYTES, DocumentError, read_document
from consult.text.drafts import split_draft

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def docx_bytes(body_xml: str, *, document_name: str = "word/document.xml") -> bytes:
    """A minimal .docx whose document body is ``body_xml`` (WordprocessingML, prefix w:)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>{body_xml}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(document_name, document)
    return buffer.getvalue()


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r>{run}</w:r>" for run in runs) + "</w:p>"


def text_run(text: str) -> str:
    return f'<w:t xml:space="preserve">{text}</w:t>'


def error_code(filename: str, data: bytes) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(filename, data)
    return caught.value.code


# Plain text


def test_txt_keeps_one_paragraph_per_line_and_drops_blank_lines():
    data = b"Article 1\r\nLe texte.\r\n\r\n  Article 2  \n\nSuite."
    assert read_document("projet.txt", data) == "Article 1\nLe texte.\nArticle 2\nSuite."


def test_txt_with_utf8_bom_loses_the_bom():
    data = "\ufeffالمادة 1\nنص".encode()
    assert read_document("projet.txt", data) == "المادة 1\nنص"


def test_extension_is_matched_case_insensitively_and_path_is_ignored():
    assert read_document("C:\\Users\\rim\\PROJET.TXT", b"Article 1") == "Article 1"


def test_txt_in_latin1_is_refused_as_not_utf8():
    assert error_code("projet.txt", "Dispositions générales".encode("latin-1")) == "not_utf8"


def test_txt_in_utf16_is_refused_as_not_utf8_even_when_mostly_ascii():
    assert error_code("projet.txt", "Article 1".encode("utf-16")) == "not_utf8"
    assert error_code("projet.txt", "Article 1".encode("utf-16-le")) == "not_utf8"


def test_control_characters_are_removed_but_tabs_kept():
    assert read_document("a.txt", b"Art\x07icle\t1") == "Article\t1"


def test_tifinagh_text_survives_unchanged():
    assert read_document("a.txt", "ⴰⴼⵚⵍ ⵡⵉⵙ 1".encode()) == "ⴰⴼⵚⵍ ⵡⵉⵙ 1"


# Refusals


@pytest.mark.parametrize("filename", ["projet.pdf", "projet.doc", "projet", "projet.docx.exe"])
def test_unknown_extension_is_unsupported_type(filename):
    assert error_code(filename, b"Article 1") == "unsupported_type"


def test_file_over_the_size_limit_is_too_large():
    assert error_code("projet.txt", b"a" * (MAX_DOCUMENT_BYTES + 1)) == "too_large"


def test_file_at_the_size_limit_is_read():
    assert read_document("projet.txt", b"a" * MAX_DOCUMENT_BYTES) == "a" * MAX_DOCUMENT_BYTES


@pytest.mark.parametrize("data", [b"", b"\n \n\t\n", "\ufeff".encode()])
def test_file_without_text_is_empty(data):
    assert error_code("projet.txt", data) == "empty"


def test_document_error_carries_its_code_as_message():
    error = DocumentError("corrupt")
    assert error.code == "corrupt"
    assert str(error) == "corrupt"


# Markdown


def test_markdown_heading_hashes_are_stripped():
    data = b"# Projet de loi\n\n## Article 2 ##\nLe texte."
    assert read_document("projet.md", data) == "Projet de loi\nArticle 2\nLe texte."


def test_markdown_emphasis_bullets_links_and_quotes_are_stripped():
    data = (
        "**Article 3** – _Définitions_\n"
        "- le *demandeur* : toute personne ;\n"
        "* l'__administration__ : voir [le décret](https://example.org/d) ;\n"
        "> Note `importante`\n"
        "1. premier point"
    ).encode()
    assert read_document("projet.markdown", data) == (
        "Article 3 – Définitions\n"
        "le demandeur : toute personne ;\n"
        "l'administration : voir le décret ;\n"
        "Note importante\n"
        "1. premier point"
    )


def test_markdown_rules_and_setext_underlines_are_dropped():
    data = b"Projet\n======\n\n---\n\nArticle 1\n* * *\nFin"
    assert read_document("projet.md", data) == "Projet\nArticle 1\nFin"


def test_markdown_keeps_escaped_markers_and_underscores_inside_words():
    data = b"\\*non\\* et nom_de_variable"
    assert read_document("a.md", data) == "*non* et nom_de_variable"


def test_markdown_with_unmatched_markers_is_read_quickly_and_kept():
    line = "*a " * 50_000
    assert read_document("a.md", line.encode()) == line.strip()


def test_markdown_draft_round_trips_into_articles():
    data = (
        "# Projet de loi n° 12-34\n\n"
        "## Chapitre premier\n\n### Dispositions générales\n\n"
        "**Article premier**\n\nLa présente loi fixe les règles.\n\n"
        "## Chapitre II – Procédure\n\n"
        "**Article 2** – *Demande*\n\n- La demande est écrite.\n- Elle est gratuite.\n"
    ).encode()
    draft = split_draft(read_document("projet.md", data), "fr")
    assert draft.preamble == "Projet de loi n° 12-34"
    assert [(c.number, c.heading) for c in draft.chapters] == [
        ("1", "Dispositions générales"),
        ("2", "Procédure"),
    ]
    assert [(a.number, a.heading, a.chapter) for a in draft.articles] == [
        ("1", "", 0),
        ("2", "Demande", 1),
    ]
    assert draft.articles[1].body == "La demande est écrite.\n\nElle est gratuite."


# Word (.docx)


def test_docx_gives_one_line_per_paragraph_joining_runs():
    data = docx_bytes(
        paragraph(text_run("Article "), text_run("1")) + paragraph(text_run("Le texte."))
    )
    assert read_document("projet.docx", data) == "Article 1\nLe texte."


def test_docx_tab_is_a_tab_and_break_is_a_new_line():
    data = docx_bytes(paragraph(text_run("Article 2"), "<w:tab/>", text_run("Objet")))
    data_with_break = docx_bytes(paragraph(text_run("Ligne un"), "<w:br/>", text_run("deux")))
    assert read_document("a.docx", data) == "Article 2\tObjet"
    assert read_document("a.docx", data_with_break) == "Ligne un\ndeux"


def test_docx_tab_stop_definitions_are_not_text():
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        f"<w:r>{text_run('Article 3')}</w:r></w:p>"
    )
    assert read_document("a.docx", docx_bytes(body)) == "Article 3"


def test_docx_empty_paragraphs_are_dropped_and_table_cells_become_lines():
    table = (
        "<w:tbl><w:tr>"
        f"<w:tc>{paragraph(text_run('Cellule A'))}</w:tc>"
        f"<w:tc>{paragraph(text_run('Cellule B'))}</w:tc>"
        "</w:tr></w:tbl>"
    )
    data = docx_bytes("<w:p/>" + paragraph(text_run("Avant")) + "<w:p></w:p>" + table)
    assert read_document("a.docx", data) == "Avant\nCellule A\nCellule B"


def test_docx_deleted_text_and_field_codes_are_ignored():
    body = (
        "<w:p><w:r><w:t>Article 4</w:t></w:r>"
        "<w:del><w:r><w:delText> supprimé</w:delText></w:r></w:del>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
    )
    assert read_document("a.docx", docx_bytes(body)) == "Article 4"


def test_docx_text_box_is_read_once_not_twice():
    box = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        f"{paragraph(text_run('Encadré'))}"
        "</w:txbxContent></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{paragraph(text_run('Encadré'))}</w:pict></mc:Fallback>"
        "</mc:AlternateContent>"
    )
    data = docx_bytes(f"<w:p><w:r>{text_run('Avant ')}{box}{text_run('après')}</w:r></w:p>")
    assert read_document("a.docx", data).splitlines() == ["Encadré", "Avant après"]


def test_docx_arabic_draft_round_trips_into_articles():
    data = docx_bytes(
        paragraph(text_run("الباب الأول"))
        + paragraph(text_run("أحكام عامة"))
        + paragraph(text_run("المادة الأولى"))
        + paragraph(text_run("يحدد هذا القانون شروط الحصول على المعلومات."))
        + paragraph(text_run("المادة 2:"), "<w:tab/>", text_run("تعاريف"))
        + paragraph(text_run("يقصد بالمعلومات كل معطى."))
    )
    draft = split_draft(read_document("مشروع.docx", data), "ar")
    assert [(c.kind, c.number, c.heading) for c in draft.chapters] == [("title", "1", "أحكام عامة")]
    assert [(a.number, a.heading, a.body) for a in draft.articles] == [
        ("1", "", "يحدد هذا القانون شروط الحصول على المعلومات."),
        ("2", "تعاريف", "يقصد بالمعلومات كل معطى."),
    ]


def test_docx_without_text_is_empty():
    assert error_code("a.docx", docx_bytes("<w:p/><w:p><w:r/></w:p>")) == "empty"


def test_docx_that_is_not_a_zip_is_corrupt():
    assert error_code("a.docx", b"PK\x03\x04 this is not really a zip") == "corrupt"
    assert error_code("a.docx", b"Article 1") == "corrupt"


def test_docx_truncated_is_corrupt():
    data = docx_bytes(paragraph(text_run("Article 1")))
    assert error_code("a.docx", data[: len(data) // 2]) == "corrupt"


def test_docx_without_document_part_is_corrupt():
    assert error_code("a.docx", docx_bytes("", document_name="word/other.xml")) == "corrupt"


def test_docx_with_broken_xml_is_corrupt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    assert error_code("a.docx", buffer.getvalue()) == "corrupt"


def test_docx_with_a_doctype_is_refused_as_corrupt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
            f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph("<w:t>&a;</w:t>")}'
            "</w:body></w:document>",
        )
    assert error_code("a.docx", buffer.getvalue()) == "corrupt"


def test_docx_whose_document_unpacks_past_the_ceiling_is_too_large(monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCX_XML_BYTES", 10_000)
    # Highly compressible: a few hundred bytes in the zip, far more once unpacked.
    data = docx_bytes(paragraph(text_run("a" * 50_000)))
    assert len(data) < 2_000
    assert error_code("bombe.docx", data) == "too_large"


def test_docx_reading_is_capped_even_if_the_declared_size_lies(monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCX_XML_BYTES", 10_000)
    chunks = iter([b"<document>" + b" " * 6_000, b" " * 6_000, b""])
    with pytest.raises(DocumentError) as caught:
        documents._docx_paragraphs(lambda size: next(chunks))
    assert caught.value.code == "too_large"
