"""Where articles are indexed and searched: one protocol, two engines.

`whoosh` (the embedded default) is the index directory `warta reindex` builds and `SearchService` searches;
`opensearch` is an OpenSearch cluster that receives the same pre-analysed documents (search/backends/
opensearch.py). Extraction, analysis, the query language, the result dict, the page, the API and the CLI are
the same whichever backend holds the articles.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..errors import BadQueryError
from ..facet_registry import FACETS, FacetRegistry
from ..loaders import DEFAULT_OPTIONS, ReadOptions

BACKEND_NAMES = ("whoosh", "opensearch")
DEFAULT_OPENSEARCH_URL = "http://127.0.0.1:9250"


class Backend(Protocol):
    """What the page, the API and the CLI need from wherever the articles are."""

    facets: FacetRegistry

    @property
    def version(self) -> str:
        """Names the index generation being searched (ETags); empty when there is none."""

    def published_at(self) -> datetime:
        """When the generation being searched was published."""

    def reindex(self, paths: Iterable[str | os.PathLike], progress: Callable[[int], object] | None = None,
                full: bool = False, notice: Callable[[str], None] | None = None,
                options: ReadOptions = DEFAULT_OPTIONS):
        """Add, replace and delete articles so the index holds what `paths` hold, then swap the new generation
        in; returns an indexer.BuildReport."""

    def resolved(self, request):
        """The SearchRequest with every facet's selection as the index holds it."""

    def search(self, request) -> dict[str, Any]:
        """The result dict of a SearchRequest (search/results.py)."""

    def facet_values(self, facet: str, request, prefix: str = "", size: int = 20) -> dict[str, Any]:
        """Values of one facet with a word starting with `prefix`, counted under a search."""

    def article(self, article_id: str) -> dict[str, Any]:
        """One article with its story's other versions."""

    def export(self, request, limit: int) -> Iterator[dict[str, Any]]:
        """Every hit of a search as export rows, in order, at most `limit`."""

    def close(self) -> None:
        """Release files, threads and connections."""


@dataclass(frozen=True)
class BackendSettings:
    """Which backend, and where it keeps the articles."""

    name: str = "whoosh"
    index: str = "index"  # the Whoosh index directory
    opensearch_url: str = DEFAULT_OPENSEARCH_URL  # one URL or several, comma-separated (other nodes of a cluster)
    opensearch_alias: str = "warta"  # the alias searched; reindex writes `<alias>.g<time>` indices behind it
    shards: int = 1  # of a new OpenSearch index
    replicas: int = 0
    result_cache_mb: int = 32  # Whoosh: results kept per generation and per process (search/resultcache.py)
    warm: bool = True  # Whoosh: read ahead, on opening, what a server's first searches read; not for one search

    @classmethod
    def from_environment(cls, index: str | None = None, name: str | None = None, url: str | None = None,
                         shards: int | None = None, replicas: int | None = None, result_cache_mb: int | None = None):
        """Settings from arguments, else WARTA_BACKEND, WARTA_INDEX, WARTA_OPENSEARCH_URL,
        WARTA_OPENSEARCH_ALIAS, WARTA_OPENSEARCH_SHARDS, WARTA_OPENSEARCH_REPLICAS and WARTA_RESULT_CACHE_MB."""
        environ = os.environ
        return cls(name or environ.get("WARTA_BACKEND") or "whoosh",
                   index or environ.get("WARTA_INDEX") or "index",
                   url or environ.get("WARTA_OPENSEARCH_URL") or DEFAULT_OPENSEARCH_URL,
                   environ.get("WARTA_OPENSEARCH_ALIAS") or "warta",
                   shards if shards is not None else int(environ.get("WARTA_OPENSEARCH_SHARDS") or 1),
                   replicas if replicas is not None else int(environ.get("WARTA_OPENSEARCH_REPLICAS") or 0),
                   result_cache_mb if result_cache_mb is not None
                   else _whole_number("WARTA_RESULT_CACHE_MB", environ.get("WARTA_RESULT_CACHE_MB") or "32"))


def open_backend(settings: BackendSettings, facets: FacetRegistry = FACETS) -> Backend:
    """The backend the settings name, ready to search (and to reindex)."""
    if settings.name == "whoosh":
        from .whoosh import WhooshBackend

        return WhooshBackend(settings.index, facets, settings.result_cache_mb * 1024 * 1024, settings.warm)
    if settings.name == "opensearch":
        from .opensearch import OpenSearchBackend

        return OpenSearchBackend(settings.opensearch_url, facets, settings.shards, settings.replicas,
                                 settings.opensearch_alias)
    raise BadQueryError(f"backend must be one of: {', '.join(BACKEND_NAMES)}", "bad_backend")


def _whole_number(name: str, text: str) -> int:
    """A setting that must be a whole number from 0, or a BadQueryError naming it."""
    if not text.strip().isdigit():
        raise BadQueryError(f"{name} must be a whole number from 0, not {text!r}", "bad_setting")
    return int(text)
