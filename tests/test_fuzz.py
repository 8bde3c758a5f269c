"""Property-based fuzzing of every stage (issue 11, item 5): random and adversarial text
(any Unicode, lone surrogates, NULs, huge figures, separator lines, repeated cues,
dates at the calendar's edges) never raises and never stalls.

Each call runs under a generous timer bound (`within`): a stall fails the example
instead of hanging the suite. The bound catches stalls; it does not measure speed
(bench/stalls.py does), so Hypothesis' own per-example deadline is off (a shared
machine would make it flaky). Examples are few (`max_examples`) to keep the suite fast.
Found so far: a lone surrogate made language detection (lingua) raise
UnicodeEncodeError, an internal error for the whole report.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timing_support import bounded
from tollwatch.actors.dictionary import find_actors
from tollwatch.actors.sources import find_sources
from tollwatch.contract import extraction_json
from tollwatch.dates.resolve import find_dates
from tollwatch.pipeline import Resources, extract
from tollwatch.places.geocode import find_places
from tollwatch.read.cleaning import clean
from tollwatch.read.feed import read_feed_bytes
from tollwatch.read.html import read_html_bytes
from tollwatch.read.jsonl import read_jsonl_bytes
from tollwatch.read.language import LanguageDetector
from tollwatch.read.text import read_text_bytes
from tollwatch.records import CleanText, Rejection, Report, Span
from tollwatch.settings import Settings
from tollwatch.tolls.find import find_tolls
from tollwatch.tolls.numbers import parse_number
from tollwatch.violence.detect import candidate_sentences, find_cues, relevance_score

BOUND_S = 20  # per call: far above what any example takes, far below a stall
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large],
)
SETTINGS = Settings()
# Found by this test: a lone surrogate in text that is not plainly English.
SURROGATE = "Le gouvernement a dit que \ud800 les gens ont \udfff été tués"


def within(seconds: int = BOUND_S) -> AbstractContextManager[None]:
    """Fail (raise Stalled) when the block runs longer than `seconds`."""
    return bounded(seconds)


# --- text --------------------------------------------------------------------------------

# Pieces of news text and of hostile text: cues, figures, places, dates, separators.
PIECES = [
    "killed", "were killed", "N killed", "dead", "wounded", "abducted", "missing",
    "gunmen", "soldiers", "police said", "the army said", "according to", "between",
    "and", "at least", "more than", "dozens", "hundreds", "two", "five", "nine",
    "5", "12", "3,000", "3000000000", "9" * 30, "7" * 5_000, "1" + ",000" * 400, "-4", "1e9",
    "Gwoza", "Maiduguri", "Kabul", "Borno State", "Nigeria", "near", "in", "on",
    "Monday", "last week", "yesterday", "31 December", "1 January", "0001-01-01",
    "9999-12-31", "29 February", "Dr.", "U.S.", "St.", "...", "." * 180, "!?", "…",
    "\n", "\n\n", "\t", "  ", ",", ";", ":", "(", ")", "\"", "'",
    "\x00", "\ud800", "\udfff", "\ufeff", "\u200b", "\u202e", "é", "ß", "İ", "ﬁ",
    "قتل", "مسلحون", "ont été tués", "muertos", "👍",
]

any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=400)
pieces_text = st.lists(
    st.one_of(st.sampled_from(PIECES), any_text.map(lambda t: t[:20])),
    max_size=120,
).map(" ".join)
repeated_text = st.tuples(st.sampled_from(PIECES), st.integers(1, 3_000)).map(
    lambda pair: (pair[0] + " ") * pair[1]
)
texts = st.one_of(any_text, pieces_text, repeated_text)
published_dates = st.one_of(
    st.none(), st.dates(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31)])
)


@pytest.fixture(scope="module")
def own_resources(resources: Resources) -> Resources:
    """The session's gazetteer and actors with a language detector of this module's own:
    lingua's confidences drift in their last digit after many calls on odd text, and
    other tests compare extractions made with the session's detector to fresh ones."""
    return replace(resources, languages=LanguageDetector.loaded())


def _report(text: str, published: date | None = None) -> Report:
    return Report(id="fuzz", text=text, published=published)


def _within_text(span: Span, text: str) -> bool:
    return 0 <= span.start <= span.end <= len(text)


def _cleaned(text: str) -> CleanText:
    with within():
        return clean(_report(text), SETTINGS)


# --- read ---------------------------------------------------------------------------------


@FUZZ
@given(data=st.one_of(st.binary(max_size=2_000), texts.map(
    lambda t: t.encode("utf-8", "surrogatepass"))))
def test_readers_take_any_bytes(data: bytes) -> None:
    """Every format's reader gives reports or rejections, never an exception."""
    for read in (read_text_bytes, read_html_bytes, read_feed_bytes, read_jsonl_bytes):
        with within():
            results = list(read(data, name="fuzz.bin", origin="fuzz.bin"))
        assert all(isinstance(r.item, Report | Rejection) for r in results)


def test_a_json_integer_of_thousands_of_digits_is_read() -> None:
    """Python refuses to convert more than 4,300 digits: the whole file was an error."""
    data = b'{"id": 1, "text": "Gunmen killed five.", "n": ' + b"7" * 5_000 + b"}"
    (result,) = read_jsonl_bytes(data, name="big.jsonl", origin="big.jsonl")
    assert isinstance(result.item, Report) and result.item.text == "Gunmen killed five."
    (result,) = read_jsonl_bytes(b"7" * 5_000, name="big.jsonl", origin="big.jsonl")
    assert isinstance(result.item, Rejection)


@FUZZ
@given(record=st.dictionaries(
    st.sampled_from(["id", "text", "title", "url", "outlet", "published", "lang"]),
    st.one_of(texts, st.integers(), st.floats(), st.none(), st.booleans()),
))
def test_jsonl_records_of_any_shape(record: dict[str, object]) -> None:
    line = json.dumps(record).encode("utf-8", "surrogatepass")
    with within():
        results = list(read_jsonl_bytes(line, name="fuzz.jsonl", origin="fuzz.jsonl"))
    assert len(results) == 1


@FUZZ
@given(text=texts)
def test_cleaning_keeps_offsets(text: str) -> None:
    cleaned = _cleaned(text)
    for sentence in cleaned.sentences:
        assert _within_text(sentence.span, text)
        assert text[sentence.span.start : sentence.span.end] == sentence.text


@FUZZ
@given(text=texts)
@example(text=SURROGATE)
def test_language_detection(text: str, own_resources: Resources) -> None:
    with within():
        found = own_resources.languages.detect(text)
    assert found.code is None or isinstance(found.code, str)


# --- finders ------------------------------------------------------------------------------


@FUZZ
@given(text=texts)
def test_violence(text: str) -> None:
    cleaned = _cleaned(text)
    with within():
        sentences = candidate_sentences(cleaned)
        cues = find_cues(cleaned, sentences, SETTINGS)
        relevance_score(cleaned, cues)
    assert all(_within_text(cue.span, text) for cue in cues)


@FUZZ
@given(text=texts)
def test_tolls(text: str) -> None:
    cleaned = _cleaned(text)
    with within():
        tolls = find_tolls(cleaned, cleaned.sentences, SETTINGS)
    for mention in tolls:
        assert _within_text(mention.span, text)
        toll = mention.toll
        known = [v for v in (toll.low, toll.best, toll.high) if v is not None]
        assert known == sorted(known)
        assert all(0 <= v < 2**63 for v in known)


@FUZZ
@given(written=st.one_of(texts, st.from_regex(r"[0-9][0-9,. ]{0,6000}", fullmatch=True)))
def test_numbers(written: str) -> None:
    with within():
        value = parse_number(written)
    assert value is None or 0 <= value < 10**18


@FUZZ
@given(text=texts, published=published_dates)
def test_dates(text: str, published: date | None) -> None:
    cleaned = _cleaned(text)
    with within():
        dates = find_dates(cleaned, cleaned.sentences, published, SETTINGS)
    for mention in dates:
        assert _within_text(mention.span, text)
        if mention.start is not None and mention.end is not None:
            assert mention.start <= mention.end


@FUZZ
@given(text=texts)
def test_places_and_actors(text: str, resources: Resources) -> None:
    cleaned = _cleaned(text)
    with within():
        places = find_places(cleaned, cleaned.sentences, resources.gazetteer, SETTINGS)
        actors = find_actors(cleaned, cleaned.sentences, resources.actors)
        sources = find_sources(cleaned, cleaned.sentences, resources.actors, actors)
    spans = [m.span for m in places] + [m.span for m in actors] + [m.span for m in sources]
    assert all(_within_text(span, text) for span in spans)


# --- incidents and the whole pipeline -----------------------------------------------------


@FUZZ
@given(text=texts, published=published_dates)
@example(text=SURROGATE, published=None)
@example(text=f"Gunmen killed {'7' * 5_000} villagers on Monday.", published=date(1, 1, 1))
def test_the_whole_pipeline(
    text: str, published: date | None, own_resources: Resources
) -> None:
    """No internal error, evidence inside the text, and contract JSON that serialises."""
    with within():
        extraction = extract(
            _report(text, published), settings=SETTINGS, resources=own_resources
        )
    assert extraction.error is None
    for incident in extraction.incidents:
        assert all(_within_text(span, text) for span in incident.evidence)
        for toll in (incident.killed, incident.wounded):
            if toll is not None and toll.best is not None:
                assert 0 <= toll.best < 2**63
    json.dumps(extraction_json(extraction))
