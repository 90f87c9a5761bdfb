"""Dates in text and in the date fields of exports: every common form, day/month order decided per file."""

from datetime import date

import pytest

from search.extract.dates import DateOrder, find_date, parse_date_value

VALUES = [
    ("2025-09-30", date(2025, 9, 30)),
    ("2025-09-30T19:00:00+07:00", date(2025, 9, 30)),
    ("2017-03-28T20:15:36Z", date(2017, 3, 29)),  # UTC evening is the next morning in WIB
    ("2025-09-30 19:00", date(2025, 9, 30)),
    ("9/30/2025 19:00", date(2025, 9, 30)),  # month first, and it says so itself
    ("30/9/2025 07:15:00", date(2025, 9, 30)),
    ("30-09-2025", date(2025, 9, 30)),
    ("6/5/2025 3:15 PM", date(2025, 5, 6)),  # ambiguous: day first by default
    ("28 September 2022", date(2022, 9, 28)),
    ("28 Sep 2022 10:00", date(2022, 9, 28)),
    ("Sep 28, 2022", date(2022, 9, 28)),
    ("September 28, 2022", date(2022, 9, 28)),
    ("Rabu, 28/09/2022", date(2022, 9, 28)),
    ("Kamis, 25 Jun 2026 08:16 WIB", date(2026, 6, 25)),
    ("5 Agustus 2024", date(2024, 8, 5)),
    ("1664323200", date(2022, 9, 28)),  # epoch seconds
    ("1664323200000", date(2022, 9, 28)),  # epoch milliseconds
    ("20220928", date(2022, 9, 28)),
    ("2022/09/28", date(2022, 9, 28)),  # year first with slashes or full stops, a time after it or not
    ("2022.9.8 10:00", date(2022, 9, 8)),
    ("2022/13/01", None),
    ("2024-12-31T24:00Z", date(2025, 1, 1)),  # ISO 8601's end of day: the next midnight, 07:00 WIB
    ("2024-12-31T24:00:00+07:00", date(2025, 1, 1)),
    ("2022-09-28T10:00:00+14:00", date(2022, 9, 28)),  # the farthest offsets a zone keeps
    ("2022-09-28T10:00:00-12:00", date(2022, 9, 28)),  # a zone's own time: its own date
    ("1700000000.5", date(2023, 11, 15)),  # epoch seconds with a fraction (`time.time()`)
    ("28-Sep-2022", date(2022, 9, 28)),  # trial 22: a month's name between hyphens, or before a two-digit year
    ("Rabu, 28-Sept-2022 10:00", date(2022, 9, 28)),
    ("28 Mei 22", date(2022, 5, 28)),
    ("28/Agt/85", date(1985, 8, 28)),
    ("5 Nopember 2022", date(2022, 11, 5)),  # older spellings, common still
    ("5 Pebruari 2022", date(2022, 2, 5)),
    ("Sabtu, 5 Nop 2022 10:00 WIB", date(2022, 11, 5)),
    ("5-Peb-22", date(2022, 2, 5)),
]


@pytest.mark.parametrize("value, expected", VALUES)
def test_every_common_form_is_read(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", ["0000-01-01", "9999-12-31", "1/1/0000", "31/12/9999", "1899-12-31",
                                   "2101-01-01", "2022-02-30", "13/13/2022", "garbage", "2022", "",
                                   "2024-12-31T23:60Z", "2024-12-31T24:30Z", "2024-12-31 99:99",
                                   "31/12/2024 25:00", "1e+20", "nan", "2022-09-28T10:00:00+25:00",
                                   "2022-09-28T10:00+0760", "2022-09-28T10:00-14:00", "2022-09-28T10:00-1259",
                                   "31-Feb-2022", "28 Mei 0"])
def test_impossible_dates_and_years_outside_1900_2100_are_unreadable(value):
    assert parse_date_value(value) is None


ZONED_VALUES = [
    # Trial 53, F4: a time told in UTC is the date it has in WIB (UTC+7), whichever form writes it
    ("2025-05-12T23:30:00.000Z", date(2025, 5, 13)),
    ("Mon, 12 May 2025 23:30:00 +0000", date(2025, 5, 13)),  # an RSS pubDate (RFC 822)
    ("Mon, 12 May 2025 23:30:00 GMT", date(2025, 5, 13)),
    ("2025-05-12 23:30:00 UTC", date(2025, 5, 13)),
    ("12/05/2025 23:30 UTC", date(2025, 5, 13)),
    ("2025/05/12 23:30 UTC", date(2025, 5, 13)),
    ("Monday, May 12, 2025 11:30 PM GMT", date(2025, 5, 13)),
    ("12 Mei 2025 16:59 UTC", date(2025, 5, 12)),  # 23:59 WIB
    ("12 Mei 2025 17:00 UTC", date(2025, 5, 13)),  # 00:00 WIB
    ("Mon, 12 May 2025 07:30:00 GMT", date(2025, 5, 12)),
    # a time told in another zone is the publisher's: its date as its dateline writes it
    ("2025-05-13T00:30:00+09:00", date(2025, 5, 13)),  # half past midnight in Jayapura
    ("Tue, 13 May 2025 00:30:00 +0900", date(2025, 5, 13)),
    ("13/05/2025 00:30 WIT", date(2025, 5, 13)),
    ("13 Mei 2025 00:30 WITA", date(2025, 5, 13)),
    ("12 Mei 2025 23:30 WITA", date(2025, 5, 12)),
    ("Selasa, 13 Mei 2025 00:30 WIB", date(2025, 5, 13)),
    ("28 September 2022 pukul 00.15 WIB", date(2022, 9, 28)),
    ("12 Mei 2025 14:30:00 +0700", date(2025, 5, 12)),
    ("2025-05-12T07:30:00+07:00", date(2025, 5, 12)),
    ("2025-05-12T20:30:00-05:00", date(2025, 5, 12)),
    ("Mon, 12 May 2025 23:59:59 -0500", date(2025, 5, 12)),
    ("30/04/2025 17:00 GMT", date(2025, 5, 1)),  # across a month's end
    ("Wed, 31 Dec 2025 23:30:00 +0000", date(2026, 1, 1)),  # and a year's
    ("Sat, 01 Mar 2025 01:00:00 +0900", date(2025, 3, 1)),
    ("2024-12-31T24:00:00+09:00", date(2025, 1, 1)),  # ISO 8601's end of the day: the next midnight
    ("12/5/2025 11:30 PM UTC", date(2025, 5, 13)),
    ("12/5/2025 12:30 AM UTC", date(2025, 5, 12)),
    # no zone: the date as written, as before
    ("12 May 2025 23:30", date(2025, 5, 12)),
    ("Mon, 12 May 2025 23:30:00", date(2025, 5, 12)),
    ("12/05/2025 23:30", date(2025, 5, 12)),
    ("2025-05-12 23:30", date(2025, 5, 12)),
    ("12 May 2025 | 14:30", date(2025, 5, 12)),
    ("12 Mei 2025 UTC", date(2025, 5, 12)),  # a zone without a time: no moment to convert
    ("12/05/2025 UTC", date(2025, 5, 12)),
]


@pytest.mark.parametrize("value, expected", ZONED_VALUES)
def test_a_time_told_in_a_zone_is_the_date_it_has_in_wib(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", ["Mon, 12 May 2025 23:30:00 +2500", "12/05/2025 23:30 +2500",
                                   "2025-05-12 23:30 -1300", "12 Mei 2025 10:00 +0760", "12 Mei 2025 25:00 UTC",
                                   "12 May 2025 23:60 GMT", "Monday, May 12, 2025 13:30 PM GMT",
                                   "2100-12-31T23:30:00Z"])  # 2101 in WIB: a year outside 1900-2100
def test_an_impossible_zone_or_time_leaves_the_date_unreadable(value):
    assert parse_date_value(value) is None


def test_month_first_when_asked():
    assert parse_date_value("6/5/2025", day_first=False) == date(2025, 6, 5)
    assert parse_date_value("30/9/2025", day_first=False) == date(2025, 9, 30)  # unambiguous stays right


def test_order_is_month_first_when_a_second_number_is_over_12():
    order = DateOrder()
    for value in ("6/5/2025", "9/30/2025 19:00", "2025-01-01", None, 7):
        order.see(value)
    assert (order.day_first, order.decided, order.describe()) == (False, True, None)


def test_order_is_day_first_when_a_first_number_is_over_12():
    order = DateOrder()
    for value in ("6/5/2025", "30/9/2025"):
        order.see(value)
    assert (order.day_first, order.decided, order.describe()) == (True, True, None)


def test_an_undecidable_file_is_day_first_and_says_so():
    order = DateOrder()
    for value in ("6/5/2025", "1/2/2024 10:00"):
        order.see(value)
    assert (order.day_first, order.decided) == (True, False)
    assert order.describe() == ("2 dates such as 6/5/2025 could be day-first or month-first and nothing in the "
                                "file tells: read day-first (the Indonesian convention)")


def test_a_file_mixing_both_orders_says_so():
    order = DateOrder()
    for value in ("30/9/2025", "9/30/2025", "9/29/2025"):
        order.see(value)
    assert order.day_first is False
    assert order.describe() == ("the file writes dates both day-first (1) and month-first (2); dates such as "
                                "5/6/2025 were read month-first")


def test_a_text_date_in_an_older_spelling_is_found():
    assert find_date("Kalianda, Sabtu, 5 Nopember 2022 - Bupati membuka rapat.") == date(2022, 11, 5)
    assert find_date("Rapat pada 28 Pebruari 2022 di Kalianda.") == date(2022, 2, 28)


def test_text_dates_outside_the_years_are_not_found():
    assert find_date("Rapat pada 5 November 2015 di Kalianda.") == date(2015, 11, 5)
    assert find_date("Rapat pada 5 November 0015 di Kalianda.") is None


@pytest.mark.parametrize("text, expected", [
    # 10/10 was a Monday in 2016 and 2022: a law's year is never the story's
    ("Paripurna merevisi Perda Nomor 3 Tahun 2016, Senin (10/10). Revisi berlaku mulai 2023.", date(2022, 10, 10)),
    ("Paripurna merevisi UU No. 12 tahun 2016, Senin (10/10). Revisi berlaku mulai 2023.", date(2022, 10, 10)),
    ("Anggaran tahun 2016 dibahas, Senin (10/10). Revisi berlaku mulai 2023.", date(2016, 10, 10)),
    ("Rapat di Kalianda, Jum\u2019at (14/10/2022), sejak 1 Januari 2019.", date(2022, 10, 14)),
    ("Rapat di Kalianda, Jum\u2019at (14/10). Program itu berjalan sejak 2022.", date(2022, 10, 14)),
])
def test_a_weekday_date_takes_a_year_the_text_gives_for_the_story(text, expected):
    assert find_date(text) == expected


def test_the_years_a_weekday_date_may_take_are_read_once_per_text(monkeypatch):
    """Trial 38: `Senin (31/2) tahun 2022.` 4,000 times took 35 s, every weekday date that fits no year
    rereading every year of the text (and a regulation's number before each)."""
    from search.extract import dates

    calls = []
    years = dates._candidate_years
    monkeypatch.setattr(dates, "_candidate_years", lambda *args: calls.append(1) or years(*args))
    assert find_date("Senin (31/2) tahun 2022. " * 2000) is None
    assert find_date("Senin (31/2) tahun 2022. Kamis (29/9) rapat digelar tahun 2022.") == date(2022, 9, 29)
    assert calls == [1, 1]
