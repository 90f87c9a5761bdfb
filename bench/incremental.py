"""Seconds from dropping one new article beside a large archive to finding it through a running server.

    python bench/incremental.py [--size 100000] [--repeat 3] [--workdir DIR] [--sources DIR --index DIR]
                                [--unasked SECONDS]

Builds a synthetic archive of SIZE articles in one JSON Lines file (bench/corpus.py) and indexes it, unless
--workdir already holds `sources/` and `index/` from an earlier run (a 100k build takes minutes), or
--sources and --index name an archive indexed before (bench/indexing.py's, whose manifest keeps its paths). Then,
with `warta serve` running over the index, REPEAT times: write one new article as a .txt file into
`sources/`, run `warta reindex sources --index index` (incremental: the big file is unchanged and skipped),
and poll /api/search for a word only that article has until it is found; then send the query mix of
bench/querymix.py once, the first requests the new generation answers. Prints the reindex time, the time
until the article is found, the mix's median and slowest request, and the server's memory (PSS of its processes).
With --unasked, nobody searches for that many seconds after each reindex (a search on a worker that has not
noticed the new generation starts its opening): the workers must notice it themselves (web/server.py's
FOLLOW_SECONDS), as they do on a server nobody is asking.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.querymix import query_mix  # noqa: E402
from tests.serving import get_json, proportional_mb, server_processes, serving  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "news.jsonl"
POLL_SECONDS = 0.02
ARTICLE = """Kalianda, Senin (2/3/2026) - Bupati Lampung Selatan meninjau pembangunan jembatan {word} di
Kecamatan Kalianda bersama Kepala Dinas Pekerjaan Umum.

"Jembatan ini kami targetkan selesai tahun ini," ujarnya kepada wartawan.
"""


def reindex(sources: Path, index: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(sources), "--index", str(index), "--quiet"],
                   cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def mix_milliseconds(base: str, mix: list[dict[str, str]]) -> list[float]:
    """Each request of the mix once, in milliseconds through HTTP."""
    times = []
    for params in mix:
        started = time.perf_counter()
        get_json(base + "/api/search?" + urllib.parse.urlencode(params))
        times.append((time.perf_counter() - started) * 1000)
    return times


def prepare(sources: Path, index: Path, size: int, source: Path) -> tuple[Path, Path]:
    if not (index / "current").exists():
        sources.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "bench/corpus.py", str(size), str(sources / "archive.jsonl"),
                        "--source", str(source)], cwd=ROOT, check=True, capture_output=True)
        print(f"indexed {size} articles in {reindex(sources, index):.0f} s")
    for extra in sources.glob("new-*.txt"):  # articles added by an earlier run
        extra.unlink()
    reindex(sources, index)
    return sources, index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--sources", type=Path, help="a directory of sources indexed before (with --index)")
    parser.add_argument("--index", type=Path, help="the index built from --sources")
    parser.add_argument("--unasked", type=float, default=0.0,
                        help="seconds without searches after each reindex, before polling")
    args = parser.parse_args()
    if (args.sources is None) != (args.index is None):
        parser.error("--sources and --index go together")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        sources, index = prepare(args.sources or workdir / "sources", args.index or workdir / "index",
                                 args.size, args.source)
        with serving(index, with_process=True, start_seconds=1800) as (base, process):  # 1M warms for minutes
            first = get_json(base + "/api/search?q=")[1]
            mix = [params for group in query_mix(first["facets"]["official"][0]["value"],
                                                 first["facets"]["agency"][0]["value"]).values() for params in group]
            mix_milliseconds(base, mix)  # warm, as a server that has been answering for a while
            print(f"{'run':>4}{'reindex s':>11}{'found after s':>15}{'mix after p50/max ms':>22}{'server PSS MB':>15}")
            for run in range(1, args.repeat + 1):
                word = f"wartabench{time.time_ns()}"
                started = time.perf_counter()
                (sources / f"new-{run}.txt").write_text(ARTICLE.format(word=word), encoding="utf-8")
                reindex_seconds = reindex(sources, index)
                time.sleep(args.unasked)
                url = base + "/api/search?" + urllib.parse.urlencode({"q": word})
                while get_json(url)[1].get("total") != 1:
                    if time.perf_counter() - started > 120:
                        raise SystemExit(f"article {word} not found after 120 s")
                    time.sleep(POLL_SECONDS)
                found = time.perf_counter() - started
                after = mix_milliseconds(base, mix)
                print(f"{run:>4}{reindex_seconds:>11.2f}{found:>15.2f}"
                      f"{f'{statistics.median(after):.0f}/{max(after):.0f}':>22}{sum(map(proportional_mb, server_processes(process.pid))):>15}")
    unasked = f" --unasked {args.unasked:g}" if args.unasked else ""
    print(f"reproduce: python bench/incremental.py --size {args.size} --repeat {args.repeat}{unasked}")


if __name__ == "__main__":
    main()
