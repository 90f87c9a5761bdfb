"""Wall time, articles/s and peak memory of `warta reindex` on synthetic archives, cold and warm.

    python bench/indexing.py [--sizes 10000 100000] [--source ../shared/corpus/news.jsonl]

Cold: an empty index directory (no stem cache). Warm: `--full` again over the same directory, so the
stem cache from the first run is there. Each run is a separate `warta reindex` process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def run(command: list[str]) -> tuple[float, int]:
    """Seconds and the child's peak RSS in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    return elapsed, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    print(f"{'articles':>9}{'run':>6}{'seconds':>10}{'articles/s':>12}{'peak RSS MB':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"synthetic-{size}.jsonl"
            subprocess.run([sys.executable, "bench/corpus.py", str(size), str(corpus), "--source", str(args.source)],
                           cwd=ROOT, check=True, capture_output=True)
            index = Path(tmp) / f"index-{size}"
            command = [sys.executable, "-m", "search.cli", "reindex", str(corpus), "--index", str(index), "--quiet"]
            for label, extra in (("cold", []), ("warm", ["--full"])):
                seconds, rss = run(command + extra)
                print(f"{size:>9}{label:>6}{seconds:>10.1f}{size / seconds:>12.0f}{rss:>13}")
    print(f"reproduce: python bench/indexing.py --sizes {' '.join(map(str, args.sizes))}")


if __name__ == "__main__":
    main()
