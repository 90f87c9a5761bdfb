"""The fixed query mix shared by the load and query benches: one request of each type, as API parameters."""

from __future__ import annotations

QUERY_TYPES = ("1-word", "2-word", "phrase", "acronym", "official", "agency", "empty+filter")


def query_mix(top_official: str, top_agency: str) -> dict[str, list[dict[str, str]]]:
    """Several queries per type; filters use the index's most frequent official and agency."""
    return {
        "1-word": [{"q": "presiden"}, {"q": "banjir"}, {"q": "korupsi"}, {"q": "pemerintah"}],
        "2-word": [{"q": "reformasi birokrasi"}, {"q": "pemerintah daerah"}, {"q": "harga beras"},
                   {"q": "banjir jakarta"}],
        "phrase": [{"q": '"komisi pemberantasan korupsi"'}, {"q": '"pemerintah daerah"'}, {"q": '"rumah sakit"'}],
        "acronym": [{"q": "kpk"}, {"q": "kemendagri"}, {"q": "bnpb"}, {"q": "pemprov jatim"}],
        "official": [{"q": "rapat", "official": top_official}, {"q": "", "official": top_official}],
        "agency": [{"q": "anggaran", "agency": top_agency}, {"q": "menteri", "agency": top_agency}],
        "empty+filter": [{"q": "", "agency": top_agency}, {"q": "", "official": top_official}],
    }
