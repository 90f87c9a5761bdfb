"""Bounded load on the production server (127.0.0.1 only) while a full reindex runs in the middle.

    python bench/load.py [--corpus ../shared/corpus/news.jsonl] [--clients 32] [--seconds 60] [--bomb-seconds 30]

Builds an index of the corpus, starts `warta serve`, runs CLIENTS concurrent clients for SECONDS with the
query mix of bench/querymix.py, starts `warta reindex --full` half way, and prints requests/s, p50/p99
latency and the error count (which must be 0). Then, on the same index, 4 prefix-bomb clients (125 two-letter
prefixes each) beside 28 normal ones for BOMB_SECONDS (bench/prefix_bomb.py): the normal clients' p99 must
stay under 1 s with 0 errors.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.prefix_bomb import run_mix  # noqa: E402
from bench.querymix import query_mix  # noqa: E402
from tests.serving import get_json, serving  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def reindex(corpus: Path, index: Path, full: bool) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "search.cli", "reindex", str(corpus), "--index", str(index), "--quiet"]
    subprocess.run(command + (["--full"] if full else []), cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=8, help="server worker threads")
    parser.add_argument("--bomb-seconds", type=float, default=30.0,
                        help="length of the prefix-bomb mix after the main run (0: skip it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "ix"
        print(f"initial index: {reindex(args.corpus, index, full=True):.1f} s")
        with serving(index, threads=args.threads) as base:
            _, first = get_json(base + "/api/search?q=")
            mix = query_mix(first["facets"]["official"][0]["value"], first["facets"]["agency"][0]["value"])
            urls = [base + "/api/search?" + urllib.parse.urlencode(params)
                    for queries in mix.values() for params in queries]
            latencies: list[float] = []
            errors: list[str] = []
            stop = threading.Event()

            def client(offset: int) -> None:
                for url in itertools.islice(itertools.cycle(urls), offset, None):
                    if stop.is_set():
                        return
                    started = time.perf_counter()
                    try:
                        status, _ = get_json(url, timeout=30)
                    except OSError as error:
                        errors.append(f"{url}: {error}")
                        continue
                    latencies.append(time.perf_counter() - started)
                    if status != 200:
                        errors.append(f"{url}: HTTP {status}")

            threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            time.sleep(args.seconds / 2)
            reindex_seconds = reindex(args.corpus, index, full=True)
            time.sleep(max(0.0, args.seconds - (time.perf_counter() - started)))
            stop.set()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
        if args.bomb_seconds > 0:
            report(args, latencies, errors, elapsed, reindex_seconds)
            print()
            run_mix(index, bombs=4, normal_clients=28, seconds=args.bomb_seconds, threads=args.threads)
            return
    report(args, latencies, errors, elapsed, reindex_seconds)


def report(args, latencies: list[float], errors: list[str], elapsed: float, reindex_seconds: float) -> None:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(f"{args.clients} clients, {elapsed:.0f} s, reindex --full in the middle took {reindex_seconds:.1f} s")
    print(f"requests: {len(latencies)}  ({len(latencies) / elapsed:.1f}/s)")
    print(f"latency: p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99:.1f} ms")
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print("  " + error)
    print(f"reproduce: python bench/load.py --corpus {args.corpus} --clients {args.clients} --seconds {args.seconds:g}")


if __name__ == "__main__":
    main()
