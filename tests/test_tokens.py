from search.extract.tokens import tokenize


def test_texts_follow_the_tokens_with_a_full_stop_kept_by_an_abbreviation():
    tokens = tokenize("Kata Dr. Oded M. Danial, di Bandung.", frozenset({"Dr."}))
    assert tokens.texts == [token.text for token in tokens]
    assert tokens.texts == ["Kata", "Dr.", "Oded", "M.", "Danial", ",", "di", "Bandung", "."]
    assert [tokens.start(i) for i in range(3)] == [0, 5, 9]


def test_where_finds_the_positions_of_the_words_asked_for_in_order():
    tokens = tokenize("Ia mengatakan, kata Budi, bahwa kata itu benar, kata dia.")
    assert tokens.where({"kata", ","}) == [2, 3, 5, 7, 10, 11]
    assert tokens.where({"kata"}, start=4, stop=11) == [7]
    assert tokens.where({"Kata"}) == []  # as written: the case counts
