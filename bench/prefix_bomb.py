"""Normal queries beside prefix bombs: does one hostile request stall everyone (issue 13)?

    python bench/prefix_bomb.py --index DIR [--bombs 4] [--normal 4] [--seconds 30] [--threads 8]

Starts `warta serve` over an index built earlier (e.g. `bench/corpus.py 10000` then `warta reindex`), runs
NORMAL clients asking `bupati` (and a few other plain queries) beside BOMBS clients each asking 125 two-letter
prefixes (`ma* me* mi* …`, 499 characters, under the 500-character limit) for SECONDS, and prints the
normal clients' p50/p99/max, the bombs' p50, the error count and the server's memory (PSS of its processes)
before and after.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serving import get_json, proportional_mb, server_processes, serving  # noqa: E402

NORMAL = ["bupati", "bupati lampung", "banjir", "presiden", "reformasi birokrasi"]
PREFIXES = [c + v for v in "aeiou" for c in "bcdghjklmnprstwy"] + [v + c for v in "aeiou" for c in "bdgklmnprst"]


def bomb_query(count: int = 125) -> str:
    return " ".join(f"{p}*" for p in itertools.islice(itertools.cycle(PREFIXES), count))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def server_memory(pid: int) -> int:
    return sum(proportional_mb(process) for process in server_processes(pid))


def run_mix(index: Path, bombs: int, normal_clients: int, seconds: float, threads: int) -> None:
    """Serve `index`, run the clients for `seconds` and print the figures."""
    bomb_url = "/api/search?" + urllib.parse.urlencode({"q": bomb_query()})
    normal: list[float] = []
    bomb_latencies: list[float] = []
    errors: list[str] = []
    stop = threading.Event()
    with serving(index, threads=threads, with_process=True) as (base, process):
        for q in NORMAL:  # warm: the first request of each query reads its postings
            get_json(base + "/api/search?" + urllib.parse.urlencode({"q": q}), timeout=60)
        memory_before = server_memory(process.pid)

        def client(paths: list[str], latencies: list[float]) -> None:
            for path in itertools.cycle(paths):
                if stop.is_set():
                    return
                started = time.perf_counter()
                try:
                    status, _ = get_json(base + path, timeout=120)
                except OSError as error:
                    errors.append(f"{path[:60]}: {error}")
                    continue
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    errors.append(f"{path[:60]}: HTTP {status}")

        normal_paths = ["/api/search?" + urllib.parse.urlencode({"q": q}) for q in NORMAL]
        workers = [threading.Thread(target=client, args=([bomb_url], bomb_latencies)) for _ in range(bombs)]
        workers += [threading.Thread(target=client, args=(normal_paths[i % len(normal_paths):]
                                                          + normal_paths[:i % len(normal_paths)], normal))
                    for i in range(normal_clients)]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        time.sleep(seconds)
        stop.set()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - started
        memory_after = server_memory(process.pid)
    print(f"{normal_clients} normal + {bombs} prefix-bomb clients, {elapsed:.0f} s, {threads} server threads")
    if normal:
        print(f"normal: {len(normal)} requests, p50 {statistics.median(normal) * 1000:.0f} ms, "
              f"p99 {percentile(normal, .99) * 1000:.0f} ms, max {max(normal) * 1000:.0f} ms")
    if bomb_latencies:
        print(f"bombs: {len(bomb_latencies)} requests, p50 {statistics.median(bomb_latencies) * 1000:.0f} ms, "
              f"max {max(bomb_latencies) * 1000:.0f} ms")
    print(f"errors: {len(errors)}")
    for error in errors[:5]:
        print("  " + error)
    print(f"server memory (PSS, all processes): {memory_before} MB before, {memory_after} MB after")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--bombs", type=int, default=4)
    parser.add_argument("--normal", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--threads", type=int, default=8, help="server worker threads")
    args = parser.parse_args()
    run_mix(args.index, args.bombs, args.normal, args.seconds, args.threads)

if __name__ == "__main__":
    main()
