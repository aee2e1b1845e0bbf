"""Write the labelled evaluation sets of the synthesis engine (eval_a.jsonl, eval_b.jsonl)."""

# Run: .venv/bin/python tests/data/synthesis/generate.py (deterministic: same files every time).
#
# Two sets of contributions to a consultation on a public-consultation law, in Arabic, French
# and Tamazight (Tifinagh), about ten themes (vocab_*.py). Each set holds independent
# contributions, campaigns (one text copied by many accounts: exact copies, copies with changed
# case, punctuation or Arabic spelling, copies with typos, reworded copies), a few campaigns
# that circulate in two languages, small groups of 2–4 copies, and "near misses" that quote one
# sentence of a campaign inside a text of their own.
#
# Set A was used to tune the engine; set B has another seed, other sentence frames, openers and
# closers, and other copy edits (a personal sentence added, sentences reordered, more typos),
# and was not tuned on.
#
# Truth fields: ``truth_lang`` is the language a text is written in (``lang`` is only given
# for some, as senders do); ``truth_theme`` is the theme; ``truth_group`` names the source text a
# contribution was copied from (null for an original text). A translated copy of a campaign is
# a group of its own: character shingles cannot see a translation, and the ministry merges
# those by hand.

import json
import random
import re
from pathlib import Path

import vocab_ar
import vocab_fr
import vocab_zgh

HERE = Path(__file__).parent
VOCAB = {"ar": vocab_ar, "fr": vocab_fr, "zgh": vocab_zgh}
THEMES = list(vocab_fr.THEMES)
ARTICLES = {
    "publication": ["8", "9"],
    "delais": ["4"],
    "langues": ["5"],
    "associations": ["2", "3"],
    "donnees": ["10"],
    "communes": ["11", "12"],
    "rural": ["13"],
    "jeunes_femmes": ["6"],
    "diaspora": ["14"],
    "petitions": ["15"],
}
REGIONS = [
    "Tanger-Tétouan-Al Hoceïma",
    "Oriental",
    "Fès-Meknès",
    "Rabat-Salé-Kénitra",
    "Béni Mellal-Khénifra",
    "Casablanca-Settat",
    "Marrakech-Safi",
    "Drâa-Tafilalet",
    "Souss-Massa",
    "Guelmim-Oued Noun",
    "Laâyoune-Sakia El Hamra",
    "Dakhla-Oued Ed-Dahab",
]
TYPES = ["citizen", "citizen", "citizen", "association", "network", "elected"]
# Arabic spellings that normalisation folds together: a copy may use either.
ARABIC_VARIANTS = [("أ", "ا"), ("إ", "ا"), ("ة", "ه"), ("ى", "ي")]
TASHKEEL = "\u064e\u064f\u0650\u0651\u0652"

SETS = {
    "a": {
        "seed": 20260310,
        "frames": "A",
        "independent": 1700,
        "langs": {"ar": 0.4, "fr": 0.4, "zgh": 0.2},
        "campaigns": 12,
        "sizes": (5, 70),
        "bilingual": 3,
        "small_groups": 30,
        "near_misses": 40,
        "mix": 0.1,
    },
    "b": {
        "seed": 7919,
        "frames": "B",
        "independent": 1500,
        "langs": {"ar": 0.35, "fr": 0.35, "zgh": 0.3},
        "campaigns": 14,
        "sizes": (5, 55),
        "bilingual": 4,
        "small_groups": 35,
        "near_misses": 50,
        "mix": 0.15,
    },
}


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_FRENCH_CONTRACTIONS = [
    (re.compile(r"\bde ([aeiouyéèêâ])"), r"d'\1"),
    (re.compile(r"\bque ([aeiouyéèê])"), r"qu'\1"),
    (re.compile(r"\bde les\b"), "des"),
    (re.compile(r"\bde le\b"), "du"),
    (re.compile(r"\bà les\b"), "aux"),
    (re.compile(r"\bà le\b"), "au"),
]


def word_pairs(text: str) -> set[tuple[str, str]]:
    words = re.findall(r"[^\W_]+", text.lower())
    return set(zip(words, words[1:], strict=False))


def french(text: str) -> str:
    for pattern, replacement in _FRENCH_CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


class Writer:
    def __init__(self, spec: dict):
        self.spec = spec
        self.rng = random.Random(spec["seed"])
        self.suffix = spec["frames"]
        self.records: list[dict] = []
        self.authors = 0
        self.used: dict[str, list[set[tuple[str, str]]]] = {}

    def vocab(self, lang, name):
        return getattr(VOCAB[lang], f"{name}_{self.suffix}")

    # A sentence is a plan (frame, demand, topic, reason indices) so that it can be rendered in
    # any language: that is how a campaign circulates in two languages.
    def plan_sentence(self, frame: int) -> tuple:
        if self.rng.random() < 0.3:
            demand = ("whole", self.rng.randrange(6))
        else:
            qualifier = self.rng.randrange(8) if self.rng.random() < 0.4 else -1
            demand = ("slots", self.rng.randrange(5), self.rng.randrange(6), qualifier)
        return (frame, demand, self.rng.randrange(6), self.rng.randrange(4))

    def demand(self, lang, theme, plan) -> str:
        if plan[0] == "whole":
            return VOCAB[lang].THEMES[theme]["demands"][plan[1]]
        _, verb, obj, qualifier = plan
        slots = VOCAB[lang].SLOTS[theme]
        words = [slots["verbs"][verb], slots["objects"][obj]]
        if qualifier >= 0:
            words.append(VOCAB[lang].QUALIFIERS[qualifier])
        return " ".join(words)

    def plan_text(self, sentences: int) -> dict:
        frames = self.rng.sample(range(8), sentences)
        return {
            "opener": self.rng.randrange(5) if self.rng.random() < 0.4 else None,
            "sentences": [self.plan_sentence(frame) for frame in frames],
            "closer": self.rng.randrange(4) if self.rng.random() < 0.3 else None,
        }

    def render_sentence(self, lang, theme, plan) -> str:
        frame, demand, topic, reason = plan
        words = VOCAB[lang].THEMES[theme]
        t, r = words["topics"][topic], words["reasons"][reason]
        sentence = self.vocab(lang, "FRAMES")[frame].format(
            d=self.demand(lang, theme, demand), t=t, r=r, T=capital(t), R=capital(r)
        )
        return french(sentence) if lang == "fr" else sentence

    def render(self, lang, theme, plan, extra=None) -> str:
        parts = []
        if plan["opener"] is not None:
            parts.append(self.vocab(lang, "OPENERS")[plan["opener"]])
        parts += [self.render_sentence(lang, theme, s) for s in plan["sentences"]]
        if extra:
            parts.insert(self.rng.randrange(len(parts) + 1), extra)
        if plan["closer"] is not None:
            parts.append(self.vocab(lang, "CLOSERS")[plan["closer"]])
        return " ".join(parts)

    def new_author(self) -> str:
        self.authors += 1
        return f"u{self.authors:05d}"

    def add(self, text, lang, theme, group=None, author=None):
        kind_type = self.rng.choice(TYPES)
        self.records.append(
            {
                "author": author or self.new_author(),
                "text": text,
                "article": self.rng.choice(ARTICLES[theme])
                if self.rng.random() < 0.8
                else self.rng.choice([None, str(self.rng.randint(1, 15))]),
                "lang": lang if self.rng.random() < 0.6 else None,
                "kind": "recommendation" if kind_type in ("association", "network") else "comment",
                "support": int(self.rng.expovariate(0.3)),
                "participant_type": kind_type,
                "region": "abroad"
                if theme == "diaspora" and self.rng.random() < 0.7
                else self.rng.choice(REGIONS),
                "truth_lang": lang,
                "truth_theme": theme,
                "truth_group": group,
            }
        )

    def is_new(self, lang, text) -> bool:
        pairs = word_pairs(text)
        earlier = self.used.setdefault(lang, [])
        if all(len(pairs & other) * 3 < len(pairs | other) for other in earlier):
            earlier.append(pairs)
            return True
        return False

    def source_plan(self, langs, theme, sentences) -> dict:
        """The plan of a text to be copied: new in every language it circulates in."""
        for _ in range(500):
            plan = self.plan_text(self.rng.choice(sentences))
            if all([self.is_new(lang, self.render(lang, theme, plan)) for lang in langs]):
                return plan
        raise RuntimeError(f"cannot find a new campaign text for {theme}")

    def original(self, lang, theme) -> str:
        """A text of its own. Sentences are drawn from a finite grammar, so by chance two
        originals could come out as near-copies of each other; such a draw is rejected (two
        originals of a language share less than a third of their word pairs), otherwise the
        truth would call "independent" two texts no reader could tell apart."""
        for _ in range(500):
            plan = self.plan_text(self.rng.choice([2, 2, 3, 3, 3, 4]))
            mixed = None
            if self.rng.random() < self.spec["mix"]:
                other = self.rng.choice([t for t in THEMES if t != theme])
                mixed = self.render_sentence(lang, other, self.plan_sentence(self.rng.randrange(8)))
            text = self.render(lang, theme, plan, extra=mixed)
            if self.is_new(lang, text):
                return text
        raise RuntimeError(f"cannot find a new text for {lang}/{theme}")

    def lang(self) -> str:
        langs = self.spec["langs"]
        return self.rng.choices(list(langs), weights=list(langs.values()))[0]

    def copy(self, lang, text, plan, theme) -> str:
        """One copy of a campaign text, edited as people do when they pass a text on."""
        roll = self.rng.random()
        if roll < 0.42:
            return text
        if roll < 0.52:
            return self.surface(lang, text)
        if roll < 0.75:
            return self.typos(lang, text, self.rng.randint(1, 4 if self.suffix == "A" else 6))
        return self.reword(lang, text, plan, theme)

    def surface(self, lang, text) -> str:
        if lang == "ar":
            for written, plain in self.rng.sample(ARABIC_VARIANTS, 2):
                text = text.replace(written, plain)
            return "".join(
                c + self.rng.choice(TASHKEEL) if c.isalpha() and self.rng.random() < 0.05 else c
                for c in text
            )
        text = text.upper() if self.rng.random() < 0.3 else text
        return text.replace(",", " ,").replace(".", " !") + "  "

    def typos(self, lang, text, count) -> str:
        chars = list(text)
        letters = VOCAB[lang].LETTERS
        for _ in range(count):
            i = self.rng.randrange(len(chars) - 1)
            edit = self.rng.randrange(4 if self.suffix == "A" else 5)
            if edit == 0:
                del chars[i]
            elif edit == 1:
                chars.insert(i, chars[i])
            elif edit == 2:
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            elif edit == 3:
                chars[i] = self.rng.choice(letters)
            elif chars[i] == " ":
                del chars[i]  # two words glued together
        return "".join(chars)

    def reword(self, lang, text, plan, theme) -> str:
        if self.suffix == "A":
            pairs = [p for p in VOCAB[lang].SYNONYMS if p[0] in text]
            for old, new in self.rng.sample(pairs, min(len(pairs), self.rng.randint(1, 3))):
                text = text.replace(old, new, 1)
            opener = self.rng.choice(vocab_opener := self.vocab(lang, "OPENERS"))
            if plan["opener"] is None and self.rng.random() < 0.5:
                text = f"{opener} {text}"
            del vocab_opener
            return text
        sentences = list(plan["sentences"])
        i = self.rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        personal = self.rng.choice(VOCAB[lang].PERSONAL_B)
        return self.render(lang, theme, {**plan, "sentences": sentences}, extra=personal)

    def campaign(self, number, theme, langs):
        plan = self.source_plan(langs, theme, [3, 4, 4, 5])
        low, high = self.spec["sizes"]
        for lang in langs:
            group = f"c{number}-{lang}"
            text = self.render(lang, theme, plan)
            signers: list[str] = []
            for _ in range(self.rng.randint(low, high)):
                # Now and then someone signs twice: one more copy, not one more signatory.
                again = signers and self.rng.random() < 0.05
                author = self.rng.choice(signers) if again else self.new_author()
                signers.append(author)
                self.add(self.copy(lang, text, plan, theme), lang, theme, group, author)
            sentence = self.render_sentence(lang, theme, plan["sentences"][0])
            source = word_pairs(text)
            made = 0
            while made < self.spec["near_misses"] // self.spec["campaigns"]:
                # Quoting one sentence does not make a copy, unless the rest of the text
                # happens to repeat the campaign too.
                quoting = f"{self.original(lang, theme)} {sentence}"
                pairs = word_pairs(quoting)
                if len(pairs & source) * 3 < len(pairs | source):
                    self.add(quoting, lang, theme)
                    made += 1

    def small_group(self, number):
        theme, lang = self.rng.choice(THEMES), self.lang()
        plan = self.source_plan([lang], theme, [3, 4])
        text = self.render(lang, theme, plan)
        author = self.new_author() if self.rng.random() < 0.5 else None
        for _ in range(self.rng.randint(2, 4)):
            self.add(self.copy(lang, text, plan, theme), lang, theme, f"s{number}", author)

    def build(self) -> list[dict]:
        for _ in range(self.spec["independent"]):
            theme, lang = self.rng.choice(THEMES), self.lang()
            self.add(self.original(lang, theme), lang, theme)
        for number in range(self.spec["campaigns"]):
            theme = self.rng.choice(THEMES)
            langs = [self.lang()]
            if number < self.spec["bilingual"]:
                langs.append(self.rng.choice([lang for lang in VOCAB if lang != langs[0]]))
            self.campaign(number + 1, theme, langs)
        for number in range(self.spec["small_groups"]):
            self.small_group(number + 1)
        self.rng.shuffle(self.records)
        for index, record in enumerate(self.records):
            record["id"] = f"{self.suffix.lower()}{index + 1:05d}"
        return self.records


def main():
    for name, spec in SETS.items():
        records = Writer(spec).build()
        path = HERE / f"eval_{name}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                ordered = {"id": record.pop("id"), **record}
                out.write(json.dumps(ordered, ensure_ascii=False) + "\n")
        print(f"{path.name}: {len(records)} contributions, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
