"""Script detection and the lang attribute chosen for user text."""

import pytest

from consult.text.scripts import detect_script, lang_for_text


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("نقترح تعديل المادة الخامسة من المشروع", "arab"),
        ("الْمَادَّةُ الأُولَى", "arab"),  # tashkeel are marks, not letters
        ("ﻣﺮﺣﺒﺎ", "arab"),  # presentation forms
        ("Nous proposons de modifier l'article 5", "latn"),
        ("Élève, œuvre, garçon", "latn"),
        ("ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ", "tfng"),
        ("ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ", "tfng"),
        ("Tamaziɣt d tutlayt taɣelnawt", "latn"),  # ɣ is an IPA-block Latin letter
    ],
)
def test_detect_script_names_a_single_script_text(text, script):
    assert detect_script(text) == script


def test_detect_script_ignores_digits_punctuation_and_urls():
    text = "رأيي: https://www.example.com/article-5?lang=fr 2024 !!! contact@example.org"

    assert detect_script(text) == "arab"


def test_detect_script_ignores_arabic_indic_digits():
    assert detect_script("٢٠٢٤ Bonjour") == "latn"


def test_detect_script_keeps_the_main_script_when_another_is_a_small_aside():
    text = "أوافق على هذا المقترح بشكل كامل وأتمنى تطبيقه OK"

    assert detect_script(text) == "arab"


def test_detect_script_says_mixed_when_no_script_has_four_fifths_of_the_letters():
    assert detect_script("Bonjour à tous مرحبا بكم") == "mixed"


def test_detect_script_counts_exactly_four_fifths_as_dominant():
    assert detect_script("abcd" + "ب") == "latn"
    assert detect_script("abc" + "ب") == "mixed"


@pytest.mark.parametrize("text", ["", "   ", "2024-05-01", "!!! ... ؟", "https://example.com"])
def test_detect_script_is_unknown_without_letters(text):
    assert detect_script(text) == "unknown"


def test_detect_script_is_unknown_for_a_script_we_do_not_handle():
    assert detect_script("Привет, мир") == "unknown"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("نقترح تعديل المادة", "ar"),
        ("ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ", "zgh"),
        ("Nous proposons", "fr"),
        ("Bonjour مرحبا", None),
        ("1234", None),
        ("Привет", None),
    ],
)
def test_lang_for_text_gives_the_tag_for_the_detected_script(text, lang):
    assert lang_for_text(text) == lang


def test_detect_script_counts_every_occurrence_of_a_letter():
    # Ten Latin letters (one distinct) against two Arabic ones: Latin holds over 80 %.
    assert detect_script("aaaaaaaaaa بب") == "latn"
    assert detect_script("aaaa بببب") == "mixed"
