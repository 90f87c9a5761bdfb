"""Wall time, articles/s and peak memory of `warta reindex` on synthetic archives, cold and warm.

    python bench/indexing.py [--sizes 10000 100000] [--source ../shared/corpus/news.jsonl] [--keep DIR]
                             [--runs cold warm]

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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serving import proportional_mb  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SAMPLE_SECONDS = 0.5
# `warta reindex` with story detection switched off (every article its own story): what stories cost
WITHOUT_STORIES = """
import sys
from search import cli
from search.stories import StoryIndex
StoryIndex.prepare_all = lambda self, texts, workers=1: iter([None] * len(texts))
StoryIndex.assign = lambda self, article_id, text, text_of, prepared=None: article_id
sys.exit(cli.main(sys.argv[1:]))
"""
# `warta reindex` with quote extraction switched off (no article quotes anyone): what quotes cost (issue 18)
WITHOUT_QUOTES = """
import sys
import search.extract
from search import cli
search.extract.find_quotes = lambda *arguments, **options: []
sys.exit(cli.main(sys.argv[1:]))
"""
RUNS = {"cold": [], "warm": ["--full"]}  # a build into an empty directory, then `--full` over it (stem cache there)
FEATURES = {"stories": WITHOUT_STORIES, "quotes": WITHOUT_QUOTES}  # what a --*-cost run switches off


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


class Run(NamedTuple):
    seconds: float  # wall time
    cpu: float  # user + system seconds of the process and its worker processes
    largest_mb: int  # the largest single process's peak RSS
    tree_mb: int  # the peak of the whole tree's PSS


def run(command: list[str]) -> Run:
    """Wall and CPU time and peak memory of one command (see Run)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        pause = SAMPLE_SECONDS
        while not done.wait(pause):
            started = time.perf_counter()
            peak[0] = max(peak[0], tree_mb(process.pid))
            # reading a 7 GB process's page tables took a quarter of a core at 0.5 s: sampling stays under ~10 %
            pause = max(SAMPLE_SECONDS, 10 * (time.perf_counter() - started))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed (wait status {status})")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, peak[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--keep", type=Path, help="write corpora and indexes here and keep them")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS),
                        help="which builds to time (a million articles: `--runs cold` alone takes most of an hour)")
    parser.add_argument("--story-cost", type=int, metavar="REPEAT",
                        help="instead: warm full builds with and without story detection, alternating, REPEAT times")
    parser.add_argument("--quote-cost", type=int, metavar="REPEAT",
                        help="instead: warm full builds with and without quote extraction, alternating, REPEAT times")
    args = parser.parse_args()
    if args.story_cost or args.quote_cost:
        feature_cost(args, "stories" if args.story_cost else "quotes", args.story_cost or args.quote_cost)
        return
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
            for label in args.runs:
                extra = RUNS[label]
                seconds, _, rss, tree = run(command + extra)
                print(f"{size:>9}{label:>6}{seconds:>10.1f}{size / seconds:>12.0f}{rss:>16}{tree:>13}", flush=True)
    print(f"reproduce: python bench/indexing.py --sizes {' '.join(map(str, args.sizes))} --runs {' '.join(args.runs)}")


def feature_cost(args, feature: str, repeat: int) -> None:
    """Warm `--full` builds with and without a feature (story detection, quote extraction), one after the other,
    so that both meet the same machine; the ratio of the medians is what the feature costs, in wall time and in
    CPU time (the steadier figure on a shared machine)."""
    import statistics

    without = f"no {feature}"
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"synthetic-{size}.jsonl"
            subprocess.run([sys.executable, "bench/corpus.py", str(size), str(corpus), "--source", str(args.source)],
                           cwd=ROOT, check=True, capture_output=True)
            arguments = ["reindex", str(corpus), "--index", str(Path(tmp) / f"index-{size}"), "--quiet", "--full"]
            run([sys.executable, "-m", "search.cli"] + arguments)  # the stem cache: every timed build is warm
            runs: dict[str, list[Run]] = {feature: [], without: []}
            for _ in range(repeat):
                runs[feature].append(run([sys.executable, "-m", "search.cli"] + arguments))
                runs[without].append(run([sys.executable, "-c", FEATURES[feature]] + arguments))
            medians = {}
            for label, measured in runs.items():
                medians[label] = [statistics.median(r.seconds for r in measured), statistics.median(r.cpu for r in measured)]
                print(f"{size:>9} {label:<11} wall " + " ".join(f"{r.seconds:.1f}" for r in measured)
                      + "  cpu " + " ".join(f"{r.cpu:.1f}" for r in measured)
                      + f"  medians {medians[label][0]:.1f} s wall, {medians[label][1]:.1f} s cpu", flush=True)
            wall, cpu = (100 * (medians[feature][i] / medians[without][i] - 1) for i in (0, 1))
            print(f"{size:>9} {feature} cost {wall:+.1f} % of the build's wall time, {cpu:+.1f} % of its CPU time",
                  flush=True)
            # what a target on speed asks: articles/s with the feature against without it
            drop_wall, drop_cpu = (100 * (1 - medians[without][i] / medians[feature][i]) for i in (0, 1))
            print(f"{size:>9} with {feature}, articles/s drop by {drop_wall:.1f} % (wall) and {drop_cpu:.1f} % "
                  "(per CPU second)", flush=True)
    flag = "--story-cost" if feature == "stories" else "--quote-cost"
    print(f"reproduce: python bench/indexing.py --sizes {' '.join(map(str, args.sizes))} {flag} {repeat}")


if __name__ == "__main__":
    main()
