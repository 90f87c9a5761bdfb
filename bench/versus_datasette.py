"""Warta beside Datasette, both over HTTP, on the same archive: p95 per query type and their ratio (issue 20).

    pip install -e '.[bench]'        # Datasette, for this bench only
    python bench/versus_datasette.py --index DIR [--corpus CORPUS.jsonl] [--repeat 5] [--queries 60] [--seed 7]

DIR is an index of CORPUS (`bench/corpus.py 20000 c.jsonl`, then `warta reindex c.jsonl --index DIR`). The
stored articles of DIR are written to an SQLite file the way Datasette serves faceted full-text search: one
row per article with the stemmed title and body (the tokens Warta indexes), an FTS5 table over them, and
each facet's values as a JSON array column (Warta's five facets: official, agency, region with its
province, source, quoted). `datasette serve` answers `/DB/docs.json?_search=…&_facet_array=…` with ten
rows and every facet's counts; `warta serve` answers `/api/search?q=…` with ten hits and every facet's
counts. Datasette's time limits are raised so that it counts every facet instead of giving up (a count
that timed out is reported), and its facet suggestions are off.

The query types are bench/querymix.py's, and with CORPUS two more from bench/relevance.py's known-item
queries: `misspelled` (an article's distinctive words, one misspelled) and `remembered` (three of them and a
word the article lacks: most find nothing, and Warta then suggests). Datasette is sent the stemmed words (a
phrase in FTS5's quotes), since it has no Indonesian stemmer; Warta is sent the text as a user typed it.
Each query goes to both servers in turn, so both see the same machine load. The target: Warta's p95 at
most half of Datasette's for every type.

Datasette lists matches in table order, not by relevance: it does less work per query than Warta's BM25.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.query import percentile, stemmed_documents, time_calls  # noqa: E402
from bench.querymix import query_mix  # noqa: E402
from bench.relevance import build_queries, read_articles  # noqa: E402
from search.analysis import stemmed_analyzer  # noqa: E402
from search.facet_registry import REGION  # noqa: E402
from search.query import SearchRequest, SearchService  # noqa: E402
from tests.serving import get_json, running, serving  # noqa: E402

FACET_COLUMNS = ("official", "agency", "region", "quoted")  # JSON arrays; `source` is one value per row
KNOWN_ITEM_TYPES = {"misspelled": "typo", "remembered": "remembered"}
DATASETTE_SETTINGS = {"sql_time_limit_ms": 60000, "facet_time_limit_ms": 60000, "suggest_facets": "off",
                      "default_page_size": 10, "default_facet_size": 20}


def facet_values(stored: dict) -> dict[str, list[str]]:
    """An article's values per facet as Warta counts them: a kabupaten's province too, quoted officials once."""
    officials = [o["name"] for o in stored["officials"]]
    regions = REGION.with_ancestors(region["code"] for region in stored["regions"])
    return {"official": officials, "agency": [a["name"] for a in stored["agencies"]], "region": regions,
            "quoted": sorted({quote["speaker"] for quote in stored["quotes"]} & set(officials))}


def write_database(service: SearchService, path: Path) -> int:
    """The SQLite file Datasette serves; returns its row count."""
    connection = sqlite3.connect(path)
    columns = ", ".join(f"{name} TEXT" for name in FACET_COLUMNS)
    connection.executescript(f"""
        CREATE TABLE docs (id TEXT PRIMARY KEY, title TEXT, body TEXT, source TEXT, {columns});
        CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content="docs", tokenize='unicode61');
    """)
    rows = 0
    for number, stored, title, body in stemmed_documents(service):
        values = facet_values(stored)
        connection.execute(f"INSERT INTO docs(rowid, id, title, body, source, {', '.join(FACET_COLUMNS)}) "
                           f"VALUES (?, ?, ?, ?, ?{', ?' * len(FACET_COLUMNS)})",
                           (number, stored["id"], title, body, stored["source"],
                            *(json.dumps(values[name]) for name in FACET_COLUMNS)))
        rows += 1
    connection.execute("INSERT INTO docs_fts(rowid, title, body) SELECT rowid, title, body FROM docs")
    connection.commit()
    connection.close()
    return rows


@contextmanager
def datasette(database: Path, start_seconds: float = 120) -> Iterator[str]:
    """The table URL of `datasette serve` over `database` (immutable: no locking, no writes); stopped after."""
    settings = [part for name, value in DATASETTE_SETTINGS.items() for part in ("--setting", name, str(value))]

    def command(port: int) -> list[str]:
        return [sys.executable, "-m", "datasette", "serve", "-i", str(database), "--host", "127.0.0.1",
                "--port", str(port), *settings]

    with running(command, "/-/versions.json", "datasette", start_seconds) as (base, _):
        yield f"{base}/{database.stem}/docs.json"


def datasette_params(params: dict[str, str]) -> list[tuple[str, str]]:
    """One Warta query as Datasette's table-view parameters: the stemmed words, the filters, every facet."""
    text = params.get("q", "")
    words = [t.text for t in stemmed_analyzer()(text.strip('"'))]
    query: list[tuple[str, str]] = [("_size", "10")]
    if words and text.startswith('"'):
        query += [("_search", '"' + " ".join(words) + '"'), ("_searchmode", "raw")]
    elif words:
        query += [("_search", " ".join(words))]  # escaped mode: each word quoted, all required
    for key in ("official", "agency"):
        if params.get(key):
            query.append((f"{key}__arraycontains", params[key]))
    query += [("_facet_array", name) for name in FACET_COLUMNS] + [("_facet", "source")]
    return query


class Server:
    """Asks one server; counts the answers that failed, and remembers which queries found nothing."""

    def __init__(self) -> None:
        self.failed, self.found_nothing = 0, set()

    def __call__(self, params: dict[str, str]) -> None:
        status, body = get_json(self.url_of(params), timeout=120)
        self.failed += status != 200
        if self.empty(body):
            self.found_nothing.add(urllib.parse.urlencode(params))

    def share_found_nothing(self, queries: list[dict[str, str]]) -> float:
        return sum(urllib.parse.urlencode(p) in self.found_nothing for p in queries) / len(queries)


class Datasette(Server):
    """Also counts the answers whose facets timed out."""

    def __init__(self, url: str):
        super().__init__()
        self.url, self.timed_out = url, 0

    def url_of(self, params: dict[str, str]) -> str:
        return self.url + "?" + urllib.parse.urlencode(datasette_params(params))

    def empty(self, body: dict) -> bool:
        self.timed_out += bool(body.get("facets_timed_out"))
        return not body.get("rows")


class Warta(Server):
    def __init__(self, base: str):
        super().__init__()
        self.base = base

    def url_of(self, params: dict[str, str]) -> str:
        return self.base + "/api/search?" + urllib.parse.urlencode(params)

    def empty(self, body: dict) -> bool:
        return not body.get("hits")


def known_item_mix(corpus: Path, count: int, seed: int) -> dict[str, list[dict[str, str]]]:
    queries = build_queries(read_articles(corpus), count, seed)
    return {name: [{"q": q.text} for q in queries if q.kind == kind] for name, kind in KNOWN_ITEM_TYPES.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, help="the index's source, for the misspelled and remembered types")
    parser.add_argument("--queries", type=int, default=60, help="articles sampled for the known-item types")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    service = SearchService(args.index)
    first = service.search(SearchRequest())
    mix = query_mix(first["facets"]["official"][0]["value"], first["facets"]["agency"][0]["value"])
    if args.corpus:
        mix.update(known_item_mix(args.corpus, args.queries, args.seed))
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "warta.db"
        started = time.perf_counter()
        rows = write_database(service, database)
        service.close()
        print(f"{rows} articles written for Datasette in {time.perf_counter() - started:.0f} s")
        with datasette(database) as url, serving(args.index, options=["--result-cache-mb", "0"],
                                                 start_seconds=600) as base:
            warta, other = Warta(base), Datasette(url)
            timings = time_calls([warta, other], mix, args.repeat)
    print(f"\n{'query type':<14}{'queries':>8}{'Warta p50/p95/p99 ms':>24}{'Datasette p50/p95/p99 ms':>28}"
          f"{'p95 ratio':>11}{'found nothing (W/D)':>21}")
    for kind, queries in mix.items():
        cells = [f"{statistics.median(t[kind]):.1f}/{percentile(t[kind], .95):.1f}/{percentile(t[kind], .99):.1f}"
                 for t in timings]
        ratio = percentile(timings[0][kind], .95) / percentile(timings[1][kind], .95)
        empty = f"{warta.share_found_nothing(queries):.0%}/{other.share_found_nothing(queries):.0%}"
        print(f"{kind:<14}{len(queries):>8}{cells[0]:>24}{cells[1]:>28}{ratio:>11.2f}{empty:>21}")
    print(f"failed: Warta {warta.failed}, Datasette {other.failed}; Datasette answers with a facet timed out: "
          f"{other.timed_out}")
    print(f"reproduce: python bench/versus_datasette.py --index {args.index}"
          + (f" --corpus {args.corpus} --queries {args.queries} --seed {args.seed}" if args.corpus else "")
          + f" --repeat {args.repeat}")


if __name__ == "__main__":
    main()
