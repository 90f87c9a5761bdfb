"""Facet tallies of the query mix: a pass over every (document, value) pair against the pairs of the flagged
documents alone (search/facets.py chooses between them per tally), on one generation, in one process.

For each search of bench/querymix.py the real masks are built (the words, filters and selections as a
search builds them); each facet's tally is then timed both ways (best of three) and the answers compared.
Prints, per query type, the five facets' time by passes, by the rule FacetTable.tally follows, and the
median share of documents flagged; then each (share, pass ms, by-document ms, facet), to check the rule's
break-even against. Run on an index built by bench/indexing.py or bench/corpus.py + `warta reindex`:

    python bench/facets.py --index /path/to/index
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.querymix import query_mix  # noqa: E402
from search.matching import Expansions  # noqa: E402
from search.query import SearchRequest, SearchService  # noqa: E402
from search.querylang import parse  # noqa: E402


def best_ms(compute, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        compute()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def by_pass(table, matching: np.ndarray) -> np.ndarray:
    """The tally from a pass over every pair (the complement's, for most documents)."""
    if np.count_nonzero(matching) * 2 > len(matching):
        return table.totals - table._tally(~matching)
    return table._tally(matching)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args(argv)
    service = SearchService(args.index)
    started = time.perf_counter()
    generation = service.current()
    print(f"opened and warmed {generation.searcher.doc_count()} articles in {time.perf_counter() - started:.1f} s")
    for name, table in generation.facets.items():
        print(f"  {name}: {len(table.values)} values, {len(table.pair_doc)} pairs "
              f"({len(table.pair_doc) / max(1, len(generation.dates)):.2f} a document)")
    first = service.search(SearchRequest(q=""))
    mix = query_mix(first["facets"]["official"][0]["value"], first["facets"]["agency"][0]["value"])
    per_kind: dict[str, list[tuple[float, float, float]]] = {}
    shares = []
    for kind, group in mix.items():
        for params in group:
            request = generation.resolved(SearchRequest(q=params.get("q", ""), selected={
                name: (value,) for name, value in params.items() if name != "q"}))
            _, _, masks = generation.prepare_request(parse(request.q), request, Expansions())
            passes = chosen = 0.0
            for name, table in generation.facets.items():
                matching = masks.for_facet(name)
                if by_pass(table, matching).tolist() != table.tally(matching).tolist():
                    raise SystemExit(f"{kind} {params}: the two tallies of {name} differ")
                passes += best_ms(lambda: by_pass(table, matching))
                chosen += best_ms(lambda: table.tally(matching))
                counted = ~matching if np.count_nonzero(matching) * 2 > len(matching) else matching
                shares.append((np.count_nonzero(counted) / len(counted), best_ms(lambda: table._tally(counted)),
                               best_ms(lambda: table._sparse_tally(np.flatnonzero(counted))), name))
            per_kind.setdefault(kind, []).append((passes, chosen, np.count_nonzero(masks.matching) / len(masks.base)))
    print(f"\n{'query type':14}{'passes ms':>11}{'as chosen ms':>14}{'flagged':>10}   (five facets; medians)")
    for kind, rows in per_kind.items():
        print(f"{kind:14}{statistics.median(r[0] for r in rows):11.2f}{statistics.median(r[1] for r in rows):14.2f}"
              f"{statistics.median(r[2] for r in rows):10.1%}")
    print(f"\n{'counted':>9}{'pass ms':>9}{'by doc ms':>11}  facet")
    for share, passed, sparse, name in sorted(shares):
        print(f"{share:9.2%}{passed:9.2f}{sparse:11.2f}  {name}")
    print(f"reproduce: python bench/facets.py --index {args.index}")
    service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
