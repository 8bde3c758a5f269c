"""Reading reports: each format, each kind of bad input, order, folders, encodings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollwatch.errors import InputError
from tollwatch.read import ReadResult, parse_published, read_paths, read_results, read_stdin
from tollwatch.read.decode import decode_bytes, html_to_text
from tollwatch.records import Rejection, Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def read_all(*paths: Path, published: date | None = None) -> list[ReadResult]:
    return list(read_results(paths, published=published))


def only_report(results: list[ReadResult]) -> Report:
    assert len(results) == 1
    item = results[0].item
    assert isinstance(item, Report), item
    return item


def only_rejection(results: list[ReadResult]) -> Rejection:
    assert len(results) == 1
    item = results[0].item
    assert isinstance(item, Rejection), item
    return item


# --- formats -----------------------------------------------------------------------


def test_jsonl_fields_order_and_extras(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "reports.jsonl", [
        {"id": "r-1", "text": "Five were killed.", "published": "2019-04-13", "title": "T",
         "url": "https://example.org/1", "outlet": "Example", "category": "kept-and-ignored"},
        {"id": 7, "text": "Second report."},
    ])
    items = [r.item for r in read_all(path)]
    assert items == [
        Report(id="r-1", text="Five were killed.", published=date(2019, 4, 13), title="T",
               url="https://example.org/1", outlet="Example", origin=f"{path}:1",
               key=f"{path.as_uri()}#r-1"),
        Report(id="7", text="Second report.", origin=f"{path}:2", key=f"{path.as_uri()}#7"),
    ]


def test_jsonl_blank_lines_are_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('\n{"id": "a", "text": "x"}\n\n   \n{"id": "b", "text": "y"}\n', "utf-8")
    items = [r.item for r in read_all(path)]
    assert [(i.id, i.origin) for i in items] == [("a", f"{path}:2"), ("b", f"{path}:5")]


def test_jsonl_text_with_unicode_line_separator_stays_one_record(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "text": "one\u2028two"}\n', encoding="utf-8")
    assert only_report(read_all(path)).text == "one\u2028two"


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "text": "One."}, {"text": "no id"}, 5], indent=2),
                    encoding="utf-8")
    items = [r.item for r in read_all(path)]
    assert [i.id for i in items] == ["a", "batch.json[2]", "batch.json[3]"]
    assert isinstance(items[1], Rejection) and 'item 2 of batch.json has no "id"' in items[1].error
    assert isinstance(items[2], Rejection) and "item 3 of batch.json is a JSON number" in (
        items[2].error)


def test_pretty_printed_json_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "solo", "text": "One."}, indent=2), encoding="utf-8")
    assert only_report(read_all(path)).id == "solo"


def test_empty_text_record_is_read_with_a_warning(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [{"id": "a", "text": " "}])
    results = read_all(path)
    assert only_report(results).text == " "
    assert 'line 1 of r.jsonl: "text" is empty' in results[0].warnings[0]


@pytest.mark.parametrize(
    ("record", "cli_date", "expected", "warned"),
    [
        pytest.param({"published": "2019-04-13T10:30:00Z"}, None, date(2019, 4, 13), False,
                     id="datetime"),
        pytest.param({}, date(2020, 1, 2), date(2020, 1, 2), False, id="missing-uses-cli"),
        pytest.param({"published": None}, None, None, False, id="null"),
        pytest.param({"published": "last week"}, None, None, True, id="bad"),
        pytest.param({"published": "13/04/2019"}, date(2020, 1, 2), date(2020, 1, 2), True,
                     id="bad-uses-cli"),
    ],
)
def test_jsonl_published(
    tmp_path: Path, record: dict[str, object], cli_date: date | None, expected: date | None,
    warned: bool,
) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [{"id": "a", "text": "x", **record}])
    results = read_all(path, published=cli_date)
    assert only_report(results).published == expected
    assert bool(results[0].warnings) is warned
    if warned:
        assert "line 1 of r.jsonl" in results[0].warnings[0]
        assert "YYYY-MM-DD" in results[0].warnings[0]


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "kabul.txt"
    path.write_text("Blast in Kabul\nA bomb killed four people.\n", encoding="utf-8")
    report = only_report(read_all(path, published=date(2021, 5, 1)))
    assert report == Report(id="kabul.txt", text="Blast in Kabul\nA bomb killed four people.\n",
                            published=date(2021, 5, 1), origin=str(path), key=path.as_uri())


HTML = """<!DOCTYPE html><html><head><title>Raid in Gao | Example</title>
<meta property="article:published_time" content="2023-08-21"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Raid in Gao leaves 12 dead</h1>
<p>Armed men attacked a village near Gao on Sunday, killing 12 civilians and burning homes,
local officials said on Monday.</p>
<p>Witnesses said the attackers came at dawn on motorbikes and shot people who tried to flee
toward the river. Several people were still missing on Monday evening.</p>
</article><footer>Copyright 2023 Example. All rights reserved.</footer></body></html>"""


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "gao.html"
    path.write_text(HTML, encoding="utf-8")
    report = only_report(read_all(path))
    assert report.id == "gao.html"
    assert report.text.startswith("Raid in Gao leaves 12 dead\n")
    assert "killing 12 civilians" in report.text
    assert "Home" not in report.text and "Copyright" not in report.text
    assert report.published == date(2023, 8, 21)
    given = only_report(read_all(path, published=date(2023, 8, 22)))
    assert given.published == date(2023, 8, 22), "--published wins over the page's own date"


def test_html_fragment_to_text() -> None:
    page = html_to_text("<p>Seven &amp; more were <b>killed</b>.</p><script>x()</script><p>End",
                        main_text=False)
    assert page.text == "Seven & more were killed.\nEnd"


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Clashes leave 7 dead</title><link>https://example.org/a</link><guid>feed-a</guid>
<pubDate>Wed, 10 May 2023 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Seven people were killed on Tuesday in clashes.&lt;/p&gt;</description></item>
<item><title>Festival draws crowds</title><link>https://example.org/b</link>
<description>More than 20,000 people came.</description></item>
</channel></rss>"""


def test_rss_entries_are_reports(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    items = [r.item for r in read_all(path, published=date(2023, 5, 11))]
    assert all(isinstance(i, Report) for i in items)
    first, second = items
    assert isinstance(first, Report) and isinstance(second, Report)
    assert (first.id, first.published, first.outlet, first.url) == (
        "feed-a", date(2023, 5, 10), "Example Wire", "https://example.org/a")
    assert first.text == "Clashes leave 7 dead\n\nSeven people were killed on Tuesday in clashes."
    assert second.id == "https://example.org/b"
    assert second.published == date(2023, 5, 11), "an entry without a date takes --published"


def test_atom_feed_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        "<entry><id>atom-1</id><title>Shelling kills 3</title><updated>2022-03-01T00:00:00Z"
        "</updated><summary>Three died in shelling.</summary></entry></feed>", encoding="utf-8")
    report = only_report(read_all(path))
    assert (report.id, report.published) == ("atom-1", date(2022, 3, 1))
    assert "Three died in shelling." in report.text


def test_examples_folder_reads_every_format() -> None:
    items = [r.item for r in read_all(EXAMPLES)]
    assert all(isinstance(i, Report) for i in items)
    ids = [i.id for i in items]
    assert ids[:2] == ["article.html", "article.txt"]
    assert len(ids) == len(set(ids)) >= 12


# --- folders and order --------------------------------------------------------------


def test_folders_are_sorted_recursive_and_skip_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ["z.txt", "b/y.txt", "a/deep/x.txt", "a/w.txt", ".hidden/v.txt", ".u.txt"]:
        (tmp_path / rel).write_text(f"Text of {rel}.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "MANIFEST.json").write_text('{"files": 3}', encoding="utf-8")
    write_jsonl(tmp_path / "m.jsonl", [{"id": "m1", "text": "x"}, {"id": "m2", "text": "y"}])
    ids = [r.item.id for r in read_all(tmp_path)]
    assert ids == ["a/deep/x.txt", "a/w.txt", "b/y.txt", "m1", "m2", "z.txt"]


def test_paths_keep_the_order_given(tmp_path: Path) -> None:
    first = tmp_path / "zz.txt"
    second = tmp_path / "aa.txt"
    first.write_text("One.", encoding="utf-8")
    second.write_text("Two.", encoding="utf-8")
    assert [r.id for r in read_paths([first, second])] == ["zz.txt", "aa.txt"]


# --- bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rejected_id", "message"),
    [
        pytest.param("{not json", "reports.jsonl:2", "line 2 of reports.jsonl is not JSON",
                     id="not-json"),
        pytest.param('["a", "b"]', "reports.jsonl:2", "line 2 of reports.jsonl is a JSON list",
                     id="array"),
        pytest.param('{"text": "x"}', "reports.jsonl:2", 'line 2 of reports.jsonl has no "id"',
                     id="no-id"),
        pytest.param('{"id": "", "text": "x"}', "reports.jsonl:2", '"id" must be', id="empty-id"),
        pytest.param('{"id": "r9"}', "r9", 'line 2 of reports.jsonl has no "text"', id="no-text"),
        pytest.param('{"id": "r9", "text": 5}', "r9", '"text" must be a string', id="text-number"),
    ],
)
def test_bad_jsonl_lines_are_rejected_and_reading_goes_on(
    tmp_path: Path, line: str, rejected_id: str, message: str
) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_text(f'{{"id": "ok1", "text": "a"}}\n{line}\n{{"id": "ok2", "text": "b"}}\n',
                    encoding="utf-8")
    items = [r.item for r in read_all(path)]
    assert [i.id for i in items] == ["ok1", rejected_id, "ok2"]
    bad = items[1]
    assert isinstance(bad, Rejection)
    assert message in bad.error
    assert 'each line must be one JSON object with "id" and "text"' in bad.error
    assert bad.origin == f"{path}:2"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("empty.txt", b"", "empty.txt is empty", id="empty-text"),
        pytest.param("blank.txt", b"  \n\t\n", "blank.txt is empty", id="whitespace-text"),
        pytest.param("empty.jsonl", b"", "empty.jsonl is empty", id="empty-jsonl"),
        pytest.param("empty.html", b"", "empty.html is empty", id="empty-html"),
        pytest.param("empty.rss", b"", "empty.rss is empty", id="empty-feed"),
        pytest.param("photo.txt", bytes(range(256)) * 40, "photo.txt looks like a binary file",
                     id="binary-with-nuls"),
        pytest.param("noise.txt", bytes([0x01, 0x02, 0x03, 0x1B, 0x90, 0x81]) * 300,
                     "noise.txt looks like a binary file", id="binary-control-bytes"),
        pytest.param("broken.rss", b"<rss><channel><title>x</title></channel>",
                     "broken.rss is not an RSS/Atom feed with entries", id="feed-without-entries"),
        pytest.param("menu.html", b"<html><body><nav></nav></body></html>",
                     "menu.html: no main text found", id="html-without-text"),
    ],
)
def test_bad_files_are_rejected_with_a_clear_message(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    rejection = only_rejection(read_all(path))
    assert message in rejection.error
    assert rejection.id == name


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    missing = only_rejection(read_all(tmp_path / "nope.jsonl"))
    assert "nope.jsonl does not exist; check the path" in missing.error
    (tmp_path / "empty").mkdir()
    empty = only_rejection(read_all(tmp_path / "empty"))
    assert "holds no report files" in empty.error


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("Fine text.", encoding="utf-8")
    kinds = [type(r.item).__name__ for r in read_all(tmp_path / "a.txt", tmp_path / "missing",
                                                      tmp_path / "b.txt")]
    assert kinds == ["Rejection", "Rejection", "Report"]


# --- encodings ----------------------------------------------------------------------

TEXT = "Café bombing in São Paulo: “three killed”, police said — Ñuñoa calm."


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        pytest.param(TEXT.encode("utf-8"), None, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), None, id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), "UTF-16", id="utf-16-bom"),
        pytest.param(TEXT.encode("utf-16-le"), "UTF-16-LE", id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), "UTF-16-BE", id="utf-16-be-no-bom"),
        pytest.param(TEXT.encode("utf-32"), "UTF-32", id="utf-32-bom"),
        pytest.param(TEXT.encode("cp1252"), "cp1252", id="cp1252"),
    ],
)
def test_encodings_are_decoded(data: bytes, warning: str | None) -> None:
    text, note = decode_bytes(data, "r.txt")
    assert text == TEXT
    if warning is None:
        assert note is None
    else:
        assert note is not None and warning in note and "r.txt" in note and "UTF-8" in note


def test_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Attentat à Gao: trois soldats tués, a déclaré l'armée.".encode("latin-1"))
    results = read_all(path)
    assert only_report(results).text == "Attentat à Gao: trois soldats tués, a déclaré l'armée."
    assert results[0].warnings and "latin.txt is not UTF-8" in results[0].warnings[0]


def test_latin1_jsonl_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes('{"id": "a", "text": "Bogotá: dos policías muertos."}\n'.encode("latin-1"))
    results = read_all(path)
    assert only_report(results).text == "Bogotá: dos policías muertos."
    assert "r.jsonl is not UTF-8" in results[0].warnings[0]


def test_jsonl_with_one_latin1_line_among_utf8_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        '{"id": "a", "text": "Café."}\n'.encode()
        + '{"id": "b", "text": "Bogotá: dos policías muertos."}\n'.encode("latin-1")
        + '{"id": "c", "text": "Señor."}\n'.encode("latin-1")
    )
    results = read_all(path)
    assert [r.item.text for r in results if isinstance(r.item, Report)] == [
        "Café.", "Bogotá: dos policías muertos.", "Señor."]
    assert [len(r.warnings) for r in results] == [0, 1, 0], "one encoding warning per file"
    assert "mixed.jsonl is not UTF-8" in results[1].warnings[0]


def test_utf16_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes('{"id": "a", "text": "Ñ"}\n{"id": "b", "text": "ß"}\n'.encode("utf-16"))
    results = read_all(path)
    assert [r.item.id for r in results] == ["a", "b"]
    assert "UTF-16" in results[0].warnings[0]


def test_binary_file_named_jsonl_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x90, 0x81]) * 500)
    rejection = only_rejection(read_all(path))
    assert "image.jsonl looks like a binary file" in rejection.error


def test_standard_input_is_read_by_content() -> None:
    data = b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    assert [r.item.id for r in read_stdin(data)] == ["s1", "s2"]
    (text,) = read_stdin(b"Plain words on stdin.", published=date(2020, 1, 1))
    assert isinstance(text.item, Report)
    assert (text.item.id, text.item.published) == ("stdin", date(2020, 1, 1))


def test_non_latin_legacy_encoding_goes_to_charset_normalizer() -> None:
    text = "Взрыв в центре города: погибли три человека, сообщила полиция. " * 5
    decoded, note = decode_bytes(text.encode("cp1251"), "ru.txt")
    assert decoded == text
    assert note is not None and "ru.txt is not UTF-8" in note


def test_on_warning_callback(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_bytes("Naïve text.".encode("utf-16"))
    seen: list[tuple[str, str]] = []
    items = list(read_paths([path], on_warning=lambda item, msg: seen.append((item.id, msg))))
    assert [i.id for i in items] == ["w.txt"]
    assert seen and seen[0][0] == "w.txt" and "UTF-16" in seen[0][1]


def test_a_large_text_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    block = "Gunmen attacked a convoy on the main road; officials gave no toll. " * 16
    size = 50 * 1024 * 1024
    path.write_text(block * (size // len(block) + 1), encoding="utf-8")
    report = only_report(read_all(path))
    assert len(report.text) >= size


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=5))
def test_jsonl_texts_round_trip(tmp_path_factory: pytest.TempPathFactory, texts: list[str]) -> None:
    path = tmp_path_factory.mktemp("rt") / "r.jsonl"
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    items = [r.item for r in read_all(path)]
    assert [(i.id, i.text) for i in items if isinstance(i, Report)] == [
        (r["id"], r["text"]) for r in records]


# --- --published --------------------------------------------------------------------


def test_parse_published() -> None:
    assert parse_published(" 2019-04-13 ") == date(2019, 4, 13)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_published("13 April 2019")
