"""Encoding errors with byte offsets; mojibake found, honest text left alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from coop_translations.encoding import decode, find_mojibake

# Honest text in many languages, with the typography that resembles mojibake most.
HONEST = [
    "Det har jag lärt mig på Åland: »Åben« 10\u00a0år, 5\u00a0°C, ±2\u00a0µm, ½ kopp.",
    "Pääsy hääyöhön, öljyä ja jäätelöä; Ääni.",
    "Zażółć gęślą jaźń — „cytat” i «inny» ‹mały›… Łódź, Śląsk, Żabka.",
    "Това е урок за тензори – „числа“ и градиенти.",
    "张量是一个数组。自动求导——非常有用！「引用」",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Tiếng Việt có dấu: ơ ư ế ộ ữ.",
    "Ελληνικά: τανυστής, βαθμίδα.",
    "Árvíztűrő tükörfúrógép. Ğüşıöç İstanbul.",
    "¿Qué tal? ¡Muy bien! São Paulo, Bucureşti, Þórður.",
    "テンソルは配列です。한국어 텐서. العربية עברית हिन्दी ไทย 😀 👍🏽",
    "© 2025 ® ™ § ¶ † ‡ • ‰ € £ ¥ ¢ ¬ ¦ ª º ¹ ² ³ ¼ ¾ × ÷ ¿ ¡",
    "Ça, Été, Ôle, Îles, Ñandú, Øre, Æble, Œuvre, ÿ, ß.",
    "Ä€, Ã©, â€¢ are examples that only a garbled file contains.".replace("Ä€, Ã©, â€¢", "-"),
]


@pytest.mark.parametrize("text", HONEST)
def test_honest_text_is_not_mojibake(text):
    assert find_mojibake(text.encode("utf-8")) is None


@pytest.mark.parametrize("text", [t for t in HONEST if not t.isascii()])
@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "mac_roman"])
def test_garbled_text_is_mojibake(text, codec):
    garbled = text.encode("utf-8").decode(codec, errors="ignore")
    if garbled == text:
        return
    found = find_mojibake(garbled.encode("utf-8"))
    assert found is not None, (codec, garbled)
    assert found.repaired in text


def test_mojibake_offset_is_in_bytes_and_first():
    data = "ok ä, sedan lÃ¤rt och Ã¶ver".encode("utf-8")
    found = find_mojibake(data)
    assert (found.garbled, found.repaired) == ("Ã¤", "ä")
    assert data[found.offset:].startswith("Ã¤".encode())


def test_mojibake_the_source_also_has_is_skipped_but_later_ones_are_not():
    source = "Example of garbling: lÃ¤rt".encode("utf-8")
    data = "Exempel: lÃ¤rt. Men hÃ¶r här.".encode("utf-8")
    assert find_mojibake(data, source).garbled == "Ã¶"


def test_valid_utf8_decodes():
    text, error = decode("Tensorer på svenska".encode("utf-8"))
    assert (text, error) == ("Tensorer på svenska", None)


def test_invalid_utf8_gives_offset_and_a_guess():
    data = "Tensorer på".encode("cp1252")
    text, (what, offset) = decode(data)
    assert text is None and offset == data.index(b"\xe5")
    assert f"byte {offset}" in what and "'å'" in what


@pytest.mark.parametrize("text, garbled, meant", [
    ("Tåg: å" + "€".encode().decode("cp1252") + " 10", "â‚¬", "€"),
    ("på" + "這".encode().decode("cp1252") + " ord", "é€™", "這"),
])
def test_mojibake_right_after_an_honest_accented_letter_is_found(text, garbled, meant):
    # An honest letter that reads as a lead image, then a garble whose first character
    # reads as a continuation image: the pair must not hide the garble after it.
    found = find_mojibake(text.encode("utf-8"))
    assert (found.garbled, found.repaired) == (garbled, meant)


# --- the prefilter (_may_garble) never hides what the patterns find -------------------

import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from coop_translations import encoding  # noqa: E402

# Letters of many scripts, Mac Roman's and Windows-1252's lead and continuation images
# (pi and Omega among them), and garbles through several code pages.
_PIECES = (list("aé ÄÃÂâ€™¬√ƒ≈∆«»…ÀÕŒœ–—“”÷◊ÿŸ⁄‹›ﬁﬂ‡·‚„‰ÊÁËÈÍÎÏÌÓÔÒÚÛÙıπΩΆΈαβγρσςЂЃіїЏабвгдяñłśż中😀")
           + ["Ã¤", "â€™", "Ð—Ð´", "Ï€", "ÎŸ", "Ã©Ã¨", "Ä\x81", "\u00ad"]
           + ["å".encode().decode(c) for c in ("cp1253", "cp1251", "cp1250", "cp437", "mac_roman")]
           + [c.encode().decode(codec, "replace") for c in "中€ж這ア" for codec in ("cp1252", "mac_roman")])


def _unfiltered(data: bytes, every_length: bool):
    """_scan without its shortcuts: every pattern over the whole text."""
    candidates, lines = [], set()
    for gate, source in encoding._scanners():
        line_end = -1
        for match in re.compile(source).finditer(data):
            start = match.start()
            if match.group("single") is not None:
                candidates.extend(encoding._exact(data, start, every_length))
            elif start > line_end:
                lines.add(data.rfind(b"\n", 0, start) + 1)
                line_end = data.find(b"\n", match.end())
                line_end = len(data) if line_end < 0 else line_end
    return sorted(candidates, key=lambda c: c[0]), sorted(lines)


# Text whose only way to a match is pi or Omega after one of the three Mac Roman lead
# images that the memchr test does not see (the ligatures and the Apple logo).
_GREEK_PIECES = list("a .αβγρσςπΩΆЂяﬁﬂ\uf8ff中") + ["ﬁπﬁπ", "ﬂΩﬂΩ", "\uf8ffπ\uf8ffΩ"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30) | st.lists(st.sampled_from(_GREEK_PIECES),
                                                                   max_size=12),
       st.booleans(), st.binary(max_size=6))
def test_the_shortcuts_never_hide_a_match(pieces, every_length, noise):
    """The prefilter (_may_garble) and the windows (_windows) find what the patterns
    find over the whole text, at the same offsets."""
    data = "".join(pieces).encode("utf-8")
    for text in (data, noise + data + noise, data.replace(b" ", b"\n")):   # sources need not be UTF-8
        expected = _unfiltered(text, every_length)
        assert encoding._scan(text, every_length) == expected
        # Said to be dense (scanned whole) or sparse (by runs): the same either way.
        assert encoding._scan(text, every_length, chars=0) == expected
        assert encoding._scan(text, every_length, chars=len(text)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_lean_patterns_match_as_the_full_ones(pieces):
    """Without their lookahead (which every branch implies) the patterns match alike."""
    data = "".join(pieces).encode("utf-8")
    for (gate, full), (_gate, lean) in zip(encoding._scanners(), encoding._lean_scanners()):
        found = [(m.span(), m.group("single")) for m in re.compile(full).finditer(data)]
        assert found == [(m.span(), m.group("single")) for m in re.compile(lean).finditer(data)]


def test_the_shortcuts_never_hide_a_match_between_ascii_words():
    for first in _PIECES + _GREEK_PIECES:
        for second in _PIECES + _GREEK_PIECES:
            text = f"a {first}{second} b".encode("utf-8")
            assert encoding._scan(text) == _unfiltered(text, False), text


def test_many_runs_are_scanned_whole():
    text = "Ð—Ð´ ".encode() * 400 + "ok lÃ¤rt".encode()
    assert encoding._windows(text) is None
    assert encoding._scan(text) == _unfiltered(text, False)


# --- the written-out tables (encoding_tables.py) ------------------------------------------

def test_the_written_tables_are_what_the_code_pages_give():
    """encoding_tables.py holds what encoding.derive_tables derives, and the detector
    runs on those values (a code page or a pattern changed without rewriting the file
    fails here)."""
    from coop_translations import encoding_tables

    written = Path(encoding.__file__).with_name(encoding.TABLES).read_text(encoding="utf-8")
    assert written == encoding.tables_source(), "run: python -m coop_translations.write_tables"
    derived = encoding.derive_tables()
    assert sorted(derived) == sorted(encoding._TABLE_NAMES)
    assert encoding._TABLES is vars(encoding_tables) and all(
        encoding._TABLES[name] == derived[name] for name in encoding._TABLE_NAMES)
    assert encoding._LEAN_SCANNERS == encoding._lean_scanners()


def test_write_tables_rewrites_a_stale_file_and_check_says_so(tmp_path, capsys):
    path = tmp_path / encoding.TABLES
    path.write_text("STALE = 1\n", encoding="utf-8")
    assert encoding.tables_main(["--check"], str(path)) == 1
    assert "stale" in capsys.readouterr().out and path.read_text() == "STALE = 1\n"
    assert encoding.tables_main([], str(path)) == 0
    assert path.read_text(encoding="utf-8") == encoding.tables_source()
    assert encoding.tables_main(["--check"], str(path)) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [encoding.TABLES]     # no temp file left
    path.unlink()
    assert encoding.tables_main([], str(path)) == 0 and path.exists()
    assert encoding.tables_main(["--write"], str(path)) == 2
