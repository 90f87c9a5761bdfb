"""Wall time, articles/s and peak memory of `warta reindex` on synthetic archives, cold and warm.

    python bench/indexing.py [--sizes 10000 100000] [--source ../shared/corpus/news.jsonl] [--keep DIR]

Cold: an empty index directory (no stem cache). Warm: `--full` again over the same directory, so the
stem cache from the first run is there. Each run is a separate `warta reindex` process. Peak memory is
given twice: the largest single process (what the kernel reports for the process tree: its largest member),
and the whole tree's proportional set size sampled every half second (the reindex and its worker processes
together, shared pages counted once): what the machine must have. With --keep, the corpora and indexes are
written under DIR and kept (a million articles take hours to index: keep them for the query benches).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serving import proportional_mb  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SAMPLE_SECONDS = 0.5


def descendants(pid: int) -> list[int]:
    """A process and every process under it (children of any of its threads)."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                waiting.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def tree_mb(pid: int) -> int:
    total = 0
    for member in descendants(pid):
        try:
            total += proportional_mb(member)
        except OSError:  # ended meanwhile
            pass
    return total


def run(command: list[str]) -> tuple[float, int, int]:
    """Seconds, the largest process's peak RSS in MB and the peak of the whole tree's PSS in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(SAMPLE_SECONDS):
            peak[0] = max(peak[0], tree_mb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed (wait status {status})")
    return elapsed, usage.ru_maxrss // 1024, peak[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--keep", type=Path, help="write corpora and indexes here and keep them")
    args = parser.parse_args()
    print(f"{'articles':>9}{'run':>6}{'seconds':>10}{'articles/s':>12}{'largest RSS MB':>16}{'tree PSS MB':>13}",
          flush=True)
    with (nullcontext(str(args.keep)) if args.keep else tempfile.TemporaryDirectory()) as tmp:
        Path(tmp).mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            corpus = Path(tmp) / f"synthetic-{size}.jsonl"
            if not corpus.exists():
                subprocess.run([sys.executable, "bench/corpus.py", str(size), str(corpus), "--source",
                                str(args.source)], cwd=ROOT, check=True, capture_output=True)
            index = Path(tmp) / f"index-{size}"
            shutil.rmtree(index, ignore_errors=True)  # cold: no index and no stem cache
            command = [sys.executable, "-m", "search.cli", "reindex", str(corpus), "--index", str(index), "--quiet"]
            for label, extra in (("cold", []), ("warm", ["--full"])):
                seconds, rss, tree = run(command + extra)
                print(f"{size:>9}{label:>6}{seconds:>10.1f}{size / seconds:>12.0f}{rss:>16}{tree:>13}", flush=True)
    print(f"reproduce: python bench/indexing.py --sizes {' '.join(map(str, args.sizes))}")


if __name__ == "__main__":
    main()
