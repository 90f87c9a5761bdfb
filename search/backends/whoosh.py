"""The embedded backend: a Whoosh index directory (search/indexer.py builds it, search/query.py searches it)."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Callable, Iterable

from ..facet_registry import FACETS, FacetRegistry
from ..generations import CURRENT
from ..loaders import DEFAULT_OPTIONS, ReadOptions
from ..query import SearchService
from ..resultcache import RESULT_CACHE_BYTES


class WhooshBackend(SearchService):
    """SearchService (searching), with reindexing into the same directory."""

    def __init__(self, index_root: str | os.PathLike, facets: FacetRegistry = FACETS,
                 result_cache_bytes: int = RESULT_CACHE_BYTES, warm: bool = True) -> None:
        super().__init__(index_root, facets, result_cache_bytes=result_cache_bytes, warm=warm)

    def reindex(self, paths: Iterable[str | os.PathLike], progress: Callable[[int], object] | None = None,
                full: bool = False, notice: Callable[[str], None] | None = None,
                options: ReadOptions = DEFAULT_OPTIONS):
        from ..indexer import build_index

        return build_index(paths, self.index_root, progress=progress, full=full, notice=notice, options=options,
                           facets=self.facets)

    def published_at(self) -> datetime:
        try:
            stamp = (self.index_root / CURRENT).stat().st_mtime
        except OSError:
            stamp = 0
        return datetime.fromtimestamp(int(stamp), tz=timezone.utc)
