"""Themes and the shape of a synthesis: what each theme says, edge cases, progress, JSON."""

import json
from pathlib import Path

import pytest

from consult.synthesis.engine import Contribution, SynthesisParams, Votes, synthesise

DATA = Path(__file__).parents[1] / "data" / "synthesis" / "eval_a.jsonl"


@pytest.fixture(scope="module")
def sample():
    """800 contributions of evaluation set A, with a campaign among them."""
    with DATA.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    campaign = [row for row in rows if row["truth_group"] == "c1-ar"]
    chosen = campaign + [row for row in rows if not row["truth_group"]][:800]
    keys = ("id", "author", "text", "article", "lang", "kind", "support", "participant_type")
    contributions = [
        Contribution(**{key: row[key] for key in keys}, region=row["region"]) for row in chosen
    ]
    return contributions, synthesise(contributions)


def test_each_theme_is_described_from_its_members(sample):
    contributions, result = sample
    by_id = {c.id: c for c in contributions}
    for theme in result.themes:
        members = [by_id[member] for member in theme.members]
        assert theme.label and theme.terms
        assert 1 <= len(theme.representatives) <= 3
        assert set(theme.representatives) <= set(theme.members)
        assert theme.size == len(members)
        assert theme.support == sum(c.support for c in members)
        assert sum(theme.participant_types.values()) == theme.size
        assert sum(theme.regions.values()) == theme.size
        assert sum(theme.kinds.values()) == theme.size
        assert theme.articles == {
            article: sum(c.article == article for c in members) for article in theme.articles
        }
    every_member = [member for theme in result.themes for member in theme.members]
    assert sorted(every_member, key=str) == sorted(by_id, key=str)


def test_a_campaign_counts_once_in_the_shape_of_its_theme_but_all_its_copies_are_members(sample):
    _, result = sample
    campaign = next(group for group in result.campaigns if len(group.members) > 10)
    themes = [theme for theme in result.themes if set(campaign.members) & set(theme.members)]

    assert len(themes) == 1
    theme = themes[0]
    assert set(campaign.members) <= set(theme.members)
    assert theme.campaigns == 1
    assert theme.distinct == theme.size - len(campaign.members) + 1


def test_labels_are_in_the_language_of_the_theme(sample):
    _, result = sample
    first_letter = {"ar": "\u0600", "zgh": "\u2d30"}
    for theme in result.themes:
        if theme.lang in first_letter:
            assert any(ord(char) >= ord(first_letter[theme.lang]) for char in theme.label)
        else:
            assert theme.label.replace(" · ", "").replace(" ", "").isascii()


def test_themes_per_article_only_hold_that_articles_contributions(sample):
    contributions, result = sample
    article_of = {c.id: c.article for c in contributions}

    assert result.article_themes
    for theme in result.article_themes:
        assert {article_of[member] for member in theme.members} == {theme.article}
    assigned = {a.id: a.article_theme for a in result.assignments}
    assert all((assigned[c.id] is None) == (c.article is None) for c in contributions)


def test_the_number_of_themes_stays_within_its_bounds(sample):
    contributions, _ = sample
    result = synthesise(contributions[:400], params=SynthesisParams(min_themes=2, max_themes=4))

    for lang in ("ar", "fr", "zgh"):
        assert 2 <= sum(theme.lang == lang for theme in result.themes) <= 4


def test_an_empty_consultation_has_an_empty_synthesis():
    result = synthesise([], Votes([], [], []))

    assert result.assignments == result.groups == result.themes == []
    assert result.opinions.groups == []
    assert json.dumps(result.to_dict())


def test_a_single_contribution_is_its_own_theme():
    result = synthesise([Contribution(id="c1", author="u1", text="Il faut publier les avis.")])

    assert [theme.members for theme in result.themes] == [["c1"]]
    assert result.groups == []
    assert result.assignments[0].theme == result.themes[0].id


def test_identical_contributions_are_one_campaign_and_one_theme():
    text = "نطالب بنشر جميع الآراء المتوصل بها داخل أجل ثلاثة أشهر بعد إغلاق الاستشارة."
    result = synthesise([Contribution(id=i, author=f"u{i}", text=text) for i in range(40)])

    assert len(result.groups) == 1 and result.groups[0].signatories == 40
    assert len(result.themes) == 1 and result.themes[0].size == 40
    assert result.themes[0].distinct == 1


def test_tifinagh_only_contributions_are_grouped_and_themed():
    texts = [
        "ⵉⵇⵇⴰⵏ ⴰⵙⵓⵖⵍ ⵏ ⴽⵓ ⴰⵙⵏⴼⴰⵔ ⵖⵔ ⵜⵎⴰⵣⵉⵖⵜ ⴷ ⵜⴰⵄⵔⴰⴱⵜ ⴰⵛⴽⵓ ⵜⴰⵏⴰⴹⵜ ⵜⵙⵏⵓⵎⵎⵙ ⵜⴰⵎⴰⵣⵉⵖⵜ",
        "ⵏⵙⵙⵓⵜⵓⵔ ⴰⵙⵏⴼⵍ ⵙ ⵜⵉⵍⵉⴼⵓⵏ ⵏⵖ ⵙ ⵜⵓⵣⵉⵏⵉⵏ ⵜⵉⵎⵥⵥⵉⵢⵉⵏ ⴳ ⵉⴷⵓⵔⴰⵔ ⴷ ⵜⵖⵔⵎⵉⵏ",
        "ⴰⵙⵓⴼⵖ ⵏ ⵜⵢⴰⴼⵓⵜⵉⵏ ⵏ ⵓⵙⵇⵙⵉ ⴳ ⴽⵕⴰⴹ ⵉⵢⵢⵉⵔⵏ ⴷ ⵓⵔⴰⵔ ⵅⴼ ⴽⵓ ⵜⴰⵙⵓⵜⵔⴰ",
    ] * 4
    contributions = [Contribution(id=i, author=i, text=text) for i, text in enumerate(texts)]
    result = synthesise(contributions)

    assert [group.members for group in result.groups] == [
        [0, 3, 6, 9],
        [1, 4, 7, 10],
        [2, 5, 8, 11],
    ]
    assert {theme.lang for theme in result.themes} == {"zgh"}
    assert all(a.lang == "zgh" and a.theme for a in result.assignments)


def test_a_text_without_words_has_no_theme():
    result = synthesise(
        [
            Contribution(id=1, author=1, text="!!! ???"),
            Contribution(id=2, author=2, text="Merci pour ce projet de loi."),
        ]
    )

    assert [a.theme is None for a in result.assignments] == [True, False]


def test_texts_too_short_for_shingles_still_get_themes():
    result = synthesise(
        [Contribution(id=1, author=1, text="oui"), Contribution(id=2, author=2, text="non")]
    )

    assert result.groups == []
    assert all(a.theme for a in result.assignments)


def test_contribution_ids_must_be_unique():
    with pytest.raises(ValueError, match="unique"):
        synthesise([Contribution(id=1, author=1, text="a"), Contribution(id=1, author=2, text="b")])


def test_progress_is_reported_stage_by_stage(sample):
    contributions, _ = sample
    calls = []
    synthesise(
        contributions[:100],
        Votes([1], [contributions[0].id], [1]),
        progress=lambda *c: calls.append(c),
    )

    stages = [stage for stage, _, _ in calls]
    assert stages[0] == "normalise" and stages[-1] == "opinions"
    assert [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] == [
        "normalise",
        "duplicates",
        "themes",
        "opinions",
    ]
    assert all(0 <= done <= total for _, done, total in calls)


def test_the_result_is_plain_json(sample):
    contributions, _ = sample
    votes = Votes.from_records(
        (f"p{p}", contributions[c].id, (p + c) % 3 - 1) for p in range(30) for c in range(10)
    )
    result = synthesise(contributions[:200], votes)

    decoded = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert decoded["params"]["threshold"] == 0.5
    assert len(decoded["assignments"]) == 200
    assert decoded["opinions"]["votes"] == 300
