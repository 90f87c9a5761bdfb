"""The result cache: copies out, a byte budget, least recently used first out; and searches through it."""

import pickle

from search.query import SearchRequest
from search.resultcache import LARGEST_ENTRY_SHARE, ResultCache


def result(n: int, padding: int = 0) -> dict:
    return {"total": n, "facets": {"official": [{"value": "A", "count": n}]}, "padding": "x" * padding}


def test_a_cached_result_comes_back_equal_and_changing_it_changes_no_other_copy():
    cache = ResultCache()
    cache.put("k", result(3))
    first = cache.get("k")
    first["facets"]["official"][0]["toggle_url"] = "/?official=A"
    assert cache.get("k") == result(3)
    assert (cache.hits, cache.misses) == (2, 0)


def test_a_key_never_put_is_a_miss():
    cache = ResultCache()
    assert cache.get(("q", ())) is None
    assert (cache.hits, cache.misses) == (0, 1)


def test_the_budget_drops_the_least_recently_used_first():
    size = len(pickle.dumps(result(1, 1000), protocol=pickle.HIGHEST_PROTOCOL))
    cache = ResultCache(budget=3 * size, largest=size)  # room for three
    for key in ("a", "b", "c"):
        cache.put(key, result(1, 1000))
    cache.get("a")  # a is now the most recently used
    cache.put("d", result(1, 1000))
    assert [key for key in ("a", "b", "c", "d") if cache.get(key) is not None] == ["a", "c", "d"]
    assert cache.size == 3 * size


def test_a_result_larger_than_its_share_of_the_budget_is_not_kept():
    cache = ResultCache(budget=LARGEST_ENTRY_SHARE * 1000)
    cache.put("big", result(1, 2000))
    assert (len(cache), cache.size) == (0, 0)


def test_requests_that_differ_in_anything_that_decides_the_result_have_different_keys():
    base = SearchRequest(q="banjir", officials=("A",))
    assert base.key == SearchRequest(q="banjir", selected={"official": ("A",)}).key
    others = [SearchRequest(q="banjir"), SearchRequest(q="banjir", officials=("A",), page=2),
              SearchRequest(q="banjir", officials=("A",), sort="date"),
              SearchRequest(q="banjir", officials=("A",), match="all"),
              SearchRequest(q="banjir", officials=("A",), date_from="2024"),
              SearchRequest(q="banjir", officials=("A",), collapse=False),
              SearchRequest(q="banjir", officials=("A",), facet_size=5)]
    assert len({base.key, *(other.key for other in others)}) == len(others) + 1


def test_a_repeated_search_is_answered_from_the_cache_with_its_own_time(index_root):
    from search.query import SearchService

    service = SearchService(index_root)  # its own: the shared fixture's cache holds other tests' searches
    try:
        request = SearchRequest(q="birokrasi")
        first = service.search(request)
        again = service.search(request)
        cache = service.current().results
        assert (cache.hits, len(cache)) == (1, 1)
        assert ({k: v for k, v in again.items() if k != "took_ms"}
                == {k: v for k, v in first.items() if k != "took_ms"})
    finally:
        service.close()


def test_a_service_without_a_budget_evaluates_every_search(index_root):
    from search.query import SearchService

    service = SearchService(index_root, result_cache_bytes=0)
    try:
        service.search(SearchRequest(q="birokrasi"))
        service.search(SearchRequest(q="birokrasi"))
        cache = service.current().results
        assert (cache.hits, len(cache), cache.misses) == (0, 0, 2)
    finally:
        service.close()


def test_the_budget_comes_from_the_environment_and_a_bad_one_is_refused(monkeypatch):
    import pytest

    from search.backends import BackendSettings
    from search.errors import BadQueryError

    monkeypatch.setenv("WARTA_RESULT_CACHE_MB", "5")
    assert BackendSettings.from_environment().result_cache_mb == 5
    assert BackendSettings.from_environment(result_cache_mb=0).result_cache_mb == 0
    monkeypatch.setenv("WARTA_RESULT_CACHE_MB", "lots")
    with pytest.raises(BadQueryError, match="WARTA_RESULT_CACHE_MB must be a whole number"):
        BackendSettings.from_environment()


def test_recent_gives_the_kept_requests_of_the_most_recently_used_entries_first():
    cache = ResultCache()
    cache.put("a", result(1), request="request a")
    cache.put("b", result(2))  # kept without its request: never replayed
    cache.put("c", result(3), request="request c")
    cache.get("a")
    assert cache.recent(5) == ["request a", "request c"]
    assert cache.recent(1) == ["request a"]
    cache.put("a", result(4))  # replaced without a request
    assert cache.recent(5) == ["request c"]
