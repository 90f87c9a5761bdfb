"""Throughput of `warta serve` under 32 readers: one worker process against N, with and without a reindex.

    python bench/load.py [--corpus FILE] [--index DIR] [--workers 1 2] [--clients 32] [--seconds 30]
                         [--threads 8] [--bomb-seconds 30]

Serves an index of the corpus (built first, or DIR built from it earlier) with each worker count in turn, in
one run so that the ratios share the machine's conditions. For each: the seconds until the server answers;
CLIENTS keep-alive clients (bench/clients.py) over the query mix of bench/querymix.py for SECONDS ("steady"),
then SECONDS more while `warta reindex --full` of the corpus runs ("reindex"; stopped with Ctrl-C's signal when
the phase ends, so every worker count meets the same kind of reindex, or swapped in when it finishes sooner);
requests/s, p50/p95/p99/max and errors per phase; the worst request of the first 5 s against the steady p95
after them (warm start); the server's memory (PSS, shared pages counted once) and what each added worker
costs. Last, on the same index with the default worker count, 4 prefix-bomb clients beside 28 normal ones for
BOMB_SECONDS (bench/prefix_bomb.py).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.clients import Answers, run_clients  # noqa: E402
from bench.prefix_bomb import run_mix  # noqa: E402
from bench.querymix import query_mix  # noqa: E402
from tests.serving import get_json, proportional_mb, server_processes, serving  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
FIRST_SECONDS = 5.0  # "after start": the requests begun this early in the steady phase
REINDEX = [sys.executable, "-m", "search.cli", "reindex"]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


@dataclass
class Phase:
    name: str
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def ms(self, fraction: float) -> float:
        return percentile(self.latencies, fraction) * 1000


@dataclass
class Run:
    workers: int
    start_seconds: float
    phases: list[Phase]
    first_max_ms: float  # the worst request begun in the first FIRST_SECONDS
    settled_p95_ms: float  # p95 of the steady phase after them
    memory: list[int]  # PSS in MB: master, then each worker
    reindex: str
    errors: list[str]


def build(corpus: Path, index: Path) -> float:
    started = time.perf_counter()
    subprocess.run(REINDEX + [str(corpus), "--index", str(index), "--quiet"], cwd=ROOT, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def query_paths(base: str) -> list[str]:
    _, first = get_json(base + "/api/search?q=", timeout=120)
    mix = query_mix(first["facets"]["official"][0]["value"], first["facets"]["agency"][0]["value"])
    return ["/api/search?" + urllib.parse.urlencode(params) for queries in mix.values() for params in queries]


def measure(index: Path, corpus: Path, workers: int, args) -> Run:
    """One server with `workers` processes: the steady phase, then the phase with a reindex running."""
    answers = Answers()
    started = time.perf_counter()
    options = ["--workers", str(workers), "--result-cache-mb", str(args.result_cache_mb)]
    with serving(index, threads=args.threads, with_process=True, options=options, start_seconds=1800) as (base, process):
        start_seconds = time.perf_counter() - started
        host, port = base.removeprefix("http://").rsplit(":", 1)
        paths = query_paths(base)
        origin = time.perf_counter()
        run_clients(host, int(port), paths, args.clients, args.seconds, answers, origin)
        steady_end = time.perf_counter() - origin
        memory = [proportional_mb(pid) for pid in server_processes(process.pid)]
        reindex = subprocess.Popen(REINDEX + [str(corpus), "--index", str(index), "--full", "--quiet"], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        reindex_started = time.perf_counter()
        run_clients(host, int(port), paths, args.clients, args.seconds, answers, origin)
        reindex_end = time.perf_counter() - origin
        reindex_note = stop(reindex, reindex_started)
    phases = [Phase("steady", steady_end, answers.between(0, steady_end), answers.errors_between(0, steady_end)),
              Phase("reindex", reindex_end - steady_end, answers.between(steady_end, reindex_end),
                    answers.errors_between(steady_end, reindex_end))]
    first = answers.between(0, FIRST_SECONDS)
    settled = answers.between(FIRST_SECONDS, steady_end)
    return Run(workers, start_seconds, phases, max(first) * 1000 if first else float("nan"),
               percentile(settled, 0.95) * 1000, memory, reindex_note, answers.errors)


def stop(reindex: subprocess.Popen, started: float) -> str:
    """End the phase's reindex: interrupted (as Ctrl-C would) if still running, else say when it finished."""
    if reindex.poll() is None:
        reindex.send_signal(signal.SIGINT)
        reindex.wait()
        return f"interrupted after {time.perf_counter() - started:.0f} s"
    return f"finished and swapped in after {time.perf_counter() - started:.0f} s (exit {reindex.returncode})"


def report(runs: list[Run], args) -> None:
    width = 18
    print(f"{args.clients} clients, {args.seconds:g} s per phase, {args.threads} threads per worker, "
          f"result cache {args.result_cache_mb} MB per worker"
          f"{' (off: every request evaluated)' if not args.result_cache_mb else ''}, "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    head = "".join(f"{f'workers={run.workers}':>{width}}" for run in runs)
    ratio = len(runs) > 1
    print(f"{'':<28}{head}" + (f"{f'{runs[-1].workers}/{runs[0].workers}':>8}" if ratio else ""))

    def row(label: str, values: list[float], form: str = "{:.1f}") -> None:
        cells = "".join(f"{form.format(value):>{width}}" for value in values)
        extra = f"{values[-1] / values[0]:>8.2f}" if ratio and values[0] else ""
        print(f"{label:<28}{cells}{extra}")

    row("started answering (s)", [run.start_seconds for run in runs])
    for number, phase in enumerate(runs[0].phases):
        name = phase.name
        per_run = [run.phases[number] for run in runs]
        row(f"{name}: requests/s", [p.rate for p in per_run])
        row(f"{name}: p50 ms", [p.ms(0.5) for p in per_run])
        row(f"{name}: p95 ms", [p.ms(0.95) for p in per_run])
        row(f"{name}: p99 ms", [p.ms(0.99) for p in per_run])
        row(f"{name}: max ms", [p.ms(1.0) for p in per_run])
        row(f"{name}: errors", [p.errors for p in per_run], "{:.0f}")
    row(f"first {FIRST_SECONDS:g} s: max ms", [run.first_max_ms for run in runs])
    row("  / steady p95 after them", [run.first_max_ms / run.settled_p95_ms for run in runs], "{:.2f}")
    row("memory PSS MB (all)", [sum(run.memory) for run in runs], "{:.0f}")
    for run in runs:
        print(f"workers={run.workers}: PSS MB master {run.memory[0]}, workers {run.memory[1:]}; "
              f"reindex {run.reindex}")
    if ratio:
        added = runs[-1].workers - runs[0].workers
        print(f"memory per added worker: {(sum(runs[-1].memory) - sum(runs[0].memory)) / added:.0f} MB (PSS)")
    for run in runs:
        for error in run.errors[:5]:
            print(f"  workers={run.workers}: {error}")
    print(f"reproduce: python bench/load.py --corpus {args.corpus}"
          + (f" --index {args.index}" if args.index else "")
          + f" --workers {' '.join(map(str, args.workers))} --clients {args.clients} --seconds {args.seconds:g}"
          + f" --result-cache-mb {args.result_cache_mb}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--index", type=Path, help="an index built from CORPUS earlier (else one is built)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts, in turn")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each phase")
    parser.add_argument("--threads", type=int, default=8, help="threads per worker")
    parser.add_argument("--result-cache-mb", type=int, default=32,
                        help="the servers' result cache (search/resultcache.py); 0: every request evaluated, as a "
                             "mix of queries never asked twice would be")
    parser.add_argument("--bomb-seconds", type=float, default=30.0,
                        help="length of the prefix-bomb mix after the main runs (0: skip it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or Path(tmp) / "ix"
        if args.index is None:
            print(f"initial index: {build(args.corpus, index):.1f} s")
        runs = [measure(index, args.corpus, workers, args) for workers in args.workers]
        report(runs, args)
        if args.bomb_seconds > 0:
            print()
            run_mix(index, bombs=4, normal_clients=28, seconds=args.bomb_seconds, threads=args.threads)


if __name__ == "__main__":
    main()
