from search.highlight import WordMatcher, mark, mark_phrases, shared_given_names, snippet


def test_marks_surface_and_stem_matches_and_escapes_everything_else():
    matches = WordMatcher({"pelayanan"})
    html = mark("<script>alert(1)</script> petugas melayani Pelayanan", matches)
    assert html == ("&lt;script&gt;alert(1)&lt;/script&gt; petugas <mark>melayani</mark> <mark>Pelayanan</mark>")


def test_a_searched_word_marks_the_hyphenated_compounds_it_is_part_of_but_not_a_longer_word():
    matches = WordMatcher({"covid", "gibran"})
    assert mark("Vaksin Covid-19 dan relawan Prabowo-Gibran; covidnya, Gibranisme", matches) == (
        "Vaksin <mark>Covid-19</mark> dan relawan <mark>Prabowo-Gibran</mark>; covidnya, Gibranisme")


def test_snippet_picks_the_sentence_with_most_matches():
    text = "Kalimat pertama tanpa kata. Reformasi birokrasi di daerah. Kalimat ketiga soal birokrasi."
    assert snippet(text, WordMatcher({"reformasi", "birokrasi"})) == (
        "… <mark>Reformasi</mark> <mark>birokrasi</mark> di daerah. …")


def test_snippet_without_match_starts_the_text_and_is_cut_at_a_word():
    text = "kata " * 100
    result = snippet(text, WordMatcher({"tidakada"}), limit=50)
    assert result.startswith("kata kata")
    assert result.endswith(" …")
    assert len(result) <= 52


def test_prefix_matches():
    assert mark("birokrasi birokrat", WordMatcher(set(), {"birokra"})) == "<mark>birokrasi</mark> <mark>birokrat</mark>"


def test_known_word_forms_give_the_same_snippet_as_testing_every_word():
    text = ("Warga antre sejak pagi. Petugas melayani warga di kantor kecamatan. Pelayanan publik membaik, "
            "kata camat. Anak-anak bermain di halaman, pelayan kedai menyajikan kopi. ") * 3
    forms = {"melayani", "pelayanan", "layanan", "dilayani"}
    assert snippet(text, WordMatcher({"pelayanan"}, forms=forms)) == snippet(text, WordMatcher({"pelayanan"}))
    assert "<mark>melayani</mark>" in snippet(text, WordMatcher({"pelayanan"}, forms=forms))
    assert snippet(text, WordMatcher(set())).startswith("Warga antre sejak pagi.")


def test_snippet_work_is_bounded_on_a_huge_text():
    import time

    from search.highlight import SNIPPET_SCAN_CHARS

    text = "Bupati hadir. " + "kata lain tanpa arti " * 200_000 + "Bupati pulang."  # 4 MB
    matcher = WordMatcher({"bupati"})
    started = time.process_time()
    html = snippet(text, matcher)
    assert time.process_time() - started < 0.2
    assert html.startswith("<mark>Bupati</mark> hadir.") and html.endswith(" …")
    assert len(text) > 50 * SNIPPET_SCAN_CHARS


LATIF = {"name": "Abdul Latif", "role": "Bupati", "surfaces": ["Abdul Latif", "Abdul", "Latif"]}


def test_a_bare_given_name_another_person_shares_is_not_marked():
    text = "Bupati Abdul Latif membuka rapat. Abdul Basit, warga setempat, bertanya. Latif menjawab."
    assert shared_given_names(text, [LATIF]) == {"Abdul"}
    marked = mark_phrases(text, {s: "official" for s in ["Abdul Latif", "Latif"]})
    assert marked == ('Bupati <mark class="official">Abdul Latif</mark> membuka rapat. Abdul Basit, warga '
                      'setempat, bertanya. <mark class="official">Latif</mark> menjawab.')


def test_a_bare_given_name_alone_in_its_article_is_kept():
    text = "Bupati Abdul Latif membuka rapat. Abdul mengatakan, Pemkab siap. Kata Abdul Latif."
    assert shared_given_names(text, [LATIF]) == set()


def test_a_bare_name_two_officials_share_is_neither_of_theirs():
    basit = {"name": "Abdul Basit", "role": "Camat", "surfaces": ["Abdul Basit", "Abdul"]}
    assert shared_given_names("Abdul Latif dan Abdul Basit hadir.", [LATIF, basit]) == {"Abdul"}


def test_a_snippet_is_one_line_and_an_outlet_name_ends_no_sentence():
    text = "Suara.com - Hujan deras mengguyur Bandung.\n\nBanjir setinggi 1.5 meter merendam\nrumah warga."
    assert snippet(text, WordMatcher({"hujan"})) == "Suara.com - <mark>Hujan</mark> deras mengguyur Bandung. …"
    assert snippet(text, WordMatcher({"tidakada"})) == ("Suara.com - Hujan deras mengguyur Bandung. Banjir setinggi "
                                                        "1.5 meter merendam rumah warga.")
