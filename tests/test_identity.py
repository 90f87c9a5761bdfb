import pytest

from search.identity import group_names, one_person, same_word, variants, words_of, written_inside


def test_words_of_reads_initials_given_name_spellings_and_old_spellings():
    assert words_of("M. Tito Karnavian") == ("m", "tito", "karnavian")
    assert words_of("Mochamad Afifuddin") == ("muhammad", "afifuddin")
    assert words_of("Luhut Binsar Pandjaitan") == ("luhut", "binsar", "panjaitan")
    assert words_of("Boedi Prijo Soeprajitno") == ("budi", "prijo", "suprajitno")
    # a mark is dropped, never its letter: Vietnamese and Turkish names keep every word
    assert words_of("Đỗ Văn Hưng") == ("do", "van", "hung")
    assert words_of("Đặng Văn Hùng") == ("dang", "van", "hung")
    assert words_of("Ömer Ünal") == ("omer", "unal")


def test_two_names_that_differ_only_in_marks_are_not_one_written_inside_the_other():
    assert variants({"Đặng Văn Hùng": 1, "Đỗ Văn Hưng": 1}) == {"Đặng Văn Hùng": ["Đặng Văn Hùng"],
                                                                 "Đỗ Văn Hưng": ["Đỗ Văn Hưng"]}
    assert variants({"Ömer Ünal": 1, "Omer Unal": 2}) == {"Omer Unal": ["Omer Unal", "Ömer Ünal"]}


def test_a_hyphen_joins_two_words_of_a_name_as_a_space_does():
    assert words_of("Abdul-Rahman Saleh") == ("abdul", "rahman", "saleh")  # as the type-ahead splits it (trial 42)
    assert words_of("Jhon Halasan Butar-butar") == ("jhon", "halasan", "butarbutar")  # a doubled word is one
    assert variants({"Abdul-Rahman Saleh": 1, "Abdul Rahman Saleh": 2}) == {
        "Abdul Rahman Saleh": ["Abdul Rahman Saleh", "Abdul-Rahman Saleh"]}


def test_past_the_cap_on_one_persons_forms_the_rest_stay_apart_the_first_joined():
    from search.identity import MAX_GROUP_FORMS
    titles = [f"{a} {b}" for a in ("H.", "Dr.", "Ir.", "Prof.", "Drs.", "KH", "Hj.", "Kol.", "Irjen")
              for b in ("Mas", "Bung", "Kang", "Pak", "Cak", "Gus", "Ki", "Eyang")]
    counts = {"Nanang Ermanto": 50, **{f"{title} Nanang Ermanto": 1 for title in titles[:MAX_GROUP_FORMS + 3]}}
    grouped = variants(counts)
    assert (len(grouped["Nanang Ermanto"]), sum(len(forms) for forms in grouped.values())) == (
        MAX_GROUP_FORMS, MAX_GROUP_FORMS + 4)


def test_a_chain_of_one_letter_spellings_never_joins_surnames_further_apart():
    # Suryani is one letter from each; Suryana and Suryadi, two letters apart, are two people
    assert variants({"Ahmad Suryana": 3, "Ahmad Suryadi": 3, "Ahmad Suryani": 1}) == {
        "Ahmad Suryadi": ["Ahmad Suryadi", "Ahmad Suryani"], "Ahmad Suryana": ["Ahmad Suryana"]}


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
    # a near spelling where words are skipped, and an initial for a surname, are other people (the shared corpus)
    ("Agus Santoso", "R Agus Budi Santosa", False),
    ("Faizal M", "Faisal Mekdad", False),
    ("Djarot Saeful", "Djarot Saiful Hidayat", True),
    ("Khofifah Parawansa", "Khofifah Indar Parawansa", True),
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
    "M Rum": 2, "Muhammad Rum": 3,  # Kejaksaan Agung's spokesman, BPBD NTB's head: one name beside an initial
}


# the roles articles give the forms: a one-word form joins the group it begins only when they share one
ROLES = {
    "Anies": ["Gubernur DKI Jakarta"], "Anies Baswedan": ["Gubernur DKI Jakarta", "Mendikbud"],
    "Khofifah": ["Menteri Sosial"], "Khofifah Indar Parawansa": ["Gubernur Jawa Timur", "Menteri  sosial"],
    "Tito": ["Kapolri"], "M. Tito": ["Kapolri"], "Muhammad Tito Karnavian": ["Kapolri"], "Tito Karnavian": ["Mendagri"],
    "M Rum": ["Kapuspenkum Kejaksaan Agung"], "Muhammad Rum": ["Kepala BPBD NTB"],
    "Budi": ["Kepala Desa"], "Budi Gunadi Sadikin": ["Menteri Kesehatan"], "Budi Arie Setiadi": ["Menkominfo"],
}


def test_variants_of_one_person_are_one_value_shown_as_the_fullest_frequent_form():
    assert variants(ARCHIVE, lambda name: ROLES.get(name, ())) == {
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
        "M Rum": ["M Rum"],
        "Muhammad Rum": ["Muhammad Rum"],
    }


def test_a_surname_alone_stays_apart_from_the_one_person_who_has_it():
    assert group_names({"Recep Tayyip Erdogan": 4, "Erdogan": 2, "Dedi Mulyadi": 3, "Mulyadi": 2}) == {
        "Recep Tayyip Erdogan": "Recep Tayyip Erdogan", "Erdogan": "Erdogan", "Dedi Mulyadi": "Dedi Mulyadi",
        "Mulyadi": "Mulyadi"}


def test_a_one_word_form_needs_a_shared_role_to_join_the_group_it_begins():
    without = variants(ARCHIVE)
    assert (without["Anies"], without["Khofifah"], without["Tito"]) == (["Anies"], ["Khofifah"], ["Tito"])
    assert without["Anies Baswedan"] == ["Anies Baswedan", "Anies Rasyid Baswedan"]


# Real pairs from the shared corpus (trial 11), with the roles its articles give them: one first name and two
# people, never one value; the same first name with the same role is the same person.
CORPUS_ROLES = {
    "Abdullah": ["Kepala Biro Hukum dan Humas MA"], "Abdullah Azwar Anas": ["Bupati Banyuwangi"],
    "Azwar Anas": ["Bupati Banyuwangi"],
    "Sudirman": ["Kolonel", "Kepala Bidang Lalu Lintas dan Angkutan Jalan Dishub Sumsel"],
    "Sudirman Said": ["Menteri ESDM", "Menteri Energi dan Sumber Daya Mineral"],
    "Faizal": ["Deputi Bidang Pengembangan Kelembagaan Kementerian Pariwisata"],
    "Faizal M": ["Kepala Bandara Tunggul Wulung Cilacap"], "Faisal Mekdad": ["Wakil Menteri Luar Negeri Suriah"],
    "Asep": ["Kanit Laka Polres Bogor Kabupaten"], "Asep Adi Saputra": ["Kapolres Metro Bekasi"],
    "Haris": ["Kasubag Humas Polres Muaro Jambi"],
    "Haris Munandar": ["Kepala Badan Penelitian dan Pengembangan Industri Kemenperin"],
    "Ani": ["Menkeu"], "Ani Natalia": ["Humas DJP Pusat"],
    "Soekarno": ["Presiden", "Presiden RI"], "Sukarno": ["Presiden"], "Soekarno Hatta": ["Kapolda Lampung"],
    "Syafruddin": ["Wakapolri"], "Syafruddin Arsyad Temenggung": ["Kepala Badan Penyehatan Perbankan Nasional"],
    "Agus Santoso": ["Wakil Kepala PPATK"], "R Agus Budi Santosa": ["Kapolres"],
    "Joseph": ["Panglima Angkatan Bersenjata AS"], "Joseph F Dunford": ["Panglima Angkatan Bersenjata AS"],
    "Rini": ["Menteri BUMN"], "Rini Soemarno": ["Menteri BUMN", "Menteri Badan Usaha Milik Negara"],
}


def test_a_first_name_alone_or_shared_is_not_another_persons_full_name():
    counts = dict.fromkeys(CORPUS_ROLES, 1) | {"Abdullah Azwar Anas": 3, "Sudirman Said": 4, "Rini Soemarno": 7,
                                                   "Soekarno": 4, "Joseph F Dunford": 2}
    assert variants(counts, lambda name: CORPUS_ROLES.get(name, ())) == {
        "Abdullah Azwar Anas": ["Abdullah Azwar Anas", "Azwar Anas"], "Abdullah": ["Abdullah"],
        "Sudirman Said": ["Sudirman Said"], "Sudirman": ["Sudirman"],
        "Faisal Mekdad": ["Faisal Mekdad"], "Faizal M": ["Faizal M"], "Faizal": ["Faizal"],
        "Asep Adi Saputra": ["Asep Adi Saputra"], "Asep": ["Asep"],
        "Haris Munandar": ["Haris Munandar"], "Haris": ["Haris"],
        "Ani Natalia": ["Ani Natalia"], "Ani": ["Ani"],
        "Soekarno Hatta": ["Soekarno Hatta"], "Soekarno": ["Soekarno", "Sukarno"],
        "Syafruddin Arsyad Temenggung": ["Syafruddin Arsyad Temenggung"], "Syafruddin": ["Syafruddin"],
        "Agus Santoso": ["Agus Santoso"], "R Agus Budi Santosa": ["R Agus Budi Santosa"],
        "Joseph F Dunford": ["Joseph F Dunford", "Joseph"],
        "Rini Soemarno": ["Rini Soemarno", "Rini"],
    }
    names_only = variants(counts)  # without roles: no first name alone joins anyone
    assert (names_only["Joseph"], names_only["Rini"], names_only["Rini Soemarno"], names_only["Sukarno"]) == (
        ["Joseph"], ["Rini"], ["Rini Soemarno"], ["Sukarno"])


def test_two_spellings_of_one_word_are_one_person_only_with_a_role_in_common():
    roles = {"Boediono": ["Wakil Presiden"], "Budiono": ["Wakil Presiden"], "Soeharto": ["Presiden"],
             "Suharto": ["Kapolsek"]}
    assert variants({"Boediono": 3, "Budiono": 1, "Soeharto": 2, "Suharto": 1}, lambda name: roles[name]) == {
        "Boediono": ["Boediono", "Budiono"], "Soeharto": ["Soeharto"], "Suharto": ["Suharto"]}


def test_a_first_name_alone_joins_the_one_group_it_begins_whose_role_agrees_with_its_own():
    roles = {"Joko": ["Presiden"], "Joko Widodo": ["Presiden RI"], "Joko Santoso": ["Kapolsek Tambun"],
             "Susi": ["Menteri"], "Susi Pudjiastuti": ["Menteri Kelautan dan Perikanan"],
             "Budi": ["Kepala Desa"], "Budi Santoso": ["Bupati Sleman"], "Budi Gunadi Sadikin": ["Menteri Kesehatan"]}
    counts = {"Joko": 1, "Joko Widodo": 9, "Joko Santoso": 2, "Susi": 1, "Susi Pudjiastuti": 3, "Budi": 1,
              "Budi Santoso": 2, "Budi Gunadi Sadikin": 4}
    assert variants(counts, lambda name: roles[name]) == {
        "Joko Widodo": ["Joko Widodo", "Joko"], "Joko Santoso": ["Joko Santoso"],
        "Susi Pudjiastuti": ["Susi Pudjiastuti", "Susi"], "Budi": ["Budi"], "Budi Santoso": ["Budi Santoso"],
        "Budi Gunadi Sadikin": ["Budi Gunadi Sadikin"]}


def test_a_given_name_or_a_one_word_name_one_letter_off_is_one_person_only_with_a_role_in_common():
    roles = {"Basuki Tjahaja Purnama": ["Gubernur DKI Jakarta"], "Basuki Tjahja Purnama": ["Gubernur DKI Jakarta"],
             "Aris Budiman": ["Direktur Penyidikan KPK"], "Aries Budiman": ["Direktur Penyidikan KPK"],
             "Dedi Mulyadi": ["Bupati Purwakarta"], "Dede Mulyadi": ["Kepala Desa Cibogo"],
             "Noor Iza": ["Plt Kepala Humas Kominfo"], "Noor Izza": ["Plt Kepala Humas Kominfo"],
             "Suhariyanto": ["Kepala BPS"], "Suharyanto": ["Kepala BPS"],
             "Suryana": ["Kapolsek"], "Suryani": ["Camat"]}
    counts = dict.fromkeys(roles, 1) | {"Basuki Tjahaja Purnama": 5, "Suhariyanto": 4}
    assert variants(counts, lambda name: roles[name]) == {
        "Basuki Tjahaja Purnama": ["Basuki Tjahaja Purnama", "Basuki Tjahja Purnama"],
        "Aris Budiman": ["Aries Budiman", "Aris Budiman"],
        "Dedi Mulyadi": ["Dedi Mulyadi"], "Dede Mulyadi": ["Dede Mulyadi"],
        "Noor Iza": ["Noor Iza"], "Noor Izza": ["Noor Izza"],  # the surname: never near enough alone
        "Suhariyanto": ["Suhariyanto", "Suharyanto"], "Suryana": ["Suryana"], "Suryani": ["Suryani"]}
    assert variants(counts)["Basuki Tjahaja Purnama"] == ["Basuki Tjahaja Purnama"]  # no roles: apart
