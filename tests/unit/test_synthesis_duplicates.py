"""Near-duplicates and campaigns: character shingles, MinHash/LSH, exact check, groups."""

import random

import numpy as np
import pytest

from consult.synthesis.engine import Contribution, SynthesisParams, synthesise
from consult.synthesis.engine.minhash import (
    candidate_pairs,
    jaccard,
    rows_per_band,
    shingle_matrix,
    signatures,
)

FRENCH = (
    "Nous demandons que le ministère publie un rapport de synthèse détaillé et réponde par "
    "écrit à chaque recommandation, car les citoyens veulent savoir ce que deviennent leurs avis."
)
ARABIC = (
    "نطالب الوزارة بنشر تقرير تركيبي مفصل والرد كتابيا على كل توصية، لأن المواطنين يريدون "
    "معرفة مصير آرائهم بعد نهاية الاستشارة العمومية."
)
TAMAZIGHT = (
    "ⵏⵙⵙⵓⵜⵓⵔ ⴰⵙⵓⴼⵖ ⵏ ⵓⵏⵇⵇⵉⵙ ⴰⵎⵙⵎⵓⵏ ⴷ ⵓⵔⴰⵔ ⵙ ⵜⵉⵔⴰ ⵅⴼ ⴽⵓ ⵜⴰⵙⵓⵜⵔⴰ, ⴰⵛⴽⵓ ⵉⵏⴰⵎⵓⵔⵏ ⵔⴰⵏ ⴰⴷ "
    "ⵙⵙⵏⵏ ⵎⴰⵏⵉ ⵜⵜⴰⵡⵉ ⵜⵎⵓⵖⵍⵉ ⵏⵏⵙⵏ."
)
OTHER = {
    "fr": "Il faut organiser des réunions en présentiel dans les douars, car beaucoup de "
    "villages n'ont pas de connexion stable et les personnes âgées n'ont pas de smartphone.",
    "ar": "يجب تنظيم لقاءات حضورية في الدواوير لأن عددا كبيرا من القرى لا تتوفر على ربط مستقر "
    "والمسنون لا يملكون هواتف ذكية.",
    "zgh": "ⵉⵇⵇⴰⵏ ⴰⵙⵓⴷⵙ ⵏ ⵜⵉⵎⵓⵏⵉⵡⵉⵏ ⵙ ⵜⵍⴰⵍⵉⵜ ⴳ ⵉⴷⵡⴰⵔⵏ, ⴰⵛⴽⵓ ⴰⵟⵟⴰⵚ ⵏ ⵜⵖⵔⵎⵉⵏ ⵓⵔ ⵖⵓⵔⵙⵏⵜ "
    "ⴰⵏⵜⵔⵏⵉⵜ ⵉⵖⵓⴷⴰⵏ.",
}
TEXTS = {"fr": FRENCH, "ar": ARABIC, "zgh": TAMAZIGHT}


def with_typos(text: str, count: int, seed: int) -> str:
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(count):
        i = rng.randrange(len(chars) - 1)
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def reworded(lang: str) -> str:
    edits = {
        "fr": [("Nous demandons", "Je demande moi aussi"), ("détaillé", "complet")],
        "ar": [("نطالب", "أطالب أنا أيضا"), ("مفصل", "كامل")],
        "zgh": [("ⵏⵙⵙⵓⵜⵓⵔ", "ⵙⵙⵓⵜⵓⵔⵖ ⴷ ⵏⴽⴽ"), ("ⴰⵎⵙⵎⵓⵏ", "ⴰⵎⴷⴷⴰⴷ")],
    }[lang]
    text = TEXTS[lang]
    for old, new in edits:
        text = text.replace(old, new)
    return text


def contributions(texts, authors=None):
    return [
        Contribution(id=i, author=(authors or list(range(len(texts))))[i], text=text)
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize("lang", ["fr", "ar", "zgh"])
def test_copies_with_typos_rewording_and_spelling_variants_form_one_campaign(lang):
    original = TEXTS[lang]
    spelling = original.upper() if lang == "fr" else original.replace("ة", "ه").replace("أ", "ا")
    copies = [
        original,
        original,
        spelling,
        with_typos(original, 3, seed=1),
        with_typos(original, 5, seed=2),
        reworded(lang),
    ]
    result = synthesise(contributions([*copies, OTHER[lang]]))

    assert len(result.groups) == 1
    group = result.groups[0]
    assert group.members == [0, 1, 2, 3, 4, 5]
    assert group.is_campaign and group.signatories == 6
    assert group.representative == 0  # the text copied most often
    assert result.assignments[6].group is None


def test_texts_in_different_scripts_are_never_grouped():
    result = synthesise(contributions([FRENCH, ARABIC, TAMAZIGHT, FRENCH, ARABIC, TAMAZIGHT]))

    assert [group.members for group in result.groups] == [[0, 3], [1, 4], [2, 5]]


def test_a_campaign_needs_enough_distinct_authors():
    same_author = synthesise(contributions([FRENCH] * 6, authors=["u1"] * 6))
    four_people = synthesise(contributions([FRENCH] * 4))
    five_people = synthesise(contributions([FRENCH] * 5))
    three_needed = synthesise(contributions([FRENCH] * 3), params=SynthesisParams(campaign_size=3))

    assert same_author.groups[0].signatories == 1
    assert not same_author.groups[0].is_campaign
    assert not four_people.groups[0].is_campaign
    assert five_people.groups[0].is_campaign
    assert three_needed.groups[0].is_campaign
    assert all(a.campaign for a in five_people.assignments)


def test_the_similarity_threshold_is_a_parameter():
    pair = contributions([FRENCH, reworded("fr")])

    assert synthesise(pair, params=SynthesisParams(threshold=0.5)).groups
    assert not synthesise(pair, params=SynthesisParams(threshold=0.95)).groups


def test_short_texts_agreeing_are_not_copies():
    result = synthesise(contributions(["موافق تماما", "موافق تماما", "D'accord.", "D'accord."]))

    assert result.groups == []


def test_texts_sharing_a_sentence_are_not_copies():
    quoting = OTHER["fr"] + " Nous demandons que le ministère publie un rapport de synthèse."

    assert synthesise(contributions([FRENCH, quoting])).groups == []


def test_jaccard_is_exact_on_shingle_sets():
    rng = random.Random(3)
    texts = ["".join(rng.choice("abcde ") for _ in range(rng.randint(5, 60))) for _ in range(40)]
    matrix = shingle_matrix(texts, 5)
    first = np.array([i for i in range(40) for _ in range(40)])
    second = np.array([j for _ in range(40) for j in range(40)])

    computed = jaccard(matrix, first, second)

    sets = [{text[i : i + 5] for i in range(len(text) - 4)} for text in texts]
    expected = [
        len(sets[i] & sets[j]) / len(sets[i] | sets[j]) for i, j in zip(first, second, strict=True)
    ]
    assert np.allclose(computed, expected)


def test_lsh_makes_candidates_of_similar_texts():
    texts = [with_typos(FRENCH, count, seed=count) for count in range(20)] + [OTHER["fr"]]
    matrix = shingle_matrix(texts, 5)
    first, second = candidate_pairs(signatures(matrix, 64, seed=0), threshold=0.5)
    linked = set(first.tolist()) | set(second.tolist())

    assert set(range(20)) <= linked
    assert rows_per_band(64, 0.5) == 2
    assert rows_per_band(64, 0.8) > rows_per_band(64, 0.5)


def test_signatures_depend_only_on_the_seed():
    matrix = shingle_matrix([FRENCH, ARABIC, TAMAZIGHT], 5)

    assert np.array_equal(signatures(matrix, 64, seed=7), signatures(matrix, 64, seed=7))
    assert not np.array_equal(signatures(matrix, 64, seed=7), signatures(matrix, 64, seed=8))


@pytest.mark.parametrize("length", [12, 80])  # 80: longer than the passes around one centre
def test_a_chain_of_resemblances_is_not_one_group(length):
    # Each text shares three quarters of its words with the next, but the first and the last
    # share none: linking every similar pair would make them one "campaign".
    rng = random.Random(5)
    words = ["".join(rng.choice("bcdfglmnprstvz") for _ in range(7)) for _ in range(3 * length + 9)]
    chain = [" ".join(words[3 * k : 3 * k + 12]) for k in range(length)]
    matrix = shingle_matrix(chain, 5)
    neighbours = jaccard(matrix, np.arange(length - 1), np.arange(1, length))
    assert neighbours.min() >= 0.5

    result = synthesise(contributions(chain))

    assert result.groups
    for group in result.groups:
        members = np.array(group.members)
        centre = members[:, None].repeat(len(members), 1).ravel()
        other = np.tile(members, len(members))
        similarity = jaccard(matrix, centre, other).reshape(len(members), -1)
        # Some member is near-identical to every other member: a star, not a chain.
        assert (similarity >= 0.5).all(axis=1).any()
        assert len(members) <= 3
    assert sum(len(group.members) for group in result.groups) >= 0.6 * length
