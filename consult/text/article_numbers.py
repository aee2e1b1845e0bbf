"""Read article and chapter numbers written as digits, roman numerals or words (fr, ar, zgh)."""

import re

from .folding import plain

_DIGITS = re.compile(r"([0-9]+(?:[.\-][0-9]+)*)(?:ère|er|re|ᵉʳ)?", re.IGNORECASE)
# Upper case only, so French words such as "vi" or "xi" are never read as numerals.
_ROMAN = re.compile(r"([IVX]+)(?:er|ER)?")
_ROMAN_VALID = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_FRENCH_NUMBERS = {
    "premier": "1", "première": "1", "premiere": "1", "unique": "1", "un": "1",
    "préliminaire": "0", "preliminaire": "0",
    "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7",
    "huit": "8", "neuf": "9", "dix": "10", "onze": "11", "douze": "12", "treize": "13",
    "quatorze": "14", "quinze": "15", "seize": "16", "dix-sept": "17", "dix-huit": "18",
    "dix-neuf": "19", "vingt": "20",
}  # fmt: skip
_FRENCH_WORD = re.compile(
    "|".join(sorted(map(re.escape, _FRENCH_NUMBERS), key=len, reverse=True)), re.IGNORECASE
)
_TAMAZIGHT_NUMBERS = {
    "ⵢⴰⵏ": 1, "ⵢⴰⵜ": 1, "ⴰⵎⵣⵡⴰⵔⵓ": 1, "ⵜⴰⵎⵣⵡⴰⵔⵓⵜ": 1, "ⵙⵉⵏ": 2, "ⵙⵏⴰⵜ": 2,
    "ⴽⵕⴰⴹ": 3, "ⴽⵕⴰⴹⵜ": 3, "ⴽⴽⵓⵥ": 4, "ⴽⴽⵓⵥⵜ": 4, "ⵙⵎⵎⵓⵙ": 5, "ⵙⵎⵎⵓⵙⵜ": 5,
    "ⵚⴹⵉⵚ": 6, "ⵚⴹⵉⵚⵜ": 6, "ⵙⴰ": 7, "ⵙⴰⵜ": 7, "ⵜⴰⵎ": 8, "ⵜⴰⵎⵜ": 8,
    "ⵜⵥⴰ": 9, "ⵜⵥⴰⵜ": 9, "ⵎⵔⴰⵡ": 10, "ⵎⵔⴰⵡⵜ": 10,
}  # fmt: skip
_TIFINAGH_WORD = re.compile(r"[\u2d30-\u2d6f]+")

# Arabic ordinals, feminine (for المادة) and masculine (for الباب, الفصل...), written as
# usual and folded once here so that hamza and ta marbuta spellings all match.
_AR_UNITS = {
    plain(word): value
    for value, words in enumerate(
        (
            ("الأولى", "الأول", "الحادية", "الحادي"),
            ("الثانية", "الثاني"),
            ("الثالثة", "الثالث"),
            ("الرابعة", "الرابع"),
            ("الخامسة", "الخامس"),
            ("السادسة", "السادس"),
            ("السابعة", "السابع"),
            ("الثامنة", "الثامن"),
            ("التاسعة", "التاسع"),
            ("العاشرة", "العاشر"),
        ),
        start=1,
    )
    for word in words
}
_AR_TENS = {
    plain(word): value
    for value, words in zip(
        range(20, 100, 10),
        (
            ("العشرون", "العشرين"),
            ("الثلاثون", "الثلاثين"),
            ("الأربعون", "الأربعين"),
            ("الخمسون", "الخمسين"),
            ("الستون", "الستين"),
            ("السبعون", "السبعين"),
            ("الثمانون", "الثمانين"),
            ("التسعون", "التسعين"),
        ),
        strict=True,
    )
    for word in words
}
_AR_TEEN = {plain("عشرة"), plain("عشر")}
_AR_HUNDRED = {plain("المائة"), plain("المئة")}
_AR_AFTER = plain("بعد")
_AR_SPECIAL = {
    plain(word): number
    for word, number in (
        ("فريدة", "1"), ("الفريدة", "1"), ("الوحيدة", "1"), ("الوحيد", "1"),
        ("التمهيدي", "0"), ("التمهيدية", "0"),
    )
}  # fmt: skip
_AR_WORD = re.compile(r"\s*([\u0621-\u064a]+)")

_AR_REPEATED = plain("مكررة")  # "repeated": bis; "twice" / "three times" give ter / quater
_AR_TIMES = {plain("مرتين"): "ter", plain("ثلاث مرات"): "quater"}
_SUFFIX = re.compile(
    r"\s*[-‐]?\s*(bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)(?!\w)"
    rf"|\s*({_AR_REPEATED}?)(?:\s+({'|'.join(_AR_TIMES)}))?(?!\w)",
    re.IGNORECASE,
)


def _roman(text: str) -> str | None:
    if not text or not _ROMAN_VALID.fullmatch(text):
        return None
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for char, following in zip(text, text[1:] + " ", strict=True):
        value = values[char]
        total += -value if values.get(following, 0) > value else value
    return str(total)


def _arabic_ordinal(text: str, pos: int) -> tuple[str, int] | None:
    def word_at(at: int) -> tuple[str, int]:
        found = _AR_WORD.match(text, at)
        return (found.group(1), found.end()) if found else ("", at)

    word, end = word_at(pos)
    if word in _AR_SPECIAL:
        return _AR_SPECIAL[word], end
    if word in _AR_HUNDRED:
        return "100", end
    if word in _AR_TENS:
        value = _AR_TENS[word]
    elif word in _AR_UNITS:
        value = _AR_UNITS[word]
        following, after = word_at(end)
        if following in _AR_TEEN and value < 10:
            value, end = value + 10, after
        elif following == "و":
            following, after = word_at(after)
            if following in _AR_TENS:
                value, end = value + _AR_TENS[following], after
        elif following and following[0] == "و" and following[1:] in _AR_TENS:
            value, end = value + _AR_TENS[following[1:]], after
    else:
        return None
    following, after = word_at(end)
    if following == _AR_AFTER:
        hundred, after = word_at(after)
        if hundred in _AR_HUNDRED:
            value, end = value + 100, after
    return str(value), end


def _number_candidates(text: str, pos: int) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    if digits := _DIGITS.match(text, pos):
        parts = re.split(r"([.\-])", digits.group(1))
        number = "".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)
        found.append((number, digits.end()))
    if (roman := _ROMAN.match(text, pos)) and (value := _roman(roman.group(1))):
        found.append((value, roman.end()))
    if word := _FRENCH_WORD.match(text, pos):
        found.append((_FRENCH_NUMBERS[word.group(0).lower()], word.end()))
    if ordinal := _arabic_ordinal(text, pos):
        found.append(ordinal)
    if (word := _TIFINAGH_WORD.match(text, pos)) and word.group(0) in _TAMAZIGHT_NUMBERS:
        found.append((str(_TAMAZIGHT_NUMBERS[word.group(0)]), word.end()))
    return found


def number_at(text: str, pos: int) -> tuple[str, int] | None:
    """The normalised number starting at ``pos`` of a folded line, and where it ends."""
    for number, end in _number_candidates(text, pos):
        if suffix := _SUFFIX.match(text, end):
            latin, _, times = suffix.groups()
            name = latin.lower() if latin else _AR_TIMES.get(times or "", "bis")
            number, end = f"{number} {name}", suffix.end()
        # A candidate running into a letter ("3abc", or "VI" out of "VINGT") gives way.
        if end >= len(text) or not text[end].isalnum():
            return number, end
    return None


def normalise_article_number(raw: str) -> str | None:
    folded = plain(raw).strip()
    found = number_at(folded, 0)
    if found is None or folded[found[1] :].strip(" .:-–—)"):
        return None
    return found[0]
