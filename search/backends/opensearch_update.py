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
- the stories that gained or lost an article get their earliest date (`story_first`) again;
- the index's version is stamped before the first write and after the last (OpenSearchBackend.stamp_update), so
  a server searching it drops what it remembers of the index (document frequencies) and its ETags change.
The manifest is written last: an update cut off half-way is redone whole by the next one.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import numpy as np

from ..indexer import (BuildReport, SourceReading, Walked, another_text_warning, content_key, entry_ids,
                       manifest_entry, plan_update, tell_planned)
from ..loaders import ReadOptions
from ..stories import Prepared, StoryIndex
from .opensearch import (EARLIEST, ORDER, ORIGIN, STORY_FIRST, STORY_KEYS, UNDATED_LAST, opensearch_document)

if TYPE_CHECKING:
    from pathlib import Path

    from .opensearch import OpenSearchBackend

STORED_ONLY = {"type": "keyword", "index": False, "doc_values": False}
# a manifest entry as indexer.manifest_entry writes it: read_as and found_as are the Fingerprint's (the column
# mapping a file was read with, the path a link led to it by), errors its inputs rejected as errors
MANIFEST_PROPERTIES = {"path": {"type": "keyword"}, "size": {"type": "long"}, "mtime_ns": {"type": "long"},
                       "ctime_ns": {"type": "long"}, "sha1": {"type": "keyword"}, "ids": STORED_ONLY,
                       "read_as": STORED_ONLY, "errors": {"type": "long"}, "found_as": STORED_ONLY}
ADDED_MANIFEST_FIELDS = ("read_as", "errors", "found_as")  # absent from manifests created before them
STORY_BATCH = 500  # stories whose earliest date is looked up in one request
SCAN_SIZE = 1_000
LOOKUP_BATCH = 50  # new articles whose same-text documents and story candidates are asked in one msearch


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
    added = {field for entry in entries.values() for field in ADDED_MANIFEST_FIELDS if field in entry}
    if added:  # a manifest index created before these fields: its mapping is strict
        properties = {field: MANIFEST_PROPERTIES[field] for field in added}
        backend.call(lambda c: c.indices.put_mapping(index=name, body={"properties": properties}))
    failed = [item for item in backend.bulk(actions) if item.status != 404]
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
        self.found: dict[str, list[dict[str, Any]]] = {}  # per article of the batch: live hits sharing a band
        self.fetched: dict[str, str] = {}  # the last candidates' bodies, read with them

    def candidate_search(self, prepared: Prepared) -> dict[str, Any]:
        """Live documents sharing a band with an article, those sharing the most first."""
        should = [{"constant_score": {"filter": {"term": {STORY_KEYS: key}}}} for key in key_strings(prepared.keys)]
        return {"size": 2 * self.run.config.max_candidates, "_source": ["story", "stored.body"],
                "query": {"bool": {"should": should, "minimum_should_match": 1}}}

    def assign(self, article_id: str, body: str, prepared: Prepared) -> str:
        """The article's story, its live candidates taken from `found` (Additions.look_up)."""
        self.bodies[article_id] = body
        return self.run.assign(article_id, body, self._text_of, prepared,
                               elsewhere=lambda _: self._candidates(article_id))

    def _candidates(self, article_id: str) -> list[tuple[str, str]]:
        self.fetched = {}
        found = []
        for hit in self.found.pop(article_id, []):
            if hit["_id"] in self.excluded or hit["_id"] in self.bodies:
                continue
            self.fetched[hit["_id"]] = hit["_source"]["stored"]["body"]
            found.append((hit["_id"], hit["_source"]["story"]))
        return found[:self.run.config.max_candidates]

    def _text_of(self, article_id: str) -> str | None:
        return self.bodies.get(article_id) or self.fetched.get(article_id)


class Additions:
    """The documents an update adds, each article once: the same URL or text twice is one document, here or
    in what the live index keeps. Articles are read in batches of LOOKUP_BATCH, and what the live index
    holds of a batch (documents of the same text, story candidates) is asked in one request."""

    def __init__(self, backend: "OpenSearchBackend", index: str, stale: set[str], kept: set[str],
                 report: BuildReport, options: ReadOptions, first_order: int) -> None:
        self.backend = backend
        self.index = index
        self.stale = stale
        self.seen = set(kept)
        self.document_of_key: dict[str, str] = {}
        self.live_of_key: dict[str, list[str]] = {}  # the batch's content keys: live documents of that text
        self.prepared: dict[str, Prepared] = {}  # the batch's articles, MinHashed
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
        for batch in _batches(reading, LOOKUP_BATCH):
            self.look_up(batch)
            for article in batch:
                document, action = self._add(article)
                ids[document] = None
                if action is not None:
                    yield action
        return list(ids), not reading.whole

    def look_up(self, batch: list) -> None:
        """One msearch: the live documents holding the batch's texts, and each article's story candidates."""
        keys = sorted({content_key(article) for article in batch})
        self.prepared = {article.id: self.stories.run.prepare(article.body) for article in batch}
        asked = [article_id for article_id, prepared in self.prepared.items() if len(prepared.keys)]
        searches: list[dict[str, Any]] = [{"index": self.index}, {
            "size": 2 * len(keys), "_source": ["content_key"], "query": {"terms": {"content_key": keys}}}]
        for article_id in asked:
            searches += [{"index": self.index}, self.stories.candidate_search(self.prepared[article_id])]
        answers = self.backend.call(lambda c: c.msearch(body=searches), read=True)["responses"]
        failed = next((answer["error"] for answer in answers if "error" in answer), None)
        if failed is not None:
            raise_unwritten(self.backend, f"the live index could not be searched for an update: {failed}")
        self.live_of_key = {}
        for hit in answers[0]["hits"]["hits"]:
            self.live_of_key.setdefault(hit["_source"]["content_key"], []).append(hit["_id"])
        self.stories.found = {article_id: answer["hits"]["hits"] for article_id, answer in zip(asked, answers[1:])}

    def _add(self, article) -> tuple[str, dict[str, Any] | None]:
        key = content_key(article)
        existing = (article.id if article.id in self.seen else None) or self.document_of_key.get(key) \
            or self._indexed_elsewhere(key, besides=article.id)
        if existing is not None:
            self.report.duplicates += 1
            if existing == article.id and article.id not in (self.document_of_key.get(key),
                                                             self._indexed_elsewhere(key)):  # its URL's, another text
                self.report.warnings.add(another_text_warning(article))
            return existing, None
        self.seen.add(article.id)
        self.document_of_key[key] = article.id
        prepared = self.prepared[article.id]
        story = self.stories.assign(article.id, article.body, prepared)
        self.touched_stories.add(story)
        document = opensearch_document(article, story, self.backend.facets, self.backend.stems, self.order,
                                       key=key, story_keys=key_strings(prepared.keys))
        self.order += 1
        document[STORY_FIRST] = 0 if document[EARLIEST] == UNDATED_LAST else document[EARLIEST]
        self.report.indexed += 1
        return article.id, {"_index": self.index, "_id": article.id, "_source": document, ORIGIN: article.origin}

    def _indexed_elsewhere(self, key: str, besides: str | None = None) -> str | None:
        """The id of a live document of this text that the update keeps, other than `besides`: a live document
        of the article's own id that no kept file gives (not in `seen`) is what an update killed before its
        manifest wrote, which this one writes again, not a duplicate of it (trial 64: a rerun after a node killed
        mid-update counted its 500 earlier writes as 500 duplicates)."""
        return next((found for found in self.live_of_key.get(key, []) if found not in self.stale and found != besides),
                    None)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def update_live(backend: "OpenSearchBackend", live: str, sources: list["Path"], report: BuildReport,
                say: Callable[[str], None], progress: Callable[[int], object] | None, options: ReadOptions,
                walked: Walked = Walked()) -> None:
    """Bring the live index `live` in line with `sources` (see the module's docstring), planned as the Whoosh
    indexer plans (plan_update: what the walk could not list or did not cover keeps what it gave)."""
    manifest_index = manifest_name(backend.alias, live)
    old = read_manifest(backend, manifest_index)
    # no `appends`: a JSON Lines file that grew is read again whole here (its manifest entries record no Tail),
    # which gives the documents the Whoosh indexer's read of its new lines alone gives
    plan = plan_update(sources, old, report, walked, options.reading_key())
    if not plan.changed and not plan.gone:
        tell_planned(progress, 0)
        return
    tell_planned(progress, plan.inputs() if progress is not None else 0)
    backend.stamp_update(live)  # readers forget what they remember of the index, now and when it is written
    kept = plan.kept_manifest()
    stale = plan.stale_ids()
    additions = Additions(backend, live, stale, {i for entry in kept.values() for i in entry_ids(entry)},
                          report, options, _next_order(backend, live))
    written: dict[str, dict] = {}

    def actions() -> Iterator[dict[str, Any]]:
        for key in sorted(plan.changed):
            ids, failed = yield from additions.read_file(plan.keys[key], progress)
            if not failed:
                written[key] = manifest_entry(plan.prints[key], ids,
                                              report.errors.count_in(str(plan.keys[key])))

    for failed in backend.bulk(actions()):
        report.indexed -= 1
        report.errors.append(failed.rejection())
    removed = sorted(stale - additions.seen)
    touched = additions.touched_stories | _stories_of(backend, live, removed)
    _delete(backend, live, removed)
    report.removed = len(removed)
    backend.call(lambda c: c.indices.refresh(index=live))
    refresh_story_firsts(backend, live, touched)
    backend.stamp_update(live)
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
    failed = [item for item in backend.bulk(actions) if item.status != 404]
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
