"""The Whoosh schema: what a search needs to match, sort and filter, and what a result shows."""

from __future__ import annotations

from whoosh.analysis import RegexTokenizer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, NUMERIC, STORED, TEXT, Schema

from .analysis import SurfacePositions, surface_analyzer
from .facet_registry import FACETS, FacetRegistry
from .said import SaidPositions

# Field names, in one place: every module names fields through these.
ID_FIELD = "id"
TITLE = "title"  # stored only: what a hit shows
BODY = "body"  # stored only
TITLE_WORDS = "title_surface"  # the title's words as written, with positions
BODY_WORDS = "body_surface"
DATE_NUMBER = "date_num"  # yyyymmdd column
STORY_NUMBER = "story_num"
# The order the indexer read the article in (sources in path order, then their records in order; an update's
# articles after every one it keeps): dates and scores that tie go to the article read first. Document
# numbers do not keep that order (a fresh build's worker processes write their segments side by side, an
# update's merge moves small segments behind larger ones).
READ_ORDER = "read_order"
OFFICIAL = "official"  # the official and agency facets' fields, which query filters (`official:`) also name
AGENCY = "agency"
REGION = "region"  # the region facet's field: Kemendagri codes
# The fields words are searched in. Stems have no postings of their own: a stem matches every word of a
# surface field that has that stem (matching.StemTerm), which halves what indexing writes.
SURFACE_FIELDS = (TITLE_WORDS, BODY_WORDS)
FACET_SEPARATOR = "\n"  # facet values may hold commas ("Politik, Hukum, dan Keamanan")
NO_DATE = 0


def facet_field() -> TEXT:
    """A multi-valued field: each value, as written, is one term."""
    return TEXT(analyzer=RegexTokenizer(r"[^\n]+"), phrase=False, stored=False)


def said_field() -> TEXT:
    """Speakers and the words they said, with the positions that tie each word to its speaker (search/said.py)."""
    field = TEXT(analyzer=RegexTokenizer(r"[^\n]+"), phrase=True, stored=False)
    field.format = SaidPositions()
    return field


def surface_field(field_boost: float = 1.0) -> TEXT:
    """Words as written, with positions for phrases."""
    field = TEXT(analyzer=surface_analyzer(), field_boost=field_boost)
    field.format = SurfacePositions(field_boost=field_boost)
    return field


def build_schema(facets: FacetRegistry = FACETS) -> Schema:
    """The fields every index has, and one multi-valued field per declared facet."""
    return Schema(
        **{ID_FIELD: ID(stored=True, unique=True)},
        content_key=ID(),  # hash of the normalised text: the same article under two URLs is one document
        **{TITLE: STORED(), TITLE_WORDS: surface_field(field_boost=2.0), BODY: STORED(), BODY_WORDS: surface_field()},
        date=STORED(),
        # yyyymmdd, 0 when unknown. Date ranges are answered from this column (search/matching.py), so no
        # tiers of coarser terms are indexed for Whoosh's own range queries (seven postings per article fewer).
        date_num=NUMERIC(int, bits=32, signed=False, sortable=True, shift_step=0),
        url=STORED(),
        source=ID(stored=True),
        place=ID(stored=True),
        source_key=ID(),  # lower-cased, for source: filters
        place_key=ID(),  # lower-cased, for place: filters
        **{facet.index_field: facet_field() for facet in facets},
        officials=STORED(),  # [{"name", "role"}]
        agencies=STORED(),  # [{"name", "acronym"}]
        regions=STORED(),  # [{"code", "name", "level"}]
        said=said_field(),  # who is quoted, and each word they said (search/said.py)
        quotes=STORED(),  # [{"speaker", "text", "kind"}]
        story=ID(stored=True),  # the id of the story's first indexed article (search/stories.py)
        story_num=COLUMN(NumericColumn("q")),  # the story as a number, read as one array for collapsing
        read_order=COLUMN(NumericColumn("q")),  # READ_ORDER, read as one array for breaking ties
    )


def layout(schema: Schema) -> dict[str, tuple[str, str]]:
    """Each field's type and posting format: an index written with another layout cannot take new documents
    (a said field without positions, say) and is rebuilt rather than updated."""
    return {name: (type(field).__name__, type(field.format).__name__ if field.format else "")
            for name, field in schema.items()}


def date_number(iso_date: str | None) -> int:
    return int(iso_date.replace("-", "")) if iso_date else NO_DATE
