"""What misspelled and zero-result queries cost beside ordinary ones (issue 16: p95 <= 30 ms at 20k articles).

    python bench/misses.py --index DIR --corpus CORPUS.jsonl [--queries 200] [--seed 7] [--repeat 3]

DIR is an index of CORPUS (`bench/corpus.py 20000 c.jsonl` then `warta reindex c.jsonl --index DIR`). From
the same sampled articles bench/relevance.py writes three kinds of query: `ordinary` (the lead's 4 most
distinctive words), `misspelled` (the same, one word misspelled) and `remembered` (3 of them and a word the
article does not hold: with every word required, most of these find nothing). Each kind is timed on a
freshly opened (and warmed) service, so that no kind finds the postings another one read: the `first` pass
asks each query once (what a unique query costs), the `repeat` passes ask them again. It prints p50/p95/max
per kind and pass, the ratio of each kind's p95 to the ordinary p95, and the share of queries that found
nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.relevance import build_queries, read_articles  # noqa: E402
from search.query import SearchRequest, SearchService  # noqa: E402

KINDS = {"ordinary": "lead", "misspelled": "typo", "remembered": "remembered"}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timed(service: SearchService, queries: list[str]) -> tuple[list[float], int]:
    """Milliseconds per query, and how many found nothing."""
    times, empty = [], 0
    for text in queries:
        started = time.perf_counter()
        result = service.search(SearchRequest(q=text))
        times.append((time.perf_counter() - started) * 1000)
        empty += result["total"] == 0
    return times, empty


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=200, help="articles sampled")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    queries = build_queries(read_articles(args.corpus), args.queries, args.seed)
    rows = {}
    for name, kind in KINDS.items():
        texts = [q.text for q in queries if q.kind == kind]
        service = SearchService(args.index)
        service.search(SearchRequest())  # opens and warms the generation
        first, empty = timed(service, texts)
        again = [ms for _ in range(args.repeat) for ms in timed(service, texts)[0]]
        service.close()
        rows[name] = (len(texts), first, again, empty)
    ordinary = {"first": percentile(rows["ordinary"][1], .95), "repeat": percentile(rows["ordinary"][2], .95)}
    print(f"{'kind':<12}{'queries':>8}{'first p50/p95/max ms':>24}{'x ordinary':>11}"
          f"{'repeat p50/p95/max ms':>24}{'x ordinary':>11}{'found nothing':>15}")
    for name, (count, first, again, empty) in rows.items():
        cells = [f"{statistics.median(t):.1f}/{percentile(t, .95):.1f}/{max(t):.1f}" for t in (first, again)]
        print(f"{name:<12}{count:>8}{cells[0]:>24}{percentile(first, .95) / ordinary['first']:>11.2f}"
              f"{cells[1]:>24}{percentile(again, .95) / ordinary['repeat']:>11.2f}{empty / count:>15.1%}")
    print(f"reproduce: python bench/misses.py --index {args.index} --corpus {args.corpus} --queries {args.queries} "
          f"--seed {args.seed} --repeat {args.repeat}")


if __name__ == "__main__":
    main()
