"""Time and memory of streaming a 10,000-row export (CSV and JSONL) at N synthetic articles.

    python bench/export.py [--size 20000] [--index DIR]

Builds the synthetic archive and its index (unless --index names a built one), then streams
/api/search.csv and /api/search.jsonl through the Flask app for an empty query (every article, newest
first) with collapse=false, 1,000 and 10,000 rows: seconds, and the peak of memory allocated while streaming
(tracemalloc), which should not grow with the rows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.export import EXPORT_LIMIT  # noqa: E402
from web import create_app  # noqa: E402


def stream(client, url: str) -> tuple[float, int, int]:
    """Seconds, rows and peak traced bytes of reading one streamed answer chunk by chunk."""
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url, buffered=False)
    lines = 0
    for chunk in response.response:
        lines += chunk.count(b"\n") if isinstance(chunk, bytes) else chunk.count("\n")
    response.close()
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, lines, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--index", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            corpus = Path(tmp) / "synthetic.jsonl"
            subprocess.run([sys.executable, "bench/corpus.py", str(args.size), str(corpus)], cwd=ROOT, check=True,
                           capture_output=True)
            index = Path(tmp) / "index"
            subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(corpus), "--index", str(index), "--quiet"],
                           cwd=ROOT, check=True, capture_output=True)
        app = create_app({"WARTA_INDEX": str(index), "TESTING": True})
        client = app.test_client()
        client.get("/api/search?q=")  # open the generation once
        print(f"{'format':>7}{'rows':>7}{'seconds':>9}{'peak MB':>9}")
        for fmt in ("csv", "jsonl"):
            for rows in (1000, EXPORT_LIMIT):
                seconds, lines, peak = stream(client, f"/api/search.{fmt}?q=&sort=date&collapse=false&limit={rows}")
                print(f"{fmt:>7}{lines:>7}{seconds:>9.2f}{peak / 1e6:>9.1f}")
        app.extensions["warta"].close()
    print(f"reproduce: python bench/export.py --size {args.size}")


if __name__ == "__main__":
    main()
