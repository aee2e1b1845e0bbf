"""Fold text for matching while remembering where each character came from."""

import unicodedata

# Matching runs on a folded copy of each line, close to consult.text.normalise but keeping
# length per character: marks that vary between typists (tatweel, harakat, the Tifinagh
# joiner, format characters such as bidi controls, Markdown emphasis) are dropped, and
# digits, alef and ya forms, ta marbuta and odd spaces are made uniform. ``fold`` records,
# for each folded character, its index in the raw line, so headings come back as written.
_DROPPED = frozenset("\u0640\u0670\u2d7f*_`") | {
    chr(code) for code in (*range(0x064B, 0x0660), *range(0x06D6, 0x06EE))
}
_FOLDED = {
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    **dict.fromkeys("أإآٱ", "ا"),
    **dict.fromkeys("ىیئ", "ي"),
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",
    **dict.fromkeys("\t\u00a0\u2007\u202f", " "),
}


def fold(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char not in _DROPPED and unicodedata.category(char) != "Cf":
            chars.append(_FOLDED.get(char, char))
            where.append(index)
    where.append(len(text))
    return "".join(chars), where


def plain(text: str) -> str:
    return fold(text)[0]
