"""Plausible text for the benchmark seed, learnt from the demo's own comments and draft.

A word-pair chain per language (ar, fr, zgh) is built from the demo comments, so the seeded
comments have the length, vocabulary and script mix of real ones without being copies.
Everything depends only on the random generator passed in: the same seed gives the same text.
"""

import re
from pathlib import Path

from consult.demo import content
from consult.text.drafts import split_draft
from consult.text.scripts import lang_for_text

LANGUAGES = ("ar", "fr", "zgh")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
_END = None  # marks the end of a sentence in the chain


class Chain:
    """Next-word lists per word, learnt from sentences; generation is driven by a Random."""

    def __init__(self, sentences: list[str]):
        self.starts: list[str] = []
        self.after: dict[str, list[str | None]] = {}
        for sentence in sentences:
            words = sentence.split()
            if len(words) < 3:
                continue
            self.starts.append(words[0])
            for word, following in zip(words, [*words[1:], _END], strict=True):
                self.after.setdefault(word, []).append(following)

    def sentence(self, rng, max_words: int = 28) -> str:
        words = [rng.choice(self.starts)]
        while len(words) < max_words:
            following = rng.choice(self.after.get(words[-1], [_END]))
            if following is _END:
                break
            words.append(following)
        text = " ".join(words).rstrip(",;،")
        return text if text[-1] in ".!?؟:" else text + "."


def _chains() -> dict[str, Chain]:
    sentences: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for entry in content.COMMENTS + content.CLOSED_COMMENTS:
        lang = lang_for_text(entry["body"])
        if lang in sentences:
            for paragraph in entry["body"].split("\n"):
                sentences[lang].extend(s for s in _SENTENCE_END.split(paragraph) if s.strip())
    return {lang: Chain(found) for lang, found in sentences.items()}


class Writer:
    """Comment bodies (a little Markdown now and then) and display names."""

    def __init__(self, rng):
        self.rng = rng
        self.chains = _chains()
        names = [user["display_name"] for user in content.USERS]
        self.first_names = sorted({name.split()[0] for name in names})
        self.last_names = sorted({name.split()[-1] for name in names if len(name.split()) > 1})

    def comment(self, lang: str, article_number: str | None) -> str:
        rng, chain = self.rng, self.chains[lang]
        paragraphs = []
        for _ in range(rng.choices((1, 2, 3), weights=(6, 3, 1))[0]):
            paragraphs.append(" ".join(chain.sentence(rng) for _ in range(rng.randint(1, 3))))
        roll = rng.random()
        if roll < 0.08:
            words = paragraphs[0].split()
            cut = min(len(words), rng.randint(2, 5))
            paragraphs[0] = "**" + " ".join(words[:cut]) + "** " + " ".join(words[cut:])
        elif roll < 0.12:
            paragraphs.append("\n".join("- " + chain.sentence(rng, 10) for _ in range(3)))
        elif roll < 0.14:
            paragraphs.append(f"https://www.sgg.gov.ma/projets/{rng.randint(100, 999)}")
        if article_number and rng.random() < 0.1:
            mention = {"fr": "Article", "ar": "المادة", "zgh": "ⴰⵎⴳⵉⵔⴷ"}[lang]
            paragraphs[0] = f"{mention} {article_number} : {paragraphs[0]}"
        return "\n\n".join(paragraphs)

    def display_name(self) -> str:
        return f"{self.rng.choice(self.first_names)} {self.rng.choice(self.last_names)}"


def draft_articles() -> list[dict]:
    """The demo draft's articles as {"number", "heading": {fr, ar}, "body": {fr, ar}}."""
    here = Path(content.__file__).parent
    by_lang = {
        lang: split_draft((here / f"draft_{lang}.txt").read_text(encoding="utf-8"), lang).to_dict()[
            "articles"
        ]
        for lang in ("fr", "ar")
    }
    return [
        {
            "heading": {lang: by_lang[lang][i]["heading"] for lang in by_lang},
            "body": {lang: by_lang[lang][i]["body"] for lang in by_lang},
        }
        for i in range(min(len(articles) for articles in by_lang.values()))
    ]
