"""search/officials.py: one official's profile from a backend's searches and article lookups."""

from __future__ import annotations

import pytest

from search.errors import NotFoundError
from search.officials import official_profile, resolve_official


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
