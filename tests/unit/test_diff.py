from consult.text.diff import Segment, word_diff


def test_identical_texts_are_one_unchanged_segment():
    assert word_diff("La loi fixe", "La loi fixe") == [Segment("same", "La loi fixe")]


def test_changed_word_is_removed_then_added():
    segments = word_diff("un délai de trente jours", "un délai de soixante jours")
    assert Segment("removed", "trente ") in segments
    assert Segment("added", "soixante ") in segments
    assert "".join(s.text for s in segments if s.kind != "removed") == "un délai de soixante jours"


def test_arabic_words_are_compared_as_words():
    segments = word_diff("مدة ثلاثين يوما", "مدة ستين يوما")
    assert [s.kind for s in segments] == ["same", "removed", "added", "same"]


def test_empty_old_text_is_all_added():
    assert word_diff("", "Nouvel article") == [Segment("added", "Nouvel article")]


def test_reading_new_side_reproduces_the_new_text_exactly():
    old = "Article premier.\nLe ministère publie le projet."
    new = "Article premier.\nLe ministère publie le projet et sa synthèse, en trois langues."
    assert "".join(s.text for s in word_diff(old, new) if s.kind != "removed") == new
