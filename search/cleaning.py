"""Cleaning of article text: scraping debris and link lines that are not part of the story.

Applied to bodies from every source (HTML pages and JSON Lines alike).
"""

from __future__ import annotations

import re

from .articles import normalise_space

JUNK_LINE = re.compile(
    r"^[\[(]?\s*(?:"
    r"baca(?:\s+(?:juga|pula|selengkapnya))?\s*:.*"  # Baca juga: …  Baca: …
    r"|baca\s+juga\b.*"
    r"|(?:lihat|simak|tonton|saksikan)\s+(?:juga|video)\b.*"
    r"|advertisement|iklan"
    r"|scroll\s+to\s+continue\s+with\s+content"
    r"|(?:dapatkan|ikuti)\s+(?:update|berita|informasi)\b.*\b(?:setiap hari|whatsapp|telegram|google news)\b"
    r"|(?:ikuti|follow)\s+(?:kami|akun|berita)\b.*\b(?:di|on)\b.*$"
    r"|(?:berlangganan|subscribe|daftar)\b.*\bnewsletter\b"
    r"|\d+\s+komentar"
    r"|(?:editor|penulis|pewarta|reporter|fotografer)\s*:\s*\S.{0,60}"
    r"|copyright\b.*|©.*"
    r")$",
    re.IGNORECASE,
)
INLINE_DEBRIS = re.compile(r"ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT")  # the spaces around collapse later


def is_junk_line(line: str) -> bool:
    return bool(JUNK_LINE.match(line.strip()))


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without debris: link lines, ad markers, newsletter prompts; inline ad markers removed."""
    cleaned = []
    for paragraph in paragraphs:
        text = normalise_space(INLINE_DEBRIS.sub(" ", paragraph))
        if text and not is_junk_line(text):
            cleaned.append(text)
    return cleaned


def clean_body(text: str) -> str:
    """A body with one paragraph per blank-line-separated block, debris removed."""
    return "\n\n".join(clean_paragraphs(re.split(r"\n\s*\n|\n", text)))
