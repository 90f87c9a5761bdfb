"""Warta: full-text search over Indonesian regional news, with facets by official and agency.

The names below are imported on first use: `warta reindex` never needs the query side (numpy) and a search
never needs the indexer, and a command's start-up time is part of how soon a new article is searchable.
"""

from importlib import import_module

_EXPORTS = {
    "Article": "articles", "BadQueryError": "errors", "IndexMissingError": "errors", "InputError": "errors",
    "NotFoundError": "errors", "WartaError": "errors", "BuildReport": "indexer", "build_index": "indexer",
    "SearchRequest": "query", "SearchService": "query", "search": "query",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'search' has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
