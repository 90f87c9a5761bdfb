"""Whoosh and OpenSearch side by side: the same articles, the same query mix, the same result dicts.

    python bench/opensearch.py parity [--source ../shared/corpus/news.jsonl] [--url http://127.0.0.1:9250]
    python bench/opensearch.py speed --size 100000 [--repeat 10] [--url ...]

`parity` indexes the seeds and the shared corpus into both backends and, for the query mix of bench/query.py
plus date ranges, facet selections and queries the matching strategy relaxes, each collapsed and not, by
relevance and by date, prints per query whether `total` (stories and articles), `relaxed` and every facet's
counts agree (naming the facets that differ), the overlap of the top 10, and how often each facet agreed.
`speed` indexes SIZE synthetic articles (bench/corpus.py) into both and prints articles/s, query p50/p95 over
the mix, the time an update takes to make one new article searchable, and memory (server RSS for Whoosh, the JVMs' RSS for OpenSearch). Needs a running cluster (`make opensearch`).
"""

from __future__ import annotations

import argparse
import statistics
from itertools import product
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.querymix import query_mix  # noqa: E402
from search.backends import BackendSettings, open_backend  # noqa: E402
from search.query import SearchRequest  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def request_of(params: dict[str, str], **more) -> SearchRequest:
    selected = {name: (value,) for name, value in params.items() if name not in ("q", "from", "to") and value}
    return SearchRequest(q=params.get("q", ""), selected=selected, date_from=params.get("from", ""),
                         date_to=params.get("to", ""), **more)


def parity_queries(whoosh) -> list[dict[str, str]]:
    first = whoosh.search(SearchRequest())
    top = {name: first["facets"][name][0]["value"] for name in ("official", "agency", "region", "source")
           if first["facets"][name]}
    queries = [params for group in query_mix(top["official"], top["agency"]).values() for params in group]
    queries += [{"q": "banjir", "from": "2017-01", "to": "2017-06"}, {"q": "presiden", "from": "2018"},
                {"q": "pemerintah", "region": top.get("region", "")}, {"q": "", "source": top.get("source", "")},
                {"q": "korupsi -kpk"}, {"q": "gubernur OR bupati"}, {"q": "pemba*"},
                {"q": "banjir", "region": top.get("region", ""), "source": top.get("source", "")}]
    # words of which fewer than 10 articles hold all: the matching strategy lets in those lacking some
    queries += [{"q": q} for q in ("banjir bandang longsor jembatan", "presiden jokowi kunjungan pasar tradisional sumatera",
                                   "korupsi dana desa kepala desa ditahan kejaksaan", "gubernur anies reklamasi teluk jakarta",
                                   "polisi tangkap pengedar sabu kampung", "+banjir warga mengungsi perahu karet")]
    return queries


def facet_counts(result: dict) -> dict[str, list[tuple]]:
    def flat(items):
        return [(i["value"], i["count"], tuple(flat(i.get("children", [])))) for i in items]

    return {name: flat(items) for name, items in result["facets"].items()}


def parity(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        whoosh = open_backend(BackendSettings("whoosh", str(Path(tmp) / "index")))
        cluster = open_backend(BackendSettings("opensearch", opensearch_url=args.url))
        paths = [str(ROOT / "seeds"), str(args.source)]
        for backend in (whoosh, cluster):
            started = time.perf_counter()
            report = backend.reindex(paths)
            print(f"{type(backend).__name__}: {report.summary()} ({time.perf_counter() - started:.0f} s wall)")
        same_totals = same_facets = 0
        same_by_facet: dict[str, int] = {}
        overlaps = []
        queries = parity_queries(whoosh)
        relaxed = 0
        for params, collapse, sort in product(queries, (True, False), ("relevance", "date")):
            w = whoosh.search(request_of(params, collapse=collapse, facet_size=20, sort=sort))
            o = cluster.search(request_of(params, collapse=collapse, facet_size=20, sort=sort))
            relaxed += w["relaxed"]
            totals_equal = (w["total"], w["total_articles"], w["relaxed"]) == (o["total"], o["total_articles"],
                                                                               o["relaxed"])
            counted_w, counted_o = facet_counts(w), facet_counts(o)
            facets_equal = counted_w == counted_o
            for name in counted_w:
                same_by_facet[name] = same_by_facet.get(name, 0) + (counted_w[name] == counted_o.get(name))
            top_w, top_o = [h["id"] for h in w["hits"]], [h["id"] for h in o["hits"]]
            overlap = len(set(top_w) & set(top_o)) / max(1, len(top_w)) if top_w or top_o else 1.0
            same_totals += totals_equal
            same_facets += facets_equal
            overlaps.append(overlap)
            if not (totals_equal and facets_equal) or overlap < 0.9:
                print(f"  {params} collapse={collapse} sort={sort}: totals {w['total']}/{w['total_articles']} vs "
                      f"{o['total']}/{o['total_articles']}, facets "
                      f"{'=' if facets_equal else '≠ ' + ','.join(n for n in counted_w if counted_w[n] != counted_o.get(n))}, "
                      f"top-10 overlap {overlap:.2f}")
        runs = len(overlaps)
        print(f"\n{runs} searches ({relaxed} relaxed): same total {same_totals}/{runs}, same facet counts {same_facets}/{runs}, "
              f"top-10 overlap mean {statistics.mean(overlaps):.3f} (min {min(overlaps):.2f})")
        print("same counts per facet: " + ", ".join(f"{name} {same}/{runs}" for name, same in same_by_facet.items()))
        whoosh.close()
        cluster.close()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def resident_mb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) // 1024
    return total


def speed(args) -> None:
    import json
    import resource

    from bench.querymix import QUERY_TYPES

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        subprocess.run([sys.executable, "bench/corpus.py", str(args.size), str(corpus), "--source", str(args.source)],
                       cwd=ROOT, check=True, capture_output=True)
        backends = [open_backend(BackendSettings("whoosh", str(Path(tmp) / "index"))),
                    open_backend(BackendSettings("opensearch", opensearch_url=args.url, opensearch_alias="warta-bench",
                                                 shards=args.shards, replicas=args.replicas))]
        print(f"{args.size} synthetic articles; OpenSearch index: {args.shards} shards, {args.replicas} replicas")
        for backend in backends:
            started = time.perf_counter()
            backend.reindex([str(corpus)])
            seconds = time.perf_counter() - started
            print(f"{type(backend).__name__:<20} indexed in {seconds:.0f} s: {args.size / seconds:.0f} articles/s")
        first = backends[0].search(SearchRequest())
        mix = query_mix(first["facets"]["official"][0]["value"], first["facets"]["agency"][0]["value"])
        print(f"\n{'query type':<14}{'Whoosh p50/p95 ms':>20}{'OpenSearch p50/p95 ms':>24}")
        for kind in QUERY_TYPES:
            cells = []
            for backend in backends:
                timings = []
                for params in mix[kind]:
                    backend.search(request_of(params))
                for _ in range(args.repeat):
                    for params in mix[kind]:
                        started = time.perf_counter()
                        backend.search(request_of(params))
                        timings.append((time.perf_counter() - started) * 1000)
                cells.append(f"{statistics.median(timings):.1f}/{percentile(timings, .95):.1f}")
            print(f"{kind:<14}{cells[0]:>20}{cells[1]:>24}")
        one_new_article(backends, corpus, Path(tmp) / "new.jsonl")
        state = json.loads((ROOT / "opensearch" / ".run" / "state.json").read_text())
        print(f"\nmemory: this process (Whoosh searching) peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}"
              f" MB; OpenSearch JVMs {resident_mb([n['pid'] for n in state['nodes']])} MB resident together")
        for pattern in ("warta-bench.g*", "warta-bench.files.*"):
            backends[1].call(lambda c, pattern=pattern: c.indices.delete(index=pattern))
        for backend in backends:
            backend.close()


def one_new_article(backends, corpus: Path, new_file: Path) -> None:
    """Time an update that brings one new article (a file beside the corpus) until a search finds it."""
    import json

    first = json.loads(corpus.open(encoding="utf-8").readline())
    marker = "kataunikbench"
    new_file.write_text(json.dumps({**first, "url": first["url"] + "-baru", "title": first["title"] + " " + marker,
                                    "body": first["body"] + "\n\nKalimat baru " + marker + "."}) + "\n",
                        encoding="utf-8")
    print()
    for backend in backends:
        started = time.perf_counter()
        report = backend.reindex([str(corpus), str(new_file)], full=False)
        found = backend.search(SearchRequest(q=marker))["total"]
        print(f"{type(backend).__name__:<20} one new article: update {report.seconds:.2f} s, searchable after "
              f"{time.perf_counter() - started:.2f} s (found {found}, {report.indexed} indexed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("parity", "speed"))
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--url", default="http://127.0.0.1:9250")
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--replicas", type=int, default=1)
    args = parser.parse_args()
    parity(args) if args.mode == "parity" else speed(args)


if __name__ == "__main__":
    main()
