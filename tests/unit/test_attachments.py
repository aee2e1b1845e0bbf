import pytest

from consult.recommendations.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentError,
    check_pdf,
    download_name,
    path_of,
    store,
)

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def test_a_real_pdf_header_and_end_marker_pass():
    check_pdf(PDF)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"MZ\x90\x00 not a pdf", "not_pdf"),
        (b"<html><script>alert(1)</script></html>", "not_pdf"),
        (b"%PDF-1.4 but truncated", "not_pdf"),
        (b"%PDF-" + b"x" * MAX_ATTACHMENT_BYTES + b"%%EOF", "too_large"),
    ],
)
def test_files_are_judged_by_their_content(data, code):
    with pytest.raises(AttachmentError) as error:
        check_pdf(data)
    assert error.value.code == code


def test_stored_file_gets_a_random_name(tmp_path):
    key = store(tmp_path, PDF)
    assert key.endswith(".pdf") and len(key) == 36
    assert (tmp_path / key).read_bytes() == PDF


def test_stored_keys_cannot_walk_out_of_the_folder(tmp_path):
    with pytest.raises(AttachmentError):
        path_of(tmp_path, "../../etc/passwd")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mémo final (v2).pdf", "Memo-final-v2.pdf"),
        ("مذكرة.pdf", "recommendation-7.pdf"),
        ("../../evil.exe", "evil.pdf"),
        (None, "recommendation-7.pdf"),
    ],
)
def test_download_names_are_safe(name, expected):
    assert download_name(name, "recommendation-7") == expected
