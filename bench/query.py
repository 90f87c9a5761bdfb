"""Query latency with every facet: the library call, /api/search over HTTP, and SQLite FTS5 doing the same.

    python bench/query.py [--size 10000] [--repeat 20] [--source ../shared/corpus/news.jsonl] [--index DIR]
                          [--result-cache-mb 0] [--without-fts]

Builds a synthetic archive of SIZE articles (bench/corpus.py), indexes it with `warta reindex`, loads the
same stemmed tokens and facet values into an SQLite FTS5 table (the way Datasette serves faceted search:
MATCH for the hits, GROUP BY for each facet), runs the query mix of bench/querymix.py REPEAT times, and
prints p50/p95/p99 per query type and the Warta/FTS5 ratio at p95. The library is also timed counting only
the official and agency facets, interleaved with the full run, so the cost of the other facets (region,
source) shows as a ratio measured under the same load.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.querymix import QUERY_TYPES, query_mix  # noqa: E402
from search.analysis import stemmed_analyzer  # noqa: E402
from search.facet_registry import FACETS, FacetRegistry  # noqa: E402
from search.query import SearchRequest, SearchService  # noqa: E402
from tests.serving import get_json, proportional_mb, resident_mb, server_processes, serving  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def stemmed_documents(service: SearchService) -> Iterator[tuple[int, dict, str, str]]:
    """Each stored article with its number and its title and body as the stemmed tokens Warta indexes."""
    analyzer = stemmed_analyzer()
    for number, stored in enumerate(service.current().searcher.all_stored_fields()):
        yield (number, stored, " ".join(t.text for t in analyzer(stored["title"])),
               " ".join(t.text for t in analyzer(stored["body"])))


def build_fts(service: SearchService, path: Path) -> sqlite3.Connection:
    """One FTS5 row per document over the stemmed title and body, and one row per facet value."""
    connection = sqlite3.connect(path)
    connection.executescript("""
        CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='unicode61');
        CREATE TABLE officials (doc INTEGER, value TEXT);
        CREATE TABLE agencies (doc INTEGER, value TEXT);
        CREATE INDEX officials_value ON officials(value);
        CREATE INDEX agencies_value ON agencies(value);
        CREATE INDEX officials_doc ON officials(doc);
        CREATE INDEX agencies_doc ON agencies(doc);
    """)
    for number, stored, title, body in stemmed_documents(service):
        connection.execute("INSERT INTO docs(rowid, id, title, body) VALUES (?, ?, ?, ?)",
                           (number, stored["id"], title, body))
        connection.executemany("INSERT INTO officials VALUES (?, ?)", [(number, o["name"]) for o in stored["officials"]])
        connection.executemany("INSERT INTO agencies VALUES (?, ?)", [(number, a["name"]) for a in stored["agencies"]])
    connection.commit()
    return connection


def fts_query(connection: sqlite3.Connection, params: dict[str, str]) -> None:
    """Top ten by bm25 and both facets' top twenty over every match, as one faceted search page needs.

    `+rowid` keeps SQLite from pushing the filter into the FTS5 table, which turns the plan into one
    full-text look-up per candidate row (17 s instead of 40 ms for one word at 100k articles)."""
    analyzer = stemmed_analyzer()
    text = params.get("q", "")
    phrase = text.startswith('"')
    words = [t.text for t in analyzer(text.strip('"'))]
    filters, args = [], []
    for table, key in (("officials", "official"), ("agencies", "agency")):
        if params.get(key):
            filters.append(f"SELECT doc FROM {table} WHERE value = ?")
            args.append(params[key])
    match = ('"' + " ".join(words) + '"' if phrase else " AND ".join(f'"{w}"' for w in words)) if words else None
    if match and filters:
        selection = f"SELECT rowid FROM docs WHERE docs MATCH ? AND +rowid IN ({' INTERSECT '.join(filters)})"
        args = [match] + args
    elif match:
        selection, args = "SELECT rowid FROM docs WHERE docs MATCH ?", [match]
    else:
        selection = " INTERSECT ".join(filters) or "SELECT rowid FROM docs"
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS hits (doc INTEGER PRIMARY KEY)")
    connection.execute("DELETE FROM hits")
    connection.execute(f"INSERT INTO hits {selection}", args)
    if match:
        connection.execute("SELECT id FROM docs WHERE docs MATCH ? AND +rowid IN hits ORDER BY rank LIMIT 10",
                           [match]).fetchall()
    else:
        connection.execute("SELECT doc FROM hits LIMIT 10").fetchall()
    for table in ("officials", "agencies"):
        connection.execute(f"SELECT value, count(*) AS n FROM {table} WHERE doc IN hits GROUP BY value "
                           "ORDER BY n DESC LIMIT 20").fetchall()
    connection.execute("SELECT count(*) FROM hits").fetchone()


def time_calls(calls, mix: dict[str, list[dict[str, str]]], repeat: int) -> list[dict[str, list[float]]]:
    """Milliseconds per query type for each of `calls` on the same queries, alternating between the calls so
    that all see the same machine load (one call: the plain timing)."""
    timings: list[dict[str, list[float]]] = [{kind: [] for kind in mix} for _ in calls]
    for kind, queries in mix.items():
        for params in queries:
            for call in calls:
                call(params)  # warm
        for _ in range(repeat):
            for params in queries:
                for call, found in zip(calls, timings):
                    started = time.perf_counter()
                    call(params)
                    found[kind].append((time.perf_counter() - started) * 1000)
    return timings


def request_of(params: dict[str, str]) -> SearchRequest:
    return SearchRequest(q=params.get("q", ""), officials=tuple(filter(None, [params.get("official")])),
                         agencies=tuple(filter(None, [params.get("agency")])))


def build(size: int, source: Path, workdir: Path) -> Path:
    corpus, index = workdir / "corpus.jsonl", workdir / "index"
    subprocess.run([sys.executable, "bench/corpus.py", str(size), str(corpus), "--source", str(source)],
                   cwd=ROOT, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(corpus), "--index", str(index), "--quiet"],
                   cwd=ROOT, check=True, capture_output=True)
    print(f"{size} articles indexed in {time.perf_counter() - started:.0f} s")
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--index", type=Path, help="an index built earlier from `bench/corpus.py SIZE` (skips the build)")
    parser.add_argument("--result-cache-mb", type=int, default=0,
                        help="the library's and the server's result cache; 0 (the default): every repeat evaluated, "
                             "what each query type costs (with a cache, repeats after the first are cache hits)")
    parser.add_argument("--without-fts", action="store_true",
                        help="skip the SQLite FTS5 side (loading a million articles into it takes long)")
    args = parser.parse_args()
    cache = args.result_cache_mb * 1024 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or build(args.size, args.source, Path(tmp))
        service = SearchService(index, result_cache_bytes=cache)
        first = service.search(SearchRequest())
        mix = query_mix(first["facets"]["official"][0]["value"], first["facets"]["agency"][0]["value"])
        two = SearchService(index, FacetRegistry(tuple(f for f in FACETS if f.name in ("official", "agency"))),
                            result_cache_bytes=cache)
        library, library_two = time_calls([lambda p: service.search(request_of(p)),
                                           lambda p: two.search(request_of(p))], mix, args.repeat)
        two.close()
        fts = None
        if not args.without_fts:
            connection = build_fts(service, Path(tmp) / "fts.sqlite")
            fts, = time_calls([lambda p: fts_query(connection, p)], mix, args.repeat)
        service.close()
        with serving(index, with_process=True, options=["--result-cache-mb", str(args.result_cache_mb)],
                     start_seconds=1800) as (base, process):
            http, = time_calls([lambda p: get_json(base + "/api/search?" + urllib.parse.urlencode(p))], mix,
                               args.repeat)
            pids = server_processes(process.pid)
            memory = sum(proportional_mb(pid) for pid in pids)
            resident = [resident_mb(pid) for pid in pids]
    print(f"\n{'query type':<14}{'library p50/p95/p99 ms':>26}{'HTTP p50/p95/p99 ms':>24}{'FTS5 p50/p95/p99 ms':>24}"
          f"{'HTTP/FTS5 p95':>15}")
    for kind in QUERY_TYPES:
        cells = [f"{statistics.median(t[kind]):.1f}/{percentile(t[kind], .95):.1f}/{percentile(t[kind], .99):.1f}"
                 if t else "-" for t in (library, http, fts)]
        ratio = f"{percentile(http[kind], .95) / percentile(fts[kind], .95):.2f}" if fts else "-"
        print(f"{kind:<14}{cells[0]:>26}{cells[1]:>24}{cells[2]:>24}{ratio:>15}")
    print(f"\n{'query type':<14}{'2 facets p50/p95 ms':>22}{f'{len(FACETS.names)} facets p50/p95 ms':>22}"
          f"{'p95 ratio':>11}")
    for kind in QUERY_TYPES:
        cells = [f"{statistics.median(t[kind]):.1f}/{percentile(t[kind], .95):.1f}" for t in (library_two, library)]
        ratio = percentile(library[kind], .95) / percentile(library_two[kind], .95)
        print(f"{kind:<14}{cells[0]:>22}{cells[1]:>22}{ratio:>11.2f}")
    print(f"server memory after the run: {memory} MB (PSS of the master and its workers); RSS per process "
          f"(master first) {', '.join(map(str, resident))} MB")
    built = f"--index {args.index}" if args.index else f"--size {args.size}"
    print(f"reproduce: python bench/query.py {built} --repeat {args.repeat} "
          f"--result-cache-mb {args.result_cache_mb}" + (" --without-fts" if args.without_fts else ""))


if __name__ == "__main__":
    main()
