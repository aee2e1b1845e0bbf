"""Normalisation of Arabic, French and Tamazight text for search and duplicates."""

import random
import unicodedata

import pytest

from consult.text.normalise import _FOLD, normalise, tokens


def test_normalise_strips_tashkeel_and_tatweel():
    assert normalise("الْمُوَاطِنُونَ") == "المواطنون"
    assert normalise("كــتــاب") == "كتاب"
    assert normalise("هٰذا") == "هذا"  # superscript alef


@pytest.mark.parametrize("alef", ["أ", "إ", "آ", "ٱ", "ا"])
def test_normalise_unifies_alef_forms(alef):
    assert normalise(f"{alef}حمد") == "احمد"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("مسؤول", "مسوول"),  # hamza on waw
        ("مسئول", "مسيول"),  # hamza on ya
        ("فارسی", "فارسي"),  # Persian yeh
        ("کتاب", "كتاب"),  # Persian keheh
    ],
)
def test_normalise_folds_arabic_letter_variants(written, expected):
    assert normalise(written) == expected


def test_normalise_makes_spelling_variants_of_a_phrase_equal():
    assert normalise("المَسْؤُولِيَّة الاجتماعيّة") == normalise("المسؤوليه الإجتماعية")


def test_normalise_turns_presentation_forms_into_letters():
    assert normalise("ﻻ ﻣﺮﺣﺒﺎ") == "لا مرحبا"


def test_normalise_turns_arabic_indic_digits_into_latin_digits():
    assert normalise("المادة ٢٣ من قانون ۲۰۱۱") == "الماده 23 من قانون 2011"


def test_normalise_folds_french_case_and_accents():
    assert normalise("Élève FRANÇAIS à l'Œuvre, cœur, Ægypte") == (
        "eleve francais a l'oeuvre, coeur, aegypte"
    )


def test_normalise_treats_decomposed_and_composed_accents_alike():
    assert normalise("e\u0301cole") == normalise("\u00e9cole") == "ecole"


def test_normalise_unfolds_compatibility_characters():
    assert normalise("ﬁnancement ２０２４") == "financement 2024"


def test_normalise_drops_the_tifinagh_joiner():
    assert normalise("ⵜ\u2d7fⵜ") == "ⵜⵜ"


def test_normalise_keeps_tifinagh_letters():
    assert normalise("ⵜⴰⵎⴰⵣⵉⵖⵜ") == "ⵜⴰⵎⴰⵣⵉⵖⵜ"


def test_normalise_drops_invisible_format_characters():
    assert normalise("avis\u200b \u202eimportant\u202c\u200f") == "avis important"


def test_normalise_collapses_whitespace():
    assert normalise("  un\t\tdeux\n\u00a0trois  ") == "un deux trois"


@pytest.mark.parametrize(
    "text", ["الْمُوَاطِنُونَ أإآ", "Élève Œuvre Straße", "ⵜ\u2d7fⵜ", "ﻻ ٢٣", "İstanbul"]
)
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


def test_tokens_splits_words_across_scripts():
    assert tokens("L'article 5 — ⴰⵣⵓⵍ, المادةُ ٥؟") == ["l", "article", "5", "ⴰⵣⵓⵍ", "الماده", "5"]


def test_tokens_splits_on_underscores_and_hyphens():
    assert tokens("peut-être mot_clé") == ["peut", "etre", "mot", "cle"]


def test_tokens_of_punctuation_only_is_empty():
    assert tokens(" ... !!! ؟ ، ") == []


def _normalise_one_character_at_a_time(text: str) -> str:
    """The definition of normalise(), step by step on the whole text (the implementation
    works character by character through a cached table, for speed)."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    text = "".join(
        char
        for char in unicodedata.normalize("NFD", text)
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    ).translate(_FOLD)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_normalise_matches_its_character_by_character_definition():
    rng = random.Random(4)
    alphabet = (
        [chr(code) for code in _FOLD]
        + list("abcéèçœæ ÉÀ\u0301\u0327\u0304ǣ\u0654\u1100\u1161\u200d\u200f\ufeff\u00ad\t\nﻻﬁ")
        + [chr(code) for code in range(0x0621, 0x064B)]
        + [chr(code) for code in range(0x2D30, 0x2D80)]
    )
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        text += "".join(chr(rng.randint(0x20, 0x2FFFF)) for _ in range(rng.randint(0, 3)))
        assert normalise(text) == _normalise_one_character_at_a_time(text)
