"""The production server: answers while a reindex swaps generations underneath it."""

import subprocess
import sys
import threading
import time

from .conftest import CORPUS, ROOT, SEEDS
from .serving import get_json, serving


def test_queries_never_fail_while_reindexing(tmp_path):
    index = tmp_path / "ix"
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(SEEDS), "--index", str(index), "--quiet"],
                   cwd=ROOT, check=True, capture_output=True)
    statuses: list[int] = []
    totals: set[int] = set()
    stop = threading.Event()
    with serving(index) as base:

        def client() -> None:
            while not stop.is_set():
                status, body = get_json(base + "/api/search?q=")
                statuses.append(status)
                totals.add(body.get("total", -1))

        threads = [threading.Thread(target=client) for _ in range(4)]
        for thread in threads:
            thread.start()
        for sources in ([SEEDS, CORPUS], [SEEDS], [SEEDS, CORPUS]):
            subprocess.run([sys.executable, "-m", "search.cli", "reindex", *map(str, sources), "--index", str(index),
                            "--full", "--quiet"], cwd=ROOT, check=True, capture_output=True)
            time.sleep(0.3)
        stop.set()
        for thread in threads:
            thread.join()
        final_status, final = get_json(base + "/api/search?q=")
    assert statuses and set(statuses) == {200}
    assert totals == {1, 7}
    assert final_status == 200 and final["total"] == 7
    assert len(list(index.glob("gen-*"))) == 1  # the server let go of the old generations
