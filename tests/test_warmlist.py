import json

import pytest

from search.errors import BadQueryError
from search.query import SearchRequest
from search.warmlist import MAX_FILE_BYTES, WARM_FILE, RecentSearches, load_searches, save_searches


def test_recent_searches_keep_each_once_most_recent_first_within_the_limit():
    recent = RecentSearches(limit=2)
    for q in ("a", "b", "a", "c"):
        recent.record(q, {"q": q})
    assert recent.latest() == [{"q": "c"}, {"q": "a"}]
    assert recent.changes == 4


def test_saved_searches_load_back_as_requests(tmp_path):
    searches = [SearchRequest(q="reformasi", officials=("Suhajar Diantoro",)).fields(), SearchRequest().fields()]
    save_searches(tmp_path, searches)
    loaded = load_searches(tmp_path, SearchRequest.from_fields)
    assert [request.key for request in loaded] == [SearchRequest(q="reformasi", officials=("Suhajar Diantoro",)).key,
                                                   SearchRequest().key]
    assert [path.name for path in tmp_path.iterdir()] == [WARM_FILE]  # no temporary file left


def test_entries_no_longer_valid_are_skipped_and_the_rest_kept(tmp_path):
    entries = [{"q": "a"}, {"per_page": 1000}, "not an object", {"q": "b", "unknown": 1}, {"collapse": "yes"}, {"q": "c"}]
    (tmp_path / WARM_FILE).write_text(json.dumps({"searches": entries}), encoding="utf-8")
    assert [request.q for request in load_searches(tmp_path, SearchRequest.from_fields)] == ["a", "c"]


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe\x00", b"[1, 2]", b'{"searches": 3}',
                                     b" " * (MAX_FILE_BYTES + 1)])
def test_a_damaged_or_oversized_file_is_no_searches(tmp_path, content):
    (tmp_path / WARM_FILE).write_bytes(content)
    assert load_searches(tmp_path, SearchRequest.from_fields) == []


def test_no_file_is_no_searches(tmp_path):
    assert load_searches(tmp_path, SearchRequest.from_fields) == []


def test_only_the_errors_a_bad_entry_can_raise_are_skipped(tmp_path):
    (tmp_path / WARM_FILE).write_text(json.dumps({"searches": [{"q": "a"}]}), encoding="utf-8")

    def broken(entry):
        raise RuntimeError("a bug, not a bad entry")

    with pytest.raises(RuntimeError):
        load_searches(tmp_path, broken)
    assert load_searches(tmp_path, lambda entry: (_ for _ in ()).throw(BadQueryError("no", "bad_query"))) == []


def test_saving_into_a_missing_directory_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(OSError):
        save_searches(tmp_path / "missing", [{"q": "a"}])
    assert list(tmp_path.iterdir()) == []


def test_each_save_keeps_what_other_workers_saved_newest_first_within_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("search.warmlist.MAX_SAVED", 4)
    save_searches(tmp_path, [{"q": "a"}, {"q": "b"}])  # one worker
    save_searches(tmp_path, [{"q": "c"}, {"q": "a"}])  # another, which also answered `a`
    assert [entry["q"] for entry in load_searches(tmp_path, dict)] == ["c", "a", "b"]
    save_searches(tmp_path, [{"q": "d"}, {"q": "e"}])
    assert [entry["q"] for entry in load_searches(tmp_path, dict)] == ["d", "e", "c", "a"]
