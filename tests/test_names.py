"""Comparing people's names: spellings of one name, and shorter forms of a longer one."""

import pytest

from search.extract.names import edit_distance_at_most_one, is_shorter_form, same_word, spelling_key


@pytest.mark.parametrize("first, second", [
    ("Mudjiono", "Mujiono"),  # old and new spelling
    ("Soekarwo", "Sukarwo"),
    ("Tjahjo", "Cahyo"),
    ("Muhammad", "Muhamad"),
    ("Yudhoyono", "Yudoyono"),
])
def test_one_spelling_key_for_spellings_of_a_name(first, second):
    assert spelling_key(first) == spelling_key(second)


@pytest.mark.parametrize("first, second, same", [
    ("Khofifah", "Kofifah", True),  # one letter apart, long enough
    ("Saiful", "Saeful", True),
    ("Andi", "Anda", False),  # short words one letter apart are different words
    ("Budi", "Bude", False),
    ("Hartarto", "Hartanto", True),
    ("Pandjaitan", "Panjaitan", True),
    ("Prabowo", "Subianto", False),
])
def test_same_word(first, second, same):
    assert same_word(first, second) is same


@pytest.mark.parametrize("first, second, expected", [
    ("abc", "abc", True), ("abc", "abd", True), ("abc", "ab", True), ("abc", "xabc", True),
    ("abc", "ba", False), ("abcd", "abdc", False),
])
def test_edit_distance_at_most_one(first, second, expected):
    assert edit_distance_at_most_one(first, second) is expected


@pytest.mark.parametrize("short, long, expected", [
    ("Emil Dardak", "Emil Elestianto Dardak", True),
    ("Tito Karnavian", "Muhammad Tito Karnavian", True),
    ("M. Tito", "Muhammad Tito Karnavian", True),
    ("Khofifah", "Khofifah Indar Parawansa", True),
    ("Khofifah Parawansa", "Khofifah Indar Parawansa", True),
    ("Sandiaga Uno", "Sandiaga Salahuddin Uno", True),
    ("Argo Yuwono", "Raden Prabowo Argo Yuwono", True),
    ("Airlangga Hartanto", "Airlangga Hartarto", False),  # same length: a spelling, not a shorter form
    ("Puan Maharani", "Megawati Soekarnoputri", False),
    ("Budi Santoso", "Budi Gunadi Sadikin", False),
])
def test_is_shorter_form(short, long, expected):
    assert is_shorter_form(tuple(short.split()), tuple(long.split())) is expected
