"""Warta: full-text search over Indonesian regional news, with facets by official and agency."""

from .articles import Article
from .errors import BadQueryError, IndexMissingError, InputError, NotFoundError, WartaError
from .indexer import BuildReport, build_index
from .query import SearchRequest, SearchService, search

__all__ = [
    "Article", "BadQueryError", "BuildReport", "IndexMissingError", "InputError", "NotFoundError",
    "SearchRequest", "SearchService", "WartaError", "build_index", "search",
]
