import pytest

from search.identity import group_names, one_person, same_word, variants, words_of, written_inside


def test_words_of_reads_initials_given_name_spellings_and_old_spellings():
    assert words_of("M. Tito Karnavian") == ("m", "tito", "karnavian")
    assert words_of("Mochamad Afifuddin") == ("muhammad", "afifuddin")
    assert words_of("Luhut Binsar Pandjaitan") == ("luhut", "binsar", "panjaitan")
    assert words_of("Boedi Prijo Soeprajitno") == ("budi", "prijo", "suprajitno")


@pytest.mark.parametrize("a, b, expected", [
    ("saiful", "saeful", True), ("hartarto", "hartanto", True), ("khofifah", "kofifah", True),
    ("m", "muhammad", True), ("dedi", "dede", False), ("jamil", "jalil", False), ("santoso", "susanto", False),
])
def test_same_word(a, b, expected):
    assert same_word(a, b) is expected


def test_written_inside_keeps_order():
    assert written_inside(words_of("Argo Yuwono"), words_of("Raden Prabowo Argo Yuwono")) is True
    assert written_inside(words_of("Yuwono Argo"), words_of("Raden Prabowo Argo Yuwono")) is False


@pytest.mark.parametrize("a, b, expected", [
    ("Muhammad Tito Karnavian", "Tri Tito Karnavian", True),
    ("Susilo Bambang Yudhoyono", "Agus Harimurti Yudhoyono", False),
    ("Budi Gunadi Sadikin", "Budi Arie Setiadi", False),
    # a name is not written inside an initial: two ministers named Bambang, one with initials in one token
    ("Bambang Soesatyo", "Bambang P.S Brodjonegoro", False),
    ("Bambang Brodjonegoro", "Bambang P.S Brodjonegoro", True),
    ("M. Tito", "Muhammad Tito Karnavian", True),
])
def test_one_person(a, b, expected):
    assert one_person(words_of(a), words_of(b)) is expected


ARCHIVE = {
    "Anies Baswedan": 40, "Anies Rasyid Baswedan": 12, "Anies": 3,
    "Sri Mulyani": 30, "Sri Mulyani Indrawati": 25,
    "Argo Yuwono": 9, "Raden Prabowo Argo Yuwono": 3,
    "Luhut Binsar Pandjaitan": 8, "Luhut Panjaitan": 5,
    "Djarot Saiful Hidayat": 6, "Djarot Saeful": 1, "Djarot Syaiful Hidayat": 2,
    "Khofifah": 10, "Kofifah Indar": 1, "Fadli Zon": 3, "Fadeli": 2, "Khofifah Parawansa": 2, "Khofifah Indar Parawansa": 20,
    "Tito": 2, "M. Tito": 1, "Muhammad Tito Karnavian": 9, "Tri Tito Karnavian": 1, "Tito Karnavian": 12,
    "Airlangga Hartarto": 15, "Airlangga Hartanto": 2, "Peridustrian Airlangga Hartarto": 1,
    # different people who share a name: never one
    "Susilo Bambang Yudhoyono": 7, "Agus Harimurti Yudhoyono": 5, "Yudhoyono": 1,
    "Budi Gunadi Sadikin": 5, "Budi Arie Setiadi": 4, "Budi": 3,
    "Dedi Mulyadi": 3, "Dede Mulyadi": 2,
    "Antonius Tonny Budiono": 3, "Boediono": 2,
    "Prabowo Subianto": 50, "Haedar Nashir": 4, "M Nasir": 2,
}


def test_variants_of_one_person_are_one_value_shown_as_the_fullest_frequent_form():
    assert variants(ARCHIVE) == {
        "Anies Baswedan": ["Anies Baswedan", "Anies Rasyid Baswedan", "Anies"],
        "Sri Mulyani Indrawati": ["Sri Mulyani", "Sri Mulyani Indrawati"],
        "Argo Yuwono": ["Argo Yuwono", "Raden Prabowo Argo Yuwono"],
        "Luhut Binsar Pandjaitan": ["Luhut Binsar Pandjaitan", "Luhut Panjaitan"],
        "Djarot Saiful Hidayat": ["Djarot Saiful Hidayat", "Djarot Syaiful Hidayat", "Djarot Saeful"],
        "Khofifah Indar Parawansa": ["Khofifah Indar Parawansa", "Khofifah", "Khofifah Parawansa", "Kofifah Indar"],
        "Muhammad Tito Karnavian": ["Tito Karnavian", "Muhammad Tito Karnavian", "Tito", "M. Tito",
                                    "Tri Tito Karnavian"],
        "Airlangga Hartarto": ["Airlangga Hartarto", "Airlangga Hartanto", "Peridustrian Airlangga Hartarto"],
        "Susilo Bambang Yudhoyono": ["Susilo Bambang Yudhoyono"],
        "Agus Harimurti Yudhoyono": ["Agus Harimurti Yudhoyono"],
        "Yudhoyono": ["Yudhoyono"],
        "Budi Gunadi Sadikin": ["Budi Gunadi Sadikin"],
        "Budi Arie Setiadi": ["Budi Arie Setiadi"],
        "Budi": ["Budi"],
        "Dedi Mulyadi": ["Dedi Mulyadi"],
        "Dede Mulyadi": ["Dede Mulyadi"],
        "Antonius Tonny Budiono": ["Antonius Tonny Budiono"],
        "Fadli Zon": ["Fadli Zon"],
        "Fadeli": ["Fadeli"],
        "Haedar Nashir": ["Haedar Nashir"],
        "M Nasir": ["M Nasir"],
        "Boediono": ["Boediono"],
        "Prabowo Subianto": ["Prabowo Subianto"],
    }


def test_a_surname_alone_stays_apart_from_the_one_person_who_has_it():
    assert group_names({"Recep Tayyip Erdogan": 4, "Erdogan": 2, "Dedi Mulyadi": 3, "Mulyadi": 2}) == {
        "Recep Tayyip Erdogan": "Recep Tayyip Erdogan", "Erdogan": "Erdogan", "Dedi Mulyadi": "Dedi Mulyadi",
        "Mulyadi": "Mulyadi"}
