"""Updates of the live OpenSearch index, as the Whoosh indexer updates a generation: only what changed.

A full reindex writes, beside its generation `<alias>.g<time>`, a manifest index `<alias>.files.g<time>`: one
document per source file with its fingerprint and the ids of the documents it gave (the Whoosh generation's
manifest.json). `warta reindex --backend opensearch` without `--full` plans from it as the Whoosh indexer
does (search/indexer.plan_update) and writes into the index the alias names:
- the articles of new and changed files are indexed (an article keeps its id, so a changed one is replaced in
  place) before anything is deleted, so readers never miss an article that stays;
- the documents no file gives any more are deleted;
- a new article joins a story found by its MinHash band keys, which every document carries (`story_keys`),
  verified on exact shingles as search/stories.py verifies;
- the stories that gained or lost an article get their earliest date (`story_first`) again.
The manifest is written last: an update cut off half-way is redone whole by the next one.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import numpy as np

from ..indexer import BuildReport, SourceReading, content_key, count_inputs, manifest_entry, plan_update
from ..loaders import ReadOptions
from ..stories import Prepared, StoryIndex
from .opensearch import (EARLIEST, ORDER, STORY_FIRST, STORY_KEYS, UNDATED_LAST, opensearch_document)

if TYPE_CHECKING:
    from pathlib import Path

    from .opensearch import OpenSearchBackend

MANIFEST_PROPERTIES = {"path": {"type": "keyword"}, "size": {"type": "long"}, "mtime_ns": {"type": "long"},
                       "sha1": {"type": "keyword"}, "ids": {"type": "keyword", "index": False, "doc_values": False}}
STORY_BATCH = 500  # stories whose earliest date is looked up in one request
SCAN_SIZE = 1_000


def manifest_name(alias: str, generation: str) -> str:
    """`warta.g20261203…` -> `warta.files.g20261203…` (outside the `warta.g*` pattern of generations)."""
    return f"{alias}.files.{generation[len(alias) + 1:]}"


def key_strings(keys: np.ndarray) -> list[str]:
    """Band keys as the keyword terms documents carry."""
    return [format(key, "016x") for key in keys.tolist()]


def create_manifest(backend: "OpenSearchBackend", generation: str, manifest: dict[str, dict]) -> str:
    """Write the manifest index of a new generation; returns its name."""
    name = manifest_name(backend.alias, generation)
    body = {"settings": {"number_of_shards": 1, "number_of_replicas": backend.replicas},
            "mappings": {"dynamic": "strict", "properties": MANIFEST_PROPERTIES}}
    backend.create_index(name, body)
    write_manifest(backend, name, manifest, gone=())
    return name


def write_manifest(backend: "OpenSearchBackend", name: str, entries: dict[str, dict], gone: Iterable[str]) -> None:
    """Record `entries` (path -> fingerprint and ids) and forget the `gone` paths."""
    actions: list[dict[str, Any]] = [{"_index": name, "_id": _file_id(key), "_source": {"path": key, **entry}}
                                     for key, entry in entries.items()]
    actions += [{"_op_type": "delete", "_index": name, "_id": _file_id(key)} for key in gone]
    failed = [item for item in backend.bulk(actions) if item.get("status") != 404]
    if failed:
        raise_unwritten(backend, f"{len(failed)} manifest entries could not be written: {failed[0]}")
    backend.call(lambda c: c.indices.refresh(index=name))


def read_manifest(backend: "OpenSearchBackend", name: str) -> dict[str, dict]:
    from opensearchpy import helpers

    found = backend.call(lambda c: list(helpers.scan(c, index=name, size=SCAN_SIZE, query={"query": {"match_all": {}}})))
    return {hit["_source"]["path"]: {k: v for k, v in hit["_source"].items() if k != "path"} for hit in found}


def manifest_exists(backend: "OpenSearchBackend", generation: str) -> bool:
    return bool(backend.call(lambda c: c.indices.exists(index=manifest_name(backend.alias, generation))))


def _file_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def raise_unwritten(backend: "OpenSearchBackend", message: str) -> None:
    from ..errors import BackendUnavailableError

    raise BackendUnavailableError(f"the OpenSearch cluster at {backend.url}: {message}")


class LiveStories:
    """Stories for the articles of an update: this run's articles in a StoryIndex of their own, the live
    index's through its documents' band keys. `excluded` are documents the update replaces or deletes."""

    def __init__(self, backend: "OpenSearchBackend", index: str, excluded: set[str]) -> None:
        self.backend = backend
        self.index = index
        self.excluded = excluded
        self.run = StoryIndex()
        self.bodies: dict[str, str] = {}
        self.fetched: dict[str, str] = {}  # the last candidates' bodies, read with them

    def assign(self, article_id: str, body: str) -> tuple[str, Prepared]:
        prepared = self.run.prepare(body)
        self.bodies[article_id] = body
        story = self.run.assign(article_id, body, self._text_of, prepared, elsewhere=self._candidates)
        return story, prepared

    def _candidates(self, prepared: Prepared) -> list[tuple[str, str]]:
        """Live documents sharing a band with the article, those sharing the most first."""
        limit = self.run.config.max_candidates
        should = [{"constant_score": {"filter": {"term": {STORY_KEYS: key}}}} for key in key_strings(prepared.keys)]
        body = {"size": 2 * limit, "_source": ["story", "stored.body"],
                "query": {"bool": {"should": should, "minimum_should_match": 1}}}
        hits = self.backend.call(lambda c: c.search(index=self.index, body=body), read=True)["hits"]["hits"]
        self.fetched = {}
        found = []
        for hit in hits:
            if hit["_id"] in self.excluded or hit["_id"] in self.bodies:
                continue
            self.fetched[hit["_id"]] = hit["_source"]["stored"]["body"]
            found.append((hit["_id"], hit["_source"]["story"]))
        return found[:limit]

    def _text_of(self, article_id: str) -> str | None:
        return self.bodies.get(article_id) or self.fetched.get(article_id)


class Additions:
    """The documents an update adds, each article once: the same URL or text twice is one document, here or
    in what the live index keeps."""

    def __init__(self, backend: "OpenSearchBackend", index: str, stale: set[str], kept: set[str],
                 report: BuildReport, options: ReadOptions, first_order: int) -> None:
        self.backend = backend
        self.index = index
        self.stale = stale
        self.seen = set(kept)
        self.document_of_key: dict[str, str] = {}
        self.stories = LiveStories(backend, index, stale)
        self.touched_stories: set[str] = set()
        self.report = report
        self.options = options
        self.order = first_order

    def read_file(self, source: "Path", progress: Callable[[int], object] | None):
        """Yield bulk actions for one file's new articles; return the ids of the documents its articles are,
        and whether the file could not be read whole."""
        ids: dict[str, None] = {}
        reading = SourceReading(source, self.options, self.report, progress)
        for article in reading:
            document, action = self._add(article)
            ids[document] = None
            if action is not None:
                yield action
        return list(ids), not reading.whole

    def _add(self, article) -> tuple[str, dict[str, Any] | None]:
        key = content_key(article)
        existing = (article.id if article.id in self.seen else None) or self.document_of_key.get(key) \
            or self._indexed_elsewhere(key)
        if existing is not None:
            self.report.duplicates += 1
            return existing, None
        self.seen.add(article.id)
        self.document_of_key[key] = article.id
        story, prepared = self.stories.assign(article.id, article.body)
        self.touched_stories.add(story)
        document = opensearch_document(article, story, self.backend.facets, self.backend.stems, self.order,
                                       key=key, story_keys=key_strings(prepared.keys))
        self.order += 1
        document[STORY_FIRST] = 0 if document[EARLIEST] == UNDATED_LAST else document[EARLIEST]
        self.report.indexed += 1
        return article.id, {"_index": self.index, "_id": article.id, "_source": document}

    def _indexed_elsewhere(self, key: str) -> str | None:
        """The id of a live document of this text that the update keeps."""
        body = {"size": 2, "_source": False, "query": {"term": {"content_key": key}}}
        hits = self.backend.call(lambda c: c.search(index=self.index, body=body), read=True)["hits"]["hits"]
        return next((hit["_id"] for hit in hits if hit["_id"] not in self.stale), None)


def update_live(backend: "OpenSearchBackend", live: str, sources: list["Path"], report: BuildReport,
                say: Callable[[str], None], progress: Callable[[int], object] | None, options: ReadOptions) -> None:
    """Bring the live index `live` in line with `sources` (see the module's docstring)."""
    manifest_index = manifest_name(backend.alias, live)
    old = read_manifest(backend, manifest_index)
    plan = plan_update(sources, old, report)
    if not plan.changed and not plan.gone:
        if progress:
            progress(count_inputs(sources))
        return
    kept = plan.kept_manifest()
    stale = plan.stale_ids()
    additions = Additions(backend, live, stale, {i for entry in kept.values() for i in entry.get("ids", [])},
                          report, options, _next_order(backend, live))
    written: dict[str, dict] = {}

    def actions() -> Iterator[dict[str, Any]]:
        for key in sorted(plan.changed):
            ids, failed = yield from additions.read_file(plan.keys[key], progress)
            if not failed:
                written[key] = manifest_entry(plan.prints[key], ids)

    for failed in backend.bulk(actions()):
        report.indexed -= 1
        say(f"not indexed: {failed}")
    removed = sorted(stale - additions.seen)
    touched = additions.touched_stories | _stories_of(backend, live, removed)
    _delete(backend, live, removed)
    report.removed = len(removed)
    backend.call(lambda c: c.indices.refresh(index=live))
    refresh_story_firsts(backend, live, touched)
    write_manifest(backend, manifest_index, written, gone=sorted(set(old) - set(kept) - set(written)))


def _next_order(backend: "OpenSearchBackend", index: str) -> int:
    body = {"size": 0, "aggs": {"last": {"max": {"field": ORDER}}}}
    last = backend.call(lambda c: c.search(index=index, body=body), read=True)["aggregations"]["last"]["value"]
    return int(last or 0) + 1


def _stories_of(backend: "OpenSearchBackend", index: str, ids: list[str]) -> set[str]:
    stories: set[str] = set()
    for start in range(0, len(ids), SCAN_SIZE):
        batch = ids[start:start + SCAN_SIZE]
        body = {"size": len(batch), "_source": ["story"], "query": {"ids": {"values": batch}}}
        hits = backend.call(lambda c, body=body: c.search(index=index, body=body), read=True)["hits"]["hits"]
        stories.update(hit["_source"]["story"] for hit in hits)
    return stories


def _delete(backend: "OpenSearchBackend", index: str, ids: list[str]) -> None:
    actions = ({"_op_type": "delete", "_index": index, "_id": article_id} for article_id in ids)
    failed = [item for item in backend.bulk(actions) if item.get("status") != 404]
    if failed:
        raise_unwritten(backend, f"{len(failed)} articles could not be deleted: {failed[0]}")


def refresh_story_firsts(backend: "OpenSearchBackend", index: str, stories: set[str]) -> None:
    """Give every article of `stories` its story's earliest date, where it has another."""
    from opensearchpy import helpers

    ordered = sorted(stories)
    updates: list[dict[str, Any]] = []
    for start in range(0, len(ordered), STORY_BATCH):
        query = {"query": {"terms": {"story": ordered[start:start + STORY_BATCH]}},
                 "_source": ["story", EARLIEST, STORY_FIRST]}
        members = backend.call(lambda c, query=query: list(helpers.scan(c, index=index, size=SCAN_SIZE, query=query)))
        earliest: dict[str, int] = {}
        for hit in members:
            source = hit["_source"]
            earliest[source["story"]] = min(earliest.get(source["story"], UNDATED_LAST), source[EARLIEST])
        for hit in members:
            first = earliest[hit["_source"]["story"]]
            first = 0 if first == UNDATED_LAST else first
            if hit["_source"].get(STORY_FIRST) != first:
                updates.append({"_op_type": "update", "_index": index, "_id": hit["_id"], "doc": {STORY_FIRST: first}})
    failed = list(backend.bulk(updates))
    if failed:
        raise_unwritten(backend, f"{len(failed)} story dates could not be written: {failed[0]}")
    backend.call(lambda c: c.indices.refresh(index=index))
