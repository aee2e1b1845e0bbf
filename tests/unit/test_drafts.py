"""Splitting draft texts into chapters and articles, in French, Arabic and Tamazight."""

import json
import random

import pytest

from consult.text.article_numbers import normalise_article_number
from consult.text.drafts import (
    Article,
    Chapter,
    DraftStructure,
    split_draft,
)

FRENCH_DRAFT = """\
Projet de loi n° 12-34 relatif au droit d'accès à l'information

Exposé des motifs : le présent projet met en œuvre l'article 27 de la Constitution.

CHAPITRE PREMIER
Dispositions générales

Article premier. – La présente loi fixe les conditions et les modalités d'accès à \
l'information détenue par les administrations publiques et les établissements publics.

Article 2 - Définitions
Au sens de la présente loi, on entend par :
- « information » : toute donnée détenue par une administration ;
- « demandeur » : toute personne physique ou morale.

Article 3 : Gratuité
L'accès à l'information est gratuit, sous réserve de l'article 5 ci-dessous.
Article 3 de la loi n° 31-13 précitée dispose que la reproduction peut être facturée.

Chapitre II : Procédure d'accès

Article 4
La demande est adressée par écrit à la personne désignée conformément à l'article 2.
En application de l'article 12 ci-dessus, un récépissé est délivré.

Article 4 bis – Délai
La réponse intervient dans un délai de vingt jours.

Article 5 – Entrée en vigueur
La présente loi entre en vigueur six mois après sa publication au Bulletin officiel.
"""

ARABIC_DRAFT = """\
مشروع قانون رقم 12.34 يتعلق بالحق في الحصول على المعلومات

الفصل الأول
أحكام عامة

المادة الأولى
يحدد هذا القانون شروط وكيفيات الحصول على المعلومات الموجودة في حوزة الإدارات العمومية.

المادة 2: تعاريف
يقصد بالمعلومات في مدلول هذا القانون كل معطى في حوزة الإدارة.
المادة 3 من هذا القانون تحدد مجانية الحصول على المعلومات.

المـادة ٣ - المجانية
يكون الحصول على المعلومات مجانا وفقا للمادة 5 أدناه.

الفصل الثاني - مسطرة الحصول على المعلومات

المادة الرابعة
يقدم الطلب كتابة إلى الشخص المكلف طبقا للمادة 2.

المادة 4 مكرر – الآجال
يتم الرد داخل أجل عشرين يوما.

المادة الخامسة
يدخل هذا القانون حيز التنفيذ بعد ستة أشهر من نشره في الجريدة الرسمية.
"""

# Tamazight in Tifinagh: ⴰⴼⵚⵍ (article), ⴰⵙⵜⴰⵢ (title), ⴰⴳⵣⵣⵓⵎ (chapter), ⵡⵉⵙ (ordinal).
TAMAZIGHT_DRAFT = """\
ⴰⵙⵜⴰⵢ ⵡⵉⵙ 1
ⵜⵉⵏⴰⴹⵉⵏ ⵜⵉⵎⴰⵜⴰⵢⵉⵏ
ⴰⴼⵚⵍ ⵡⵉⵙ 1
ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴳⴰ ⵜⵓⵜⵍⴰⵢⵜ ⵜⵓⵏⵚⵉⴱⵜ ⵏ ⵡⴰⵡⴰⵏⴽ.
ⴰⴼⵚⵍ 2 - ⵜⵉⴼⵉⵏⴰⵖ
ⵜⵜⵓⵢⴰⵔⴰ ⵜⵎⴰⵣⵉⵖⵜ ⵙ ⵜⴼⵉⵏⴰⵖ ⵣⵓⵏ ⵎⴰ ⵉⵙⵙⴽⵜⵉ ⵓⴼⵚⵍ 1.
ⴰⴼⵚⵍ 3 ⵏ ⵓⵙⵍⴳⵏ ⴰⴷ ⵉⵙⵏⵓⵎⵎⵍ ⴰⵢⴰ.
ⴰⴳⵣⵣⵓⵎ ⵡⵉⵙ ⵙⵉⵏ
ⴰⴼ\u2d7fⵚⵍ ⵡⵉⵙ ⴽⵕⴰⴹ
ⵉⵜⵜⵓⵙⵎⵔⴰⵙ ⵓⵙⵍⴳⵏ ⴰⴷ ⵙⴳ ⵡⴰⵙⵙ ⵏ ⵓⵥⵕⵓⴳ ⵏⵏⵙ.
"""


def article_lines(text: str) -> list[tuple[str, str]]:
    """(number, heading) of each article found in ``text``."""
    return [(article.number, article.heading) for article in split_draft(text, "fr").articles]


def lines_accounted_for(text: str, draft: DraftStructure) -> list[str]:
    """Input lines that appear nowhere in the result; a correct split loses none."""
    kept = [draft.preamble]
    for article in draft.articles:
        kept += [article.heading_line, article.body]
    kept += [chapter.heading_line for chapter in draft.chapters]
    blob = "\n".join(kept)
    # A chapter title taken from the next line comes back without Markdown or brackets.
    titles = [chapter.heading for chapter in draft.chapters if chapter.heading]
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() not in blob and not any(title in line for title in titles)
    ]


# A realistic French draft


def test_french_draft_finds_both_chapters_with_their_titles():
    draft = split_draft(FRENCH_DRAFT, "fr")
    assert draft.chapters == [
        Chapter("chapter", "1", "CHAPITRE PREMIER", "Dispositions générales"),
        Chapter("chapter", "2", "Chapitre II : Procédure d'accès", "Procédure d'accès"),
    ]


def test_french_draft_finds_six_articles_in_their_chapters():
    draft = split_draft(FRENCH_DRAFT, "fr")
    assert [(a.number, a.heading, a.chapter) for a in draft.articles] == [
        ("1", "", 0),
        ("2", "Définitions", 0),
        ("3", "Gratuité", 0),
        ("4", "", 1),
        ("4 bis", "Délai", 1),
        ("5", "Entrée en vigueur", 1),
    ]


def test_french_draft_text_before_the_first_heading_is_the_preamble():
    assert split_draft(FRENCH_DRAFT, "fr").preamble == (
        "Projet de loi n° 12-34 relatif au droit d'accès à l'information\n\n"
        "Exposé des motifs : le présent projet met en œuvre l'article 27 de la Constitution."
    )


def test_french_draft_body_holds_following_paragraphs_joined_by_blank_lines():
    article = split_draft(FRENCH_DRAFT, "fr").articles[1]
    assert article == Article(
        number="2",
        heading_line="Article 2 - Définitions",
        heading="Définitions",
        chapter=0,
        body=(
            "Au sens de la présente loi, on entend par :\n\n"
            "- « information » : toute donnée détenue par une administration ;\n\n"
            "- « demandeur » : toute personne physique ou morale."
        ),
    )


def test_sentence_on_the_heading_line_after_a_dash_becomes_the_body():
    article = split_draft(FRENCH_DRAFT, "fr").articles[0]
    assert article.heading_line.startswith("Article premier. – La présente loi")
    assert article.heading == ""
    assert article.body.startswith("La présente loi fixe les conditions")


def test_line_quoting_another_law_stays_in_the_body():
    article = split_draft(FRENCH_DRAFT, "fr").articles[2]
    assert article.body == (
        "L'accès à l'information est gratuit, sous réserve de l'article 5 ci-dessous.\n\n"
        "Article 3 de la loi n° 31-13 précitée dispose que la reproduction peut être facturée."
    )


def test_mentions_inside_sentences_never_start_an_article():
    article = split_draft(FRENCH_DRAFT, "fr").articles[3]
    assert article.body == (
        "La demande est adressée par écrit à la personne désignée conformément à l'article 2.\n\n"
        "En application de l'article 12 ci-dessus, un récépissé est délivré."
    )


def test_french_draft_loses_no_line():
    draft = split_draft(FRENCH_DRAFT, "fr")
    assert lines_accounted_for(FRENCH_DRAFT, draft) == []


# The Arabic equivalent


def test_arabic_draft_reads_al_fasl_as_chapters():
    draft = split_draft(ARABIC_DRAFT, "ar")
    assert draft.chapters == [
        Chapter("chapter", "1", "الفصل الأول", "أحكام عامة"),
        Chapter(
            "chapter",
            "2",
            "الفصل الثاني - مسطرة الحصول على المعلومات",
            "مسطرة الحصول على المعلومات",
        ),
    ]


def test_arabic_draft_finds_six_articles_with_ordinal_and_digit_numbers():
    draft = split_draft(ARABIC_DRAFT, "ar")
    assert [(a.number, a.heading, a.chapter) for a in draft.articles] == [
        ("1", "", 0),
        ("2", "تعاريف", 0),
        ("3", "المجانية", 0),
        ("4", "", 1),
        ("4 bis", "الآجال", 1),
        ("5", "", 1),
    ]


def test_arabic_heading_line_is_kept_as_written_with_tatweel_and_indic_digit():
    article = split_draft(ARABIC_DRAFT, "ar").articles[2]
    assert article.heading_line == "المـادة ٣ - المجانية"
    assert article.body == "يكون الحصول على المعلومات مجانا وفقا للمادة 5 أدناه."


def test_arabic_line_quoting_an_article_stays_in_the_body():
    article = split_draft(ARABIC_DRAFT, "ar").articles[1]
    assert article.body == (
        "يقصد بالمعلومات في مدلول هذا القانون كل معطى في حوزة الإدارة.\n\n"
        "المادة 3 من هذا القانون تحدد مجانية الحصول على المعلومات."
    )


def test_arabic_draft_preamble_and_no_lost_line():
    draft = split_draft(ARABIC_DRAFT, "ar")
    assert draft.preamble == "مشروع قانون رقم 12.34 يتعلق بالحق في الحصول على المعلومات"
    assert lines_accounted_for(ARABIC_DRAFT, draft) == []


# Tamazight


def test_tamazight_draft_reads_title_chapter_and_articles():
    draft = split_draft(TAMAZIGHT_DRAFT, "zgh")
    assert [(c.kind, c.number, c.heading) for c in draft.chapters] == [
        ("title", "1", "ⵜⵉⵏⴰⴹⵉⵏ ⵜⵉⵎⴰⵜⴰⵢⵉⵏ"),
        ("chapter", "2", ""),
    ]
    assert [(a.number, a.heading, a.chapter) for a in draft.articles] == [
        ("1", "", 0),
        ("2", "ⵜⵉⴼⵉⵏⴰⵖ", 0),
        ("3", "", 1),
    ]


def test_tamazight_mentions_stay_in_the_body():
    article = split_draft(TAMAZIGHT_DRAFT, "zgh").articles[1]
    assert article.body == (
        "ⵜⵜⵓⵢⴰⵔⴰ ⵜⵎⴰⵣⵉⵖⵜ ⵙ ⵜⴼⵉⵏⴰⵖ ⵣⵓⵏ ⵎⴰ ⵉⵙⵙⴽⵜⵉ ⵓⴼⵚⵍ 1.\n\nⴰⴼⵚⵍ 3 ⵏ ⵓⵙⵍⴳⵏ ⴰⴷ ⵉⵙⵏⵓⵎⵎⵍ ⴰⵢⴰ."
    )


def test_tifinagh_joiner_does_not_hide_a_heading():
    article = split_draft(TAMAZIGHT_DRAFT, "zgh").articles[2]
    assert article.heading_line == "ⴰⴼ\u2d7fⵚⵍ ⵡⵉⵙ ⴽⵕⴰⴹ"
    assert article.number == "3"


# Languages mix


def test_headings_of_every_language_are_found_whatever_lang_says():
    text = "Article 1\nTexte.\nالمادة 2\nنص.\nⴰⴼⵚⵍ 3\nⴰⴹⵕⵉⵙ."
    for lang in ("fr", "ar", "zgh"):
        assert [a.number for a in split_draft(text, lang).articles] == ["1", "2", "3"]


# What starts an article


@pytest.mark.parametrize(
    ("line", "number", "heading"),
    [
        ("Article 1", "1", ""),
        ("Article 1er", "1", ""),
        ("Article 1er :", "1", ""),
        ("Article premier", "1", ""),
        ("ARTICLE PREMIER", "1", ""),
        ("Article Ier", "1", ""),
        ("Article unique", "1", ""),
        ("ARTICLE 2", "2", ""),
        ("Art. 3", "3", ""),
        ("Art. 3. – Objet", "3", "Objet"),
        ("Article 3 - Définitions", "3", "Définitions"),
        ("Article 3 – Définitions", "3", "Définitions"),
        ("Article 3 — Définitions", "3", "Définitions"),
        ("Article 3 : Définitions", "3", "Définitions"),
        ("Article 3\u00a0: Définitions", "3", "Définitions"),
        ("Article 3. Définitions", "3", "Définitions"),
        ("Article 3 Définitions", "3", "Définitions"),
        ("Article 3 (nouveau)", "3", "nouveau"),
        ("Article 2 bis", "2 bis", ""),
        ("Article 2 ter – Sanctions", "2 ter", "Sanctions"),
        ("Article 2 quater", "2 quater", ""),
        ("Article 2 decies", "2 decies", ""),
        ("Article 4bis", "4 bis", ""),
        ("Article 4-bis", "4 bis", ""),
        ("Article 4 BIS", "4 bis", ""),
        ("Article deux", "2", ""),
        ("Article 12-1", "12-1", ""),
        ("## Article 2", "2", ""),
        ("**Article 3** – Définitions", "3", "Définitions"),
        ("- Article 7", "7", ""),
        ("المادة 1", "1", ""),
        ("المادة الأولى", "1", ""),
        ("المادة الاولى", "1", ""),
        ("المادة الثانية", "2", ""),
        ("المادة الثالثة", "3", ""),
        ("المادة العاشرة", "10", ""),
        ("المادة الحادية عشرة", "11", ""),
        ("المادة الثانية عشرة", "12", ""),
        ("المادة التاسعة عشرة", "19", ""),
        ("المادة العشرون", "20", ""),
        ("المادة الحادية والعشرون", "21", ""),
        ("المادة الثانية والعشرون", "22", ""),
        ("المادة الخامسة والثلاثون", "35", ""),
        ("المادة التاسعة والتسعون", "99", ""),
        ("المادة المائة", "100", ""),
        ("المادة المئة", "100", ""),
        ("المادة الأولى بعد المائة", "101", ""),
        ("المادة ١٢", "12", ""),
        ("المادة ۱۲", "12", ""),
        ("المادة 4 مكرر", "4 bis", ""),
        ("المادة 4 مكررة", "4 bis", ""),
        ("المادة 4 مكرر مرتين", "4 ter", ""),
        ("المادة 3: تعاريف", "3", "تعاريف"),
        ("المادة 3 (تعاريف)", "3", "تعاريف"),
        ("\u200fالمَادَّة 3", "3", ""),
        ("مادة فريدة", "1", ""),
        ("ⴰⴼⵚⵍ 1", "1", ""),
        ("ⴰⴼⵚⵍ ⵡⵉⵙ 1", "1", ""),
        ("ⴰⴼⵚⵍ ⵡⵉⵙ ⵙⵉⵏ", "2", ""),
        ("ⴰⴼⵚⵍ 5 - ⵜⵓⵜⵍⴰⵢⵉⵏ", "5", "ⵜⵓⵜⵍⴰⵢⵉⵏ"),
    ],
)
def test_article_heading_is_recognised(line, number, heading):
    assert article_lines(f"Préambule.\n{line}\nCorps.") == [(number, heading)]


@pytest.mark.parametrize(
    "line",
    [
        "conformément à l'article 3, la demande est écrite.",
        "En application de l'article 12 ci-dessus, le délai court.",
        "Article 3 de la loi n° 31-13 précitée dispose que l'accès est gratuit.",
        "Article 3 de la loi n° 31-13",
        "Article 12 ci-dessus",
        "ARTICLE 3 DE LA LOI N° 31-13 PRÉCITÉE DISPOSE QUE",
        "Article 2, alinéa 3, est modifié comme suit :",
        "Article 5 et 6 sont abrogés.",
        "Articles 5 et 6",
        "Article 3 Les parties conviennent de ce qui suit et le notent. Elles signent.",
        "Article",
        "Article 3abc",
        "Artisan 3",
        "وفقا للمادة 3، تقدم الطلبات.",
        "المادة 3 من هذا القانون",
        "المادة 3 أعلاه",
        "المادة 3 تنص على أن",
        "والمادة 3",
        "ⴰⴼⵚⵍ 3 ⵏ ⵓⵙⵍⴳⵏ ⴰⴷ",
        "ⵣⵓⵏ ⵎⴰ ⵉⵙⵙⴽⵜⵉ ⵓⴼⵚⵍ 1",
    ],
)
def test_mention_or_sentence_is_not_an_article_heading(line):
    draft = split_draft(f"Article 1\n{line}", "fr")
    assert [a.number for a in draft.articles] == ["1"]
    assert draft.articles[0].body == line


def test_separator_followed_by_a_sentence_puts_the_sentence_in_the_body():
    draft = split_draft("المادة الأولى: يطبق هذا القانون على الإدارات العمومية\nتتمة.", "ar")
    assert [(a.number, a.heading, a.body) for a in draft.articles] == [
        ("1", "", "يطبق هذا القانون على الإدارات العمومية\n\nتتمة.")
    ]


def test_long_heading_after_a_separator_is_treated_as_body():
    line = (
        "Article 7 - Les administrations publiques désignent une ou plusieurs personnes "
        "chargées de recevoir les demandes"
    )
    article = split_draft(line, "fr").articles[0]
    assert (article.number, article.heading) == ("7", "")
    assert article.body.startswith("Les administrations publiques désignent")


# Chapters


@pytest.mark.parametrize(
    ("line", "kind", "number", "heading"),
    [
        ("Livre premier", "book", "1", ""),
        ("Première partie", None, None, None),
        ("Partie 2 : Finances", "part", "2", "Finances"),
        ("TITRE PRÉLIMINAIRE", "title", "0", ""),
        ("Titre Ier – Principes", "title", "1", "Principes"),
        ("Titre IV", "title", "4", ""),
        ("Chapitre 1er", "chapter", "1", ""),
        ("CHAPITRE II DISPOSITIONS FINALES", "chapter", "2", "DISPOSITIONS FINALES"),
        ("Chapitre XIV", "chapter", "14", ""),
        ("Section 3 - Sanctions", "section", "3", "Sanctions"),
        ("Sous-section 1", "section", "1", ""),
        ("Sous section 2", "section", "2", ""),
        ("الكتاب الأول", "book", "1", ""),
        ("القسم الثاني", "part", "2", ""),
        ("الباب التمهيدي", "title", "0", ""),
        ("الباب الأول: المبادئ", "title", "1", "المبادئ"),
        ("الفصل الحادي عشر", "chapter", "11", ""),
        ("الفرع 2", "section", "2", ""),
        ("ⴰⵙⵜⴰⵢ ⵡⵉⵙ 1", "title", "1", ""),
        ("ⴰⴳⵣⵣⵓⵎ 2", "chapter", "2", ""),
        ("Titre de séjour", None, None, None),
        ("Section 2 du chapitre 3 est abrogée.", None, None, None),
    ],
)
def test_chapter_heading_is_recognised(line, kind, number, heading):
    draft = split_draft(f"{line}\nArticle 1\nCorps.", "fr")
    found = [(c.kind, c.number, c.heading) for c in draft.chapters]
    assert found == ([] if kind is None else [(kind, number, heading)])


def test_chapter_title_on_the_next_line_is_taken_and_not_repeated_in_the_body():
    draft = split_draft("Chapitre II\n**Procédure**\nArticle 4\nTexte.", "fr")
    assert draft.chapters == [Chapter("chapter", "2", "Chapitre II", "Procédure")]
    assert draft.articles[0].body == "Texte."
    assert draft.preamble == ""


def test_next_line_is_not_a_chapter_title_when_it_is_an_article_or_a_sentence():
    draft = split_draft(
        "Chapitre II\nArticle 4\nTexte.\n"
        "Chapitre III\nLes dispositions du présent chapitre s'appliquent aux communes.\n"
        "Article 5\nFin.",
        "fr",
    )
    assert [c.heading for c in draft.chapters] == ["", ""]
    # Text between a chapter heading and its first article stays with the previous article.
    assert draft.articles[0].body == (
        "Texte.\n\nLes dispositions du présent chapitre s'appliquent aux communes."
    )


def test_articles_take_the_latest_heading_of_any_kind():
    draft = split_draft(
        "Titre I\nArticle 1\nChapitre 1\nArticle 2\nSection 1\nArticle 3\nTitre II\nArticle 4",
        "fr",
    )
    assert [c.kind for c in draft.chapters] == ["title", "chapter", "section", "title"]
    assert [a.chapter for a in draft.articles] == [0, 1, 2, 3]


def test_articles_before_any_chapter_have_no_chapter():
    draft = split_draft("Article 1\nTexte.\nChapitre 1\nArticle 2", "fr")
    assert [a.chapter for a in draft.articles] == [None, 0]


# Number normalisation


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", "1"),
        ("01", "1"),
        ("premier", "1"),
        ("Premier", "1"),
        ("1er", "1"),
        ("Ier", "1"),
        ("unique", "1"),
        ("II", "2"),
        ("IX", "9"),
        ("XXXIX", "39"),
        ("dix-sept", "17"),
        ("préliminaire", "0"),
        ("الأولى", "1"),
        ("الأول", "1"),
        ("الثالثة", "3"),
        ("الحادية عشرة", "11"),
        ("الثانية والعشرون", "22"),
        ("المائة", "100"),
        ("٣", "3"),
        ("۴٥", "45"),
        ("4 bis", "4 bis"),
        ("4 BIS", "4 bis"),
        ("4bis", "4 bis"),
        ("4-bis", "4 bis"),
        ("4 مكرر", "4 bis"),
        ("4 مكرر مرتين", "4 ter"),
        ("4 ter", "4 ter"),
        ("ⴽⴽⵓⵥ", "4"),
        ("3.", "3"),
        (" 3 ", "3"),
    ],
)
def test_normalise_article_number(raw, expected):
    assert normalise_article_number(raw) == expected


@pytest.mark.parametrize("raw", ["", "abc", "IIII", "L", "3 de la loi", "VINGT-DEUX", "4 bisou"])
def test_normalise_article_number_refuses_what_is_not_a_number(raw):
    assert normalise_article_number(raw) is None


# Shape and robustness


def test_empty_input_gives_an_empty_structure():
    for text in ("", "\n\n  \n"):
        assert split_draft(text, "fr") == DraftStructure(chapters=[], articles=[], preamble="")


def test_text_without_headings_is_all_preamble():
    draft = split_draft("Note de présentation.\n\nElle explique le projet.", "fr")
    assert draft.articles == [] and draft.chapters == []
    assert draft.preamble == "Note de présentation.\n\nElle explique le projet."


def test_to_dict_has_exactly_the_documented_keys_and_is_json():
    data = split_draft(FRENCH_DRAFT, "fr").to_dict()
    assert list(data) == ["chapters", "articles", "preamble"]
    assert list(data["chapters"][0]) == ["kind", "number", "heading_line", "heading"]
    assert list(data["articles"][0]) == ["number", "heading_line", "heading", "chapter", "body"]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["articles"][4] == {
        "number": "4 bis",
        "heading_line": "Article 4 bis – Délai",
        "heading": "Délai",
        "chapter": 1,
        "body": "La réponse intervient dans un délai de vingt jours.",
    }


def test_structures_are_frozen():
    draft = split_draft("Article 1\nTexte.", "fr")
    with pytest.raises(AttributeError):
        draft.articles[0].number = "2"  # type: ignore[misc]


FUZZ_PIECES = [
    "Article", "article", "ARTICLE", "Art.", "Chapitre", "Titre", "Section", "Sous-section",
    "المادة", "الفصل", "الباب", "ⴰⴼⵚⵍ", "ⵡⵉⵙ", "ⴰⵙⵜⴰⵢ", "premier", "1er", "Ier", "II", "XIV",
    "unique", "bis", "ter", "مكرر", "مرتين", "الأولى", "الحادية", "عشرة", "والعشرون", "بعد",
    "المائة", "3", "٣", "۴", "0", "99999999999999999999", " ", " ", " ", "\n", "\n", "\r\n",
    "-", "–", ":", ".", ")", "(", "«", "*", "#", "_", "de", "la", "من", "ⵏ", "Définitions",
    "ـ", "\u2d7f", "\u200f", "\ufeff", "\u00a0", "\t", "é", "x", "\x00", "\U0001f600",
]  # fmt: skip


def test_random_text_never_raises_and_loses_no_line():
    chooser = random.Random(20240611)
    for _ in range(3000):
        pieces = chooser.choices(FUZZ_PIECES, k=chooser.randrange(0, 40))
        text = "".join(pieces)
        if chooser.random() < 0.2:
            text += "".join(chr(chooser.randrange(0x20, 0x3000)) for _ in range(20))
        draft = split_draft(text, chooser.choice(["fr", "ar", "zgh", ""]))
        json.dumps(draft.to_dict())
        assert lines_accounted_for(text, draft) == [], text
