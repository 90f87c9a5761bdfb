"""search/officials.py: one official's profile from a backend's searches and article lookups."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from search.errors import NotFoundError
from search.officials import official_profile, resolve_official
from search.query import SearchService

from .conftest import index_of_records


@contextmanager
def two_articles(tmp_path, first: tuple[str, str], second: tuple[str, str]):
    """A service over a tiny index of two articles (title, body) of outlet A, dated a day apart."""
    records = [{"title": title, "url": f"https://a.example/{n}", "date": f"2024-01-0{n + 1}", "source": "A",
                "body": body} for n, (title, body) in enumerate((first, second), 1)]
    service = SearchService(index_of_records(tmp_path, records))
    try:
        yield service
    finally:
        service.close()


def test_a_name_in_any_case_or_short_resolves_to_the_stored_one(service):
    assert [resolve_official(service, typed) for typed in ("Suhajar Diantoro", "suhajar  diantoro", "suhajar")] == [
        "Suhajar Diantoro"] * 3
    with pytest.raises(NotFoundError):
        resolve_official(service, "nobody at all")
    with pytest.raises(NotFoundError):
        resolve_official(service, "  ")


def test_the_profile_counts_articles_naming_and_quoting_and_lists_what_was_said(service):
    profile = official_profile(service, "Suhajar Diantoro")
    assert {key: profile[key] for key in ("name", "roles", "articles", "quoted_in")} == {
        "name": "Suhajar Diantoro", "roles": ["Sekretaris Jenderal Kemendagri"], "articles": 1, "quoted_in": 1}
    assert [(q["kind"], q["text"][:40]) for q in profile["quotes"]] == [
        ("indirect", "tujuan dari Rakornas tersebut adalah men"),
        ("indirect", "reformasi birokrasi ini menjadi sangat p"),
        ("direct", "Awal perubahan birokrasi di tahun 2014 d"),
        ("indirect", "untuk mencapai sistem pemerintahan kelas"),
        ("direct", "Merubah pemerintahannya menjadi instansi")]
    assert {q["article"]["id"] for q in profile["quotes"]} == {profile["latest"][0]["id"]}
    assert ("Kementerian Dalam Negeri", 1) in [(a["value"], a["count"]) for a in profile["agencies"]]
    assert [(r["value"], r["count"]) for r in profile["regions"]] == [("18", 1)]


def test_an_official_named_but_never_quoted_has_no_quotes(service):
    profile = official_profile(service, "Thamrin")
    assert (profile["quoted_in"], profile["quotes"]) == (0, [])
    assert profile["articles"] == 1


def test_the_profile_counts_and_lists_every_stored_form_of_the_person(tmp_path):
    first = ("Anggaran Daerah Dibahas",
             "Jakarta - Menteri Keuangan Sri Mulyani Indrawati membahas anggaran daerah bersama gubernur.")
    second = ("Pajak Daerah Naik",
              "Jakarta - Menteri Keuangan Sri Mulyani menyebut pajak daerah naik tahun ini.")
    with two_articles(tmp_path, first, second) as service:
        profile = official_profile(service, "sri mulyani indrawati")
        assert (profile["name"], profile["variants"], profile["articles"], profile["roles"]) == (
            "Sri Mulyani Indrawati", ["Sri Mulyani"], 2, ["Menteri Keuangan"])
        # quoted under the shorter form only: still what the person said
        assert (profile["quoted_in"], [q["text"] for q in profile["quotes"]]) == (1, ["pajak daerah naik tahun ini"])


def test_quotes_count_only_under_the_persons_own_stored_forms(tmp_path):
    """`Jonan` is a stored official value nobody is quoted under: `quoted=Jonan` alone would select the quoted
    values holding the word (Ignasius Jonan, another value), so the profile counted his quotes for `Jonan`."""
    first = ("Harga BBM Dibahas",
             "Jakarta - Menteri ESDM Ignasius Jonan mengatakan harga BBM tidak naik tahun ini.")
    second = ("Jonan Meninjau Kilang",
              "Cilacap - Menteri Jonan meninjau kilang minyak di Cilacap pada Selasa pagi bersama direksi.")
    with two_articles(tmp_path, first, second) as service:
        short = official_profile(service, "Jonan")
        full = official_profile(service, "Ignasius Jonan")
        assert [(p["name"], p["quoted_in"], p["quoted_as"], len(p["quotes"])) for p in (short, full)] == [
            ("Jonan", 0, [], 0), ("Ignasius Jonan", 1, ["Ignasius Jonan"], 1)]


def test_a_name_several_officials_answer_to_is_refused_naming_them(tmp_path):
    """Trial 31: `/api/officials/a` showed whichever of five officials came first."""
    from search.errors import AmbiguousNameError

    first = ("Banjir Surut",
             "Malang - Bupati Malang Budi Santoso meninjau lokasi banjir di Kepanjen pada Senin.")
    second = ("Jalan Diperbaiki",
              "Malang - Camat Kepanjen Budi Hartono menyebut jalan desa diperbaiki pekan depan.")
    with two_articles(tmp_path, first, second) as service:
        with pytest.raises(AmbiguousNameError) as raised:
            official_profile(service, "budi")
        assert (raised.value.code, str(raised.value)) == (
            "ambiguous_name", "'budi' names 2 officials: 'Budi Hartono', 'Budi Santoso'; give more of the name")
        assert raised.value.fields == {"typed": "budi", "names": ["Budi Hartono", "Budi Santoso"], "count": 2}
        assert official_profile(service, "budi santoso")["name"] == "Budi Santoso"


def test_the_profile_has_role_dates_and_months(service):
    profile = official_profile(service, "suhajar")
    assert (profile["roles_seen"], profile["months"]) == (
        [{"role": "Sekretaris Jenderal Kemendagri", "first": "2022-09-28", "last": "2022-09-28"}],
        [{"month": "2022-09", "count": 1}])


def test_an_initial_with_or_without_its_full_stop_names_the_same_officials(tmp_path):
    """Trial: `/api/officials/M` and `/api/officials/M.` named different officials (24 and 6), and `M Tito` no
    one, although search/identity.py reads `M.` and `M` as one word of a name."""
    from search.errors import AmbiguousNameError

    first = ("Rapat Daerah",
             "Jakarta - Menteri Dalam Negeri M. Tito Karnavian membahas anggaran daerah bersama gubernur.")
    second = ("Banjir Bandang",
              "Mataram - Kepala BPBD NTB M Rum menyebut banjir bandang melanda tiga desa.")
    with two_articles(tmp_path, first, second) as service:
        refusals = []
        for typed in ("M", "M."):
            with pytest.raises(AmbiguousNameError) as raised:
                resolve_official(service, typed)
            refusals.append(str(raised.value).split(" names ", 1)[1])
        assert refusals == 2 * ["2 officials: 'M Rum', 'M. Tito Karnavian'; give more of the name"]
        assert [resolve_official(service, typed) for typed in ("M Tito", "m. tito", "M. Rum", "m rum")] == [
            "M. Tito Karnavian", "M. Tito Karnavian", "M Rum", "M Rum"]
