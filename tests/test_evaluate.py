"""The scorer: hand-made gold records against hand-made extractions.

Nothing here runs the extractor except the CLI test at the end: every score is
checked against an extraction built by hand, so these tests hold whatever the
extraction stages return.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.errors import EvalError, SettingsError
from tollwatch.evaluate import (
    METRICS,
    DatasetScores,
    EvalResult,
    Floor,
    actor_class,
    admin_key,
    build_floor,
    check_floor,
    country_code,
    document_prediction,
    extract_all,
    format_table,
    load_gold,
    parse_gold_record,
    read_floor,
    result_json,
    same_admin1,
    same_place,
    score_extractions,
    score_record,
    write_floor,
)
from tollwatch.evaluate.metrics import haversine_km, in_interval, within_ten_percent
from tollwatch.evaluate.normalise import date_in_text
from tollwatch.evaluate.parallel import PoolStats
from tollwatch.pipeline import Resources
from tollwatch.records import (
    Actor,
    ActorMention,
    DateMention,
    Extraction,
    Incident,
    PlaceMention,
    Report,
    Span,
    Toll,
)
from tollwatch.settings import Settings

# ---------------------------------------------------------------- builders

SPAN = Span(0, 1)
FAKE_RESOURCES = Resources(gazetteer=None, actors=None)  # type: ignore[arg-type]


def gold_record(
    dataset: str = "acled-2022",
    text: str = "An invented report.",
    gold: dict[str, Any] | None = None,
    meta: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    labelled: bool = True,
    rid: str = "g1",
) -> Any:
    raw: dict[str, Any] = {"id": rid, "source_dataset": dataset, "text": text, "published": None}
    if labelled:
        raw["gold"] = gold or {}
        raw["meta"] = meta or {}
    if events is not None:
        raw["events"] = events
    return parse_gold_record(raw, "test")


def toll(best: int | None, low: int | None = None, high: int | None = None) -> Toll:
    return Toll(low=best if low is None else low, best=best, high=high)


def when(day: date, precision: str = "day") -> DateMention:
    return DateMention(day, day, precision, "on that day", SPAN, 0)  # type: ignore[arg-type]


def where(
    country: str | None = None,
    admin1: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> PlaceMention:
    return PlaceMention("Somewhere", country, admin1, None, lat, lon, None, "point", "x", SPAN, 0)


def incident(iid: str = "r#1", killed: int | None = None, **kw: Any) -> Incident:
    kw.setdefault("kind", "incident")
    return Incident(id=iid, killed=toll(killed) if killed is not None else None, **kw)


def extraction(*incidents: Incident) -> Extraction:
    return Extraction(report_id="r", incidents=list(incidents))


def scored(record: Any, ex: Extraction) -> dict[str, Any]:
    scores = DatasetScores(record.dataset)
    score_record(scores, record, document_prediction(ex))
    return {m.name: m for m in scores.metrics()}


# ---------------------------------------------------------------- document prediction


def test_no_incident_gives_no_prediction() -> None:
    pred = document_prediction(extraction())
    assert pred.killed is None and not pred.relevant and pred.date_start is None


def test_incident_without_a_figure_predicts_zero() -> None:
    pred = document_prediction(extraction(incident(killed=None)))
    assert pred.killed == 0 and pred.wounded == 0 and pred.relevant


def test_claims_are_not_counted_nor_make_a_report_relevant() -> None:
    pred = document_prediction(extraction(incident(killed=50, kind="claim")))
    assert pred.killed is None and not pred.relevant


def test_aggregate_replaces_its_parts() -> None:
    parts = [incident("r#1", 4), incident("r#2", 3)]
    total = incident("r#3", 9, kind="aggregate", parts=["r#1", "r#2"])
    pred = document_prediction(extraction(*parts, total))
    assert pred.killed == 9 and pred.incidents == 1
    assert sorted(pred.killed_values) == [3, 4, 9]


def test_separate_incidents_add_up() -> None:
    pred = document_prediction(extraction(incident("r#1", 2), incident("r#2", 5)))
    assert pred.killed == 7 and pred.incidents == 2


def test_main_incident_is_the_deadliest_first_on_ties() -> None:
    first = incident("r#1", 6, date=when(date(2021, 3, 1)), place=where("IQ", "Anbar"))
    second = incident("r#2", 6, date=when(date(2021, 3, 2)), place=where("SY", "Homs"))
    small = incident("r#3", 1, date=when(date(2021, 3, 3)))
    pred = document_prediction(extraction(small, first, second))
    assert (pred.date_start, pred.country, pred.admin1) == (date(2021, 3, 1), "IQ", "Anbar")


def test_victim_phrase_is_classed_when_no_actor_was_linked() -> None:
    police = ActorMention(Actor("Police", "police"), "police", SPAN, 0)
    pred = document_prediction(
        extraction(incident(killed=2, perpetrator=police, victim_text="two farmers"))
    )
    assert (pred.perpetrator_class, pred.victim_class) == ("state", "civilians")


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        pytest.param(10, 10, True, id="exact"),
        pytest.param(11, 10, True, id="plus-one-of-ten"),
        pytest.param(12, 10, False, id="plus-two-of-ten"),
        pytest.param(1, 0, True, id="at-least-one-either-side"),
        pytest.param(2, 0, False, id="two-from-zero"),
        pytest.param(90, 100, True, id="ten-percent-under"),
        pytest.param(89, 100, False, id="eleven-percent-under"),
        pytest.param(None, 3, False, id="no-prediction"),
    ],
)
def test_within_ten_percent(predicted: int | None, gold: int, expected: bool) -> None:
    assert within_ten_percent(predicted, gold) is expected


@pytest.mark.parametrize(
    ("value", "low", "high", "expected"),
    [
        pytest.param(7, 3, 8, True, id="inside"),
        pytest.param(9, 3, 8, False, id="above"),
        pytest.param(40, 2, None, True, id="open-high"),
        pytest.param(1, 2, None, False, id="below-open"),
        pytest.param(None, 0, 5, False, id="no-prediction"),
    ],
)
def test_in_interval(value: int | None, low: int, high: int | None, expected: bool) -> None:
    assert in_interval(value, low, high) is expected


def test_exact_and_within_ten_percent_differ() -> None:
    rec = gold_record(gold={"killed": 20})
    metrics = scored(rec, extraction(incident(killed=21)))
    assert metrics["killed_exact"].value == 0.0
    assert metrics["killed_within10"].value == 1.0


def test_null_gold_is_never_scored() -> None:
    rec = gold_record(gold={"killed": None, "wounded": None, "date": None, "country": None})
    metrics = scored(rec, extraction(incident(killed=3)))
    assert not {"killed_exact", "wounded_exact", "date_exact", "country"} & set(metrics)


def test_missing_prediction_counts_as_a_miss() -> None:
    metrics = scored(gold_record(gold={"killed": 4}), extraction())
    assert (metrics["killed_exact"].n, metrics["killed_exact"].value) == (1, 0.0)
    assert "killed_log_mae" not in metrics


def test_answerable_and_nonzero_subsets() -> None:
    scores = DatasetScores("acled-2022")
    stated = gold_record(gold={"killed": 3}, meta={"answerable": {"killed_in_text": True}})
    unstated = gold_record(gold={"killed": 0}, meta={"answerable": {"killed_in_text": None}})
    score_record(scores, stated, document_prediction(extraction(incident(killed=3))))
    score_record(scores, unstated, document_prediction(extraction(incident(killed=1))))
    metrics = {m.name: m for m in scores.metrics()}
    assert (metrics["killed_exact"].n, metrics["killed_exact"].hits) == (2, 1)
    assert (metrics["killed_exact_answerable"].n, metrics["killed_exact_answerable"].hits) == (1, 1)
    assert metrics["killed_exact_nonzero"].n == 1
    assert metrics["killed_zero_nonzero"].hits == 1


def test_interval_hit_without_exact_match() -> None:
    rec = gold_record("ucdp-ged-x", gold={"killed": 5, "killed_low": 3, "killed_high": 8})
    metrics = scored(rec, extraction(incident(killed=7)))
    assert metrics["killed_interval"].value == 1.0 and metrics["killed_exact"].value == 0.0


def test_vague_muc_count_scores_the_open_interval_only() -> None:
    rec = gold_record("muc34", gold={"killed": None, "killed_low": 2, "killed_high": None})
    metrics = scored(rec, extraction(incident(killed=12)))
    assert metrics["killed_interval"].value == 1.0 and "killed_exact" not in metrics


def test_wounded_exact() -> None:
    rec = gold_record("muc34", gold={"wounded": 0})
    metrics = scored(rec, extraction(incident(killed=1)))
    assert metrics["wounded_exact"].value == 1.0


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("predicted", "exact", "within"),
    [
        pytest.param(date(2020, 5, 9), 1.0, 1.0, id="same-day"),
        pytest.param(date(2020, 5, 10), 0.0, 1.0, id="next-day"),
        pytest.param(date(2020, 5, 12), 0.0, 0.0, id="three-days-off"),
    ],
)
def test_date_exact_and_within_a_day(predicted: date, exact: float, within: float) -> None:
    rec = gold_record(gold={"date": "2020-05-09"}, meta={"time_precision": 1})
    metrics = scored(rec, extraction(incident(killed=1, date=when(predicted))))
    assert (metrics["date_exact"].value, metrics["date_within_1d"].value) == (exact, within)


def test_coarse_gold_date_is_not_scored_for_exact_day() -> None:
    rec = gold_record(gold={"date": "2020-05-09"}, meta={"time_precision": 2})
    metrics = scored(rec, extraction(incident(killed=1, date=when(date(2020, 5, 9)))))
    assert "date_exact" not in metrics and "date_within_1d" not in metrics


def test_known_non_events_are_scored_for_counts_and_detection_only() -> None:
    rec = gold_record(
        gold={"killed": 0, "date": "2020-05-09", "country": "Chad", "event_type": "Protests"},
        meta={"violent": False, "time_precision": 1},
    )
    scores = DatasetScores("acled-2022")
    score_record(scores, rec, document_prediction(extraction()))
    metrics = {m.name: m for m in scores.metrics()}
    assert set(metrics) == {"killed_exact", "killed_within10", "killed_zero_nonzero",
                            "detect_fp_share"}
    assert metrics["detect_fp_share"].value == 0.0
    assert scores.confusion[("Protests", "none")] == 1


def test_date_stated_subset_needs_the_day_in_the_text() -> None:
    stated = gold_record(text="On 9 May 2020 a patrol was hit.", gold={"date": "2020-05-09"})
    unstated = gold_record(text="A patrol was hit on Saturday.", gold={"date": "2020-05-09"})
    ex = extraction(incident(killed=1, date=when(date(2020, 5, 9))))
    assert scored(stated, ex)["date_exact_stated"].value == 1.0
    assert "date_exact_stated" not in scored(unstated, ex)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("on 9 May 2020", True, id="day-month"),
        pytest.param("May 9th, gunmen", True, id="month-day"),
        pytest.param("el 9 de mayo", True, id="spanish"),
        pytest.param("dated 2020-05-09", True, id="iso"),
        pytest.param("on 19 May", False, id="other-day"),
        pytest.param("in May", False, id="month-only"),
    ],
)
def test_date_in_text(text: str, expected: bool) -> None:
    assert date_in_text(text, date(2020, 5, 9)) is expected


@pytest.mark.parametrize(
    ("predicted", "hit"),
    [
        pytest.param(date(2019, 2, 3), True, id="inside"),
        pytest.param(date(2019, 2, 10), False, id="after"),
        pytest.param(date(2019, 1, 31), False, id="before"),
    ],
)
def test_ucdp_date_interval_containment(predicted: date, hit: bool) -> None:
    rec = gold_record(
        "ucdp-ged-x", gold={"date": "2019-02-01", "date_end": "2019-02-07"}, meta={"date_prec": 2}
    )
    metrics = scored(rec, extraction(incident(killed=1, date=when(predicted))))
    assert metrics["date_interval"].value == float(hit)
    assert "date_exact" not in metrics


@pytest.mark.parametrize(
    ("predicted", "hit"),
    [
        pytest.param(date(1990, 3, 1), True, id="well-before"),
        pytest.param(date(1990, 3, 14), True, id="on-the-day"),
        pytest.param(date(1990, 3, 15), False, id="after"),
    ],
)
def test_muc_on_or_before(predicted: date, hit: bool) -> None:
    rec = gold_record("muc34", gold={"date": None, "date_end": "1990-03-14"})
    metrics = scored(rec, extraction(incident(killed=1, date=when(predicted))))
    assert metrics["date_interval"].value == float(hit) and "date_exact" not in metrics


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        pytest.param("Homs Governorate", "Homs", id="governorate"),
        pytest.param("Sinaloa state", "Sinaloa", id="state"),
        pytest.param("Nuevo León state", "NUEVO LEON", id="accent-and-case"),
        pytest.param("Departamento de Antioquia", "Antioquia", id="spanish-prefix"),
        pytest.param("Deir ez-Zor Governorate", "Dayr az Zawr", id="transliteration"),
        pytest.param("Rif Dimashq Governorate", "Rural Damascus", id="alias"),
        pytest.param("Al Anbar Province", "Anbar", id="article"),
        pytest.param("Kandahar Region", "kandahar", id="region"),
        pytest.param("Rio de Janeiro", "Estado do Rio de Janeiro", id="portuguese-prefix"),
        pytest.param("Mexico City", "Distrito Federal", id="capital-alias"),
    ],
)
def test_admin1_matches_after_normalisation(gold: str, predicted: str) -> None:
    assert same_admin1(gold, predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        pytest.param("Homs Governorate", "Hama", id="neighbour"),
        pytest.param("Aleppo Governorate", "Idlib", id="different"),
        pytest.param("Sinaloa state", None, id="no-prediction"),
        pytest.param("Mexico City", "Mexico", id="capital-is-not-the-state"),
    ],
)
def test_admin1_mismatches(gold: str, predicted: str | None) -> None:
    assert not same_admin1(gold, predicted)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        pytest.param("Teir Hills village", "Teir Hills", True, id="village-suffix"),
        pytest.param("Port Town city", "PORT TOWN", True, id="city-and-case"),
        pytest.param("Al Qusayr town", "Qusayr", True, id="article"),
        pytest.param("North Camp", "South Camp", False, id="different"),
        pytest.param("Bigcity - Old Quarter", "Bigcity", True, id="city-dash-quarter"),
        pytest.param("Eastfield", None, False, id="no-prediction"),
    ],
)
def test_location_match(gold: str, predicted: str | None, expected: bool) -> None:
    assert same_place(gold, predicted) is expected


def test_admin_key_strips_suffixes() -> None:
    assert admin_key("Baghdad Governorate") == "baghdad"
    assert admin_key("Oaxaca state") == "oaxaca"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        pytest.param("Syria", "SY", id="plain"),
        pytest.param("DR Congo (Zaire)", "CD", id="alias-with-old-name"),
        pytest.param("Yemen (North Yemen)", "YE", id="parenthesised"),
        pytest.param("? Belize", "BZ", id="stray-punctuation"),
        pytest.param("Venezuala", "VE", id="one-letter-typo"),
        pytest.param("iq", "IQ", id="iso-code"),
        pytest.param("Atlantis", None, id="unknown"),
        pytest.param(None, None, id="null"),
    ],
)
def test_country_code(name: str | None, code: str | None) -> None:
    assert country_code(name) == code


def test_country_and_admin1_scores() -> None:
    rec = gold_record(gold={"country": "Iraq", "admin1": "Nineveh Governorate"})
    metrics = scored(rec, extraction(incident(killed=1, place=where("IQ", "Ninawa"))))
    assert metrics["country"].value == 1.0 and metrics["admin1"].value == 1.0


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(10.0, 20.0, 11.0, 20.0) == pytest.approx(111.19, abs=0.1)


def test_distance_shares_and_median() -> None:
    rec = gold_record(gold={"lat": 34.0, "lon": 40.0}, meta={"geo_precision": 1})
    metrics = scored(rec, extraction(incident(killed=1, place=where("SY", None, 34.15, 40.0))))
    assert metrics["geo_median_km"].value == pytest.approx(16.7, abs=0.1)
    assert [metrics[f"geo_within_{k}km"].value for k in (10, 25, 50)] == [0.0, 1.0, 1.0]
    assert metrics["geo_over_1000km"].value == 0.0


def test_a_point_a_continent_away_counts_over_1000km() -> None:
    rec = gold_record(gold={"lat": 34.0, "lon": 40.0}, meta={"geo_precision": 1})
    far = extraction(incident(killed=1, place=where("US", None, 40.0, -90.0)))
    assert scored(rec, far)["geo_over_1000km"].value == 1.0
    assert "geo_over_1000km" not in scored(rec, extraction(incident(killed=1)))


@pytest.mark.parametrize(
    ("dataset", "meta"),
    [
        pytest.param("ucdp-ged-x", {"where_prec": 4}, id="ucdp-province-centroid"),
        pytest.param("acled-2022", {"geo_precision": 3}, id="acled-province-centroid"),
    ],
)
def test_imprecise_gold_coordinates_are_not_scored(dataset: str, meta: dict[str, Any]) -> None:
    rec = gold_record(dataset, gold={"lat": 34.0, "lon": 40.0}, meta=meta)
    metrics = scored(rec, extraction(incident(killed=1, place=where("SY", None, 34.0, 40.0))))
    assert not any(name.startswith("geo_") for name in metrics)


def test_distances_are_also_reported_by_precision_code() -> None:
    scores = DatasetScores("ucdp-ged-x")
    near = extraction(incident(killed=1, place=where("SY", None, 34.1, 40.0)))
    for prec, ex in [(1, near), (1, extraction(incident(killed=1))), (2, near)]:
        rec = gold_record("ucdp-ged-x", gold={"lat": 34.0, "lon": 40.0}, meta={"where_prec": prec})
        score_record(scores, rec, document_prediction(ex))
    by_code = result_json(EvalResult({"ucdp-ged-x": scores}))["datasets"]["ucdp-ged-x"]
    assert by_code["geo_by_precision"]["1"]["n"] == 2
    assert by_code["geo_by_precision"]["1"]["within_25km"] == 0.5
    assert by_code["geo_by_precision"]["2"]["with_point"] == 1


def test_missing_point_is_a_miss_but_not_in_the_median() -> None:
    rec = gold_record(gold={"lat": 34.0, "lon": 40.0}, meta={"geo_precision": 1})
    metrics = scored(rec, extraction(incident(killed=1)))
    assert metrics["geo_within_50km"].n == 1 and "geo_median_km" not in metrics


# ---------------------------------------------------------------- actors and types


@pytest.mark.parametrize(
    ("name", "klass"),
    [
        pytest.param("Civilians (Chad)", "civilians", id="acled-civilians"),
        pytest.param("Police Forces of Peru (1990-)", "state", id="police"),
        pytest.param("Government of Freedonia", "state", id="government"),
        pytest.param("Islamic State (Sinai)", "rebel_jihadist", id="islamic-state-not-state"),
        pytest.param("IS", "rebel_jihadist", id="acronym"),
        pytest.param("Unidentified Armed Group (Chad)", "unknown", id="unidentified"),
        pytest.param("Coastal Cartel", "militia_cartel", id="cartel"),
        pytest.param("URBAN GUERRILLAS", "rebel_jihadist", id="muc-upper"),
        pytest.param(None, None, id="null"),
    ],
)
def test_actor_class(name: str | None, klass: str | None) -> None:
    assert actor_class(name) == klass


def test_ucdp_dyad_is_scored_unordered() -> None:
    rec = gold_record(
        "ucdp-ged-x", gold={"perpetrator": "Government of Freedonia", "victim": "Freedonian rebels"}
    )
    army = ActorMention(Actor("Freedonian army", "state", "state"), "army", SPAN, 0)
    rebels = ActorMention(Actor("rebels", "militant", "rebel"), "rebels", SPAN, 0)
    metrics = scored(rec, extraction(incident(killed=1, perpetrator=rebels, victim=army)))
    assert metrics["actor_pair_class"].value == 1.0


def test_event_type_mapping_and_confusion() -> None:
    scores = DatasetScores("acled-2022")
    battle = gold_record(gold={"event_type": "Battles"})
    shelling = gold_record(gold={"event_type": "Explosions/Remote violence"})
    score_record(scores, battle, document_prediction(extraction(incident(event_type="battle"))))
    score_record(scores, shelling, document_prediction(extraction(incident(event_type="battle"))))
    metrics = {m.name: m for m in scores.metrics()}
    assert (metrics["event_type"].n, metrics["event_type"].hits) == (2, 1)
    assert scores.confusion[("Explosions/Remote violence", "battle")] == 1


# ---------------------------------------------------------------- detection


def test_muc_relevance_recall_and_false_positives() -> None:
    scores = DatasetScores("muc34")
    found = extraction(incident(killed=1))
    for relevant, ex in [
        (True, found),
        (True, found),
        (True, extraction()),
        (False, found),
        (False, extraction()),
    ]:
        gold = {"killed": 1} if relevant else {}
        rec = gold_record("muc34", gold=gold, meta={"relevant": relevant})
        score_record(scores, rec, document_prediction(ex))
    metrics = {m.name: m for m in scores.metrics()}
    assert metrics["detect_recall"].value == pytest.approx(2 / 3)
    assert metrics["detect_fp_share"].value == pytest.approx(1 / 2)
    assert metrics["detect_precision"].value == pytest.approx(2 / 3)


def test_muc_event_level_recall() -> None:
    events = [{"killed": 3}, {"killed": 5}, {"killed": 0}]
    rec = gold_record("muc34", gold={"killed": 5}, events=events, meta={"relevant": True})
    metrics = scored(rec, extraction(incident("r#1", 5), incident("r#2", 2)))
    assert (metrics["event_killed_recall"].n, metrics["event_killed_recall"].hits) == (2, 1)


def test_news_rate_per_thousand_reports() -> None:
    scores = DatasetScores("news-x")
    for count in (0, 2, 0, 1):
        rec = gold_record("news-x", labelled=False)
        ex = extraction(*[incident(f"r#{i}", 1) for i in range(count)])
        score_record(scores, rec, document_prediction(ex))
    metrics = {m.name: m for m in scores.metrics()}
    assert metrics["incidents_per_1000"].value == 750.0
    assert metrics["reports_with_incident"].value == 0.5
    assert "killed_exact" not in metrics


# ---------------------------------------------------------------- floor and report


def result_with(dataset: str, metric_hits: dict[str, tuple[int, int]]) -> EvalResult:
    scores = DatasetScores(dataset)
    for name, (hits, n) in metric_hits.items():
        for i in range(n):
            scores.add(name, i < hits)
    return EvalResult({dataset: scores})


def test_floor_holds_within_tolerance_and_fails_beyond() -> None:
    floor = Floor({"acled-2022": {"killed_exact": 0.5}})
    assert check_floor(result_with("acled-2022", {"killed_exact": (499, 1000)}), floor) == []
    failures = check_floor(result_with("acled-2022", {"killed_exact": (490, 1000)}), floor)
    assert len(failures) == 1 and "killed_exact" in failures[0]


def test_floor_for_lower_is_better_metrics() -> None:
    floor = Floor({"muc34": {"detect_fp_share": 0.1}})
    assert check_floor(result_with("muc34", {"detect_fp_share": (1, 10)}), floor) == []
    assert check_floor(result_with("muc34", {"detect_fp_share": (2, 10)}), floor)


def test_floor_metric_no_longer_measured_fails() -> None:
    floor = Floor({"muc34": {"killed_exact": 0.2}})
    assert "not measured" in check_floor(EvalResult(), floor)[0]


def test_floor_round_trip(tmp_path: Path) -> None:
    result = result_with(
        "acled-2022",
        {"killed_exact": (30, 40), "detect_precision": (40, 40), "country": (1, 4)},
    )
    path = tmp_path / "floor.json"
    write_floor(path, build_floor(result, limit=10))
    floor = read_floor(path)
    # detect_precision is not a key metric; country has too few records to floor
    assert floor.values == {"acled-2022": {"killed_exact": 0.75}} and floor.limit == 10
    assert check_floor(result, floor) == []


def test_bad_floor_file_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "floor.json"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(EvalError, match="--write-floor"):
        read_floor(path)


def test_table_shows_targets() -> None:
    text = format_table(result_with("acled-2022", {"killed_exact_answerable": (8, 10)}))
    assert "killed_exact_answerable" in text and ">= 0.9 MISS" in text
    data = result_json(result_with("muc34", {"detect_fp_share": (1, 20)}))
    assert data["datasets"]["muc34"]["metrics"]["detect_fp_share"]["target_met"] is True


# ---------------------------------------------------------------- gold files


def test_gold_file_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(EvalError, match="line 2 of"):
        load_gold([path])


def test_negative_gold_count_is_rejected() -> None:
    with pytest.raises(EvalError, match="killed"):
        gold_record(gold={"killed": -1})


def test_limit_spreads_evenly_in_each_file(tmp_path: Path) -> None:
    for name in ("a", "b"):
        lines = [json.dumps({"id": f"{name}{i}", "text": "t"}) for i in range(6)]
        (tmp_path / f"{name}.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert [r.id for r in load_gold([tmp_path], limit=2)] == ["a0", "a3", "b0", "b3"]
    assert len(load_gold([tmp_path], limit=50)) == 12


def test_a_crashing_stage_becomes_an_error_not_an_abort(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Extraction:
        raise KeyError("boom")

    monkeypatch.setattr("tollwatch.pipeline.extract", broken)
    report = Report(id="r9", text="Anything.")
    (out,) = extract_all([report], settings=Settings(), workers=1, resources=FAKE_RESOURCES)
    assert out.report_id == "r9" and "KeyError" in (out.error or "")
    records = [gold_record(gold={"killed": 2}, rid="r9")]
    result = score_extractions(records, [out])
    assert result.metrics("acled-2022")["killed_exact"].value == 0.0
    assert "extraction errors" in format_table(result)


def test_pool_stats_keep_each_workers_peak() -> None:
    stats = PoolStats()
    for pid, peak in [(11, 100.0), (12, 90.0), (11, 120.0), (11, 110.0)]:
        stats.record(pid, peak)
    assert stats.worker_peak_mb == {11: 120.0, 12: 90.0} and stats.total_mb == 210.0


def test_workers_must_be_positive() -> None:
    with pytest.raises(SettingsError):
        list(extract_all([], settings=Settings(), workers=0))


# ---------------------------------------------------------------- invariants


@given(st.integers(min_value=0, max_value=10**6))
def test_exact_is_within_ten_percent_and_in_a_point_interval(gold: int) -> None:
    assert within_ten_percent(gold, gold) and in_interval(gold, gold, gold)


@given(st.text(min_size=1, max_size=40))
def test_admin1_match_is_reflexive(name: str) -> None:
    if admin_key(name):
        assert same_admin1(name, name)


# ---------------------------------------------------------------- CLI


@pytest.fixture
def loaded_once(monkeypatch: pytest.MonkeyPatch, resources: Resources) -> None:
    """Commands get the session's already-loaded resources instead of loading their own."""
    monkeypatch.setattr("tollwatch.evaluate.run.load_resources", lambda settings: resources)


def write_small_gold(path: Path) -> None:
    records = [
        {
            "id": "t1",
            "source_dataset": "acled-test",
            "published": None,
            "text": "On 4 March 2021, soldiers clashed with rebels near a market town; "
            "three soldiers were killed.",
            "gold": {"killed": 3, "date": "2021-03-04", "country": "Chad"},
            "meta": {"time_precision": 1, "answerable": {"killed_in_text": True}},
        },
        {
            "id": "t2",
            "source_dataset": "acled-test",
            "published": None,
            "text": "A peaceful march took place in the capital.",
            "gold": {"killed": 0, "date": "2021-03-05", "country": "Chad"},
            "meta": {"time_precision": 1},
        },
        {
            "id": "n1",
            "source_dataset": "news-test",
            "published": "2021-03-06",
            "text": "Shares rose on Tuesday after strong results.",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


@pytest.mark.usefixtures("loaded_once")
def test_cli_eval_json_and_floor(tmp_path: Path) -> None:
    gold = tmp_path / "small.jsonl"
    write_small_gold(gold)
    floor = tmp_path / "floor.json"
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        app, ["eval", str(gold), "--format", "json", "-o", str(out), "--write-floor", str(floor)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    acled = data["datasets"]["acled-test"]["metrics"]
    assert acled["killed_exact"]["n"] == 2 and acled["killed_exact_answerable"]["n"] == 1
    assert data["datasets"]["news-test"]["metrics"]["incidents_per_1000"]["n"] == 1
    assert data["run"]["reports"] == 3
    written = read_floor(floor)  # too few records here for any metric to be floored
    assert written.values == {} and written.limit is None and "commit it" in result.output


@pytest.mark.usefixtures("loaded_once")
def test_cli_eval_table_and_missing_file(tmp_path: Path) -> None:
    gold = tmp_path / "small.jsonl"
    write_small_gold(gold)
    table = CliRunner().invoke(app, ["eval", str(gold), "--limit", "1"])
    assert table.exit_code == 0 and "killed_exact" in table.output and "target" in table.output
    missing = CliRunner().invoke(app, ["eval", str(tmp_path / "absent.jsonl")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_every_metric_and_option_is_documented() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "quality.md").read_text("utf-8")
    undocumented = [spec.name for spec in METRICS if f"`{spec.name}" not in doc]
    assert not undocumented, f"docs/quality.md does not describe {undocumented}"
    options = ("--limit", "--format", "--output", "--workers", "--write-floor", "--check-floor")
    missing = [option for option in options if option not in doc]
    assert not missing, f"docs/quality.md does not describe {missing}"


@pytest.mark.usefixtures("loaded_once")
def test_update_floor_module_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tollwatch.evaluate.__main__ import main

    gold = tmp_path / "small.jsonl"
    write_small_gold(gold)
    floor = tmp_path / "floor.json"
    assert main(["--update-floor", "--gold", str(gold), "--floor", str(floor), "--limit", "2"]) == 0
    assert read_floor(floor).limit == 2 and "commit it" in capsys.readouterr().out
    assert main(["--update-floor", "--gold", str(gold), "--floor", str(floor)]) == 0
    assert read_floor(floor).limit == 2  # the floor's own sample is kept


@pytest.mark.parametrize(
    ("dataset", "exact"),
    [("muc34", 1.0), ("acled-2022", 0.0)],
    ids=["muc-compares-the-main-incident", "acled-compares-the-document-toll"],
)
def test_muc_gold_is_the_most_lethal_incident(dataset: str, exact: float) -> None:
    record = gold_record(dataset=dataset, gold={"killed": 5})
    metrics = scored(record, extraction(incident("r#1", 5), incident("r#2", 2)))
    assert metrics["killed_exact"].value == exact


def test_named_country_and_distance_count_only_texts_that_name_a_place() -> None:
    """Issue 10's targets are over records whose text names the country, its province
    or the place itself: a headline naming none of them stays out of `country_named`."""
    far = extraction(incident(killed=1, place=where("US", None, 40.0, -90.0)))
    meta_named = {"geo_precision": 1, "answerable": {"country_in_text": False,
                                                     "admin1_in_text": True}}
    named = gold_record(gold={"country": "Syria", "lat": 34.0, "lon": 40.0}, meta=meta_named)
    metrics = scored(named, far)
    assert metrics["country_named"].value == 0.0
    assert metrics["geo_over_1000km_named"].value == 1.0
    assert "country_answerable" not in metrics
    silent = gold_record(
        gold={"country": "Syria", "lat": 34.0, "lon": 40.0},
        meta={"geo_precision": 1, "answerable": {"location_in_text": False}},
    )
    metrics = scored(silent, far)
    assert "country_named" not in metrics and "geo_over_1000km_named" not in metrics
    assert metrics["country"].value == 0.0
