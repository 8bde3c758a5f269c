"""Score document-level predictions against gold records, per dataset.

`DatasetScores` accumulates one dataset's tallies; `score_record` adds one
record; `DatasetScores.metrics()` gives the figures. A gold value of None is
never scored: the record simply does not count in that metric's `n`. A missing
prediction where the gold is set counts as a miss.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .gold import GoldFields, GoldRecord, dataset_family
from .normalise import (
    accepted_event_types,
    actor_class,
    country_code,
    date_in_text,
    same_admin1,
    same_place,
)
from .predict import Prediction


@dataclass(frozen=True)
class MetricSpec:
    """What a metric measures and which direction is better."""

    name: str
    description: str
    higher_is_better: bool = True
    scale: float = 1.0  # floor tolerances are multiplied by this (1000 for per-1,000 rates)


METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("killed_exact", "killed = gold, all records with a gold count"),
    MetricSpec("killed_exact_nonzero", "killed = gold, gold count > 0"),
    MetricSpec("killed_exact_answerable", "killed = gold, count written in the text"),
    MetricSpec("killed_within10", "killed within 10% of gold (at least +-1)"),
    MetricSpec("killed_within10_answerable", "killed within 10%, count written in the text"),
    MetricSpec("killed_interval", "killed_low <= killed <= killed_high (open high when null)"),
    MetricSpec("killed_zero_nonzero", "killed and gold agree on zero vs non-zero"),
    MetricSpec("killed_log_mae", "mean |log1p(pred) - log1p(gold)| where both set", False),
    MetricSpec("wounded_exact", "wounded = gold"),
    MetricSpec("wounded_within10", "wounded within 10% of gold (at least +-1)"),
    MetricSpec("date_exact", "main incident date = gold day (day-precision gold)"),
    MetricSpec("date_within_1d", "main incident date within a day of gold (same records)"),
    MetricSpec("date_exact_stated", "date exact where the text writes the gold day"),
    MetricSpec("date_interval", "date inside gold date..date_end (open start when null)"),
    MetricSpec("country", "country (ISO code) = gold"),
    MetricSpec("country_answerable", "country = gold, country named in the text"),
    MetricSpec("country_named", "country = gold, text names the country or a place in it"),
    MetricSpec("admin1", "admin1 = gold after normalisation"),
    MetricSpec("admin1_answerable", "admin1 = gold, region named in the text"),
    MetricSpec("location", "main place name = gold location after normalisation"),
    MetricSpec("location_answerable", "location = gold, place named in the text"),
    MetricSpec("geo_within_10km", "point within 10 km of precise gold coordinates"),
    MetricSpec("geo_within_25km", "point within 25 km of precise gold coordinates"),
    MetricSpec("geo_within_50km", "point within 50 km of precise gold coordinates"),
    MetricSpec("geo_median_km", "median distance (km) where both points exist", False),
    MetricSpec("geo_over_1000km", "records with both points more than 1,000 km apart", False),
    MetricSpec(
        "geo_over_1000km_named",
        "more than 1,000 km apart, text names the country or a place in it",
        False,
    ),
    MetricSpec("perpetrator_class", "perpetrator coarse class = gold"),
    MetricSpec("victim_class", "victim coarse class = gold"),
    MetricSpec("actor_pair_class", "unordered {perpetrator, victim} classes = gold dyad"),
    MetricSpec("event_type", "event type agrees with the source's type"),
    MetricSpec("detect_recall", "relevant reports given an incident"),
    MetricSpec("detect_precision", "reports given an incident that are relevant"),
    MetricSpec("detect_fp_share", "irrelevant reports given an incident", False),
    MetricSpec("event_killed_recall", "gold events (killed > 0) whose count an incident has"),
    MetricSpec("incidents_per_1000", "incidents per 1,000 unlabelled reports", False, 1000.0),
    MetricSpec("reports_with_incident", "unlabelled reports given an incident", False),
    # real articles in the annotation format (articles.py, pairs.py)
    MetricSpec("doc_toll_exact", "document toll = gold doc_toll"),
    MetricSpec("doc_toll_within10", "document toll within 10% of doc_toll (at least +-1)"),
    MetricSpec("doc_toll_exact_killed", "document toll exact where someone died (doc_toll >= 1)"),
    MetricSpec("incident_precision", "predicted killed figures matched to a gold incident"),
    MetricSpec("incident_recall", "gold incidents with a figure matched by a predicted one"),
    MetricSpec("incident_f1", "harmonic mean of incident precision and recall (n: gold)"),
    MetricSpec("claim_precision", "predicted claim figures matched to a gold claim"),
    MetricSpec("claim_recall", "gold claims with a figure matched by a predicted claim"),
    MetricSpec("claim_f1", "harmonic mean of claim precision and recall (n: gold)"),
    MetricSpec("claims_as_incidents", "gold claims whose figure was given as an incident", False),
    MetricSpec("matched_date", "matched incidents: predicted start inside the gold dates"),
    MetricSpec("matched_country", "matched incidents: same country"),
    MetricSpec("matched_counted", "matched incidents: counted in the toll exactly when gold is"),
    MetricSpec("background_found", "matched gold background incidents flagged background"),
    MetricSpec("irrelevant_with_toll", "irrelevant reports given a toll >= 1", False),
    MetricSpec("irrelevant_with_incident", "irrelevant reports given a news incident", False),
    MetricSpec("relevant_missed", "relevant reports given no news incident", False),
    MetricSpec("pair_precision", "report pairs put in one event that share a gold group"),
    MetricSpec("pair_recall", "report pairs sharing a gold group put in one event"),
    MetricSpec("pair_f1", "harmonic mean of pair precision and recall (n: gold pairs)"),
)
F1_METRICS = {"incident_f1": "incident", "claim_f1": "claim", "pair_f1": "pair"}
METRIC_SPECS = {spec.name: spec for spec in METRICS}


@dataclass(frozen=True)
class MetricValue:
    """One figure: `value` (a share, a mean or a median), over `n` records."""

    name: str
    value: float | None
    n: int
    hits: int | None = None


@dataclass
class Tally:
    hits: int = 0
    n: int = 0

    def add(self, hit: bool) -> None:
        self.n += 1
        self.hits += int(hit)

    @property
    def share(self) -> float | None:
        return self.hits / self.n if self.n else None


@dataclass
class DatasetScores:
    """Running tallies for one dataset (a `source_dataset` value)."""

    dataset: str
    records: int = 0
    labelled: int = 0
    unlabelled_incidents: int = 0  # top-level incidents given to unlabelled records
    tallies: dict[str, Tally] = field(default_factory=dict)
    distances_km: list[float] = field(default_factory=list)
    # by the gold's precision code: the distance of each scored record (None: no point)
    distances_by_precision: dict[int, list[float | None]] = field(default_factory=dict)
    log_errors: list[float] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    # annotation-format records: the same scores per language ("en", "fr", ...)
    languages: dict[str, DatasetScores] = field(default_factory=dict)

    def language(self, lang: str) -> DatasetScores:
        """The scores of this dataset's records in language `lang` (made on first use)."""
        return self.languages.setdefault(lang, DatasetScores(f"{self.dataset} [{lang}]"))

    @property
    def family(self) -> str:
        return dataset_family(self.dataset)

    def add(self, metric: str, hit: bool) -> None:
        """Count one scored record for `metric`."""
        self.tallies.setdefault(metric, Tally()).add(hit)

    def metrics(self) -> list[MetricValue]:
        """Every metric with at least one scored record, in `METRICS` order."""
        values: dict[str, MetricValue] = {
            name: MetricValue(name, t.hits / t.n, t.n, t.hits)
            for name, t in self.tallies.items()
            if t.n
        }
        if self.log_errors:
            values["killed_log_mae"] = MetricValue(
                "killed_log_mae", statistics.fmean(self.log_errors), len(self.log_errors)
            )
        if self.distances_km:
            values["geo_median_km"] = MetricValue(
                "geo_median_km", statistics.median(self.distances_km), len(self.distances_km)
            )
        values.update(self._f1_values())
        unlabelled = self.records - self.labelled
        if unlabelled:
            values["incidents_per_1000"] = MetricValue(
                "incidents_per_1000", 1000.0 * self.unlabelled_incidents / unlabelled, unlabelled
            )
        return [values[spec.name] for spec in METRICS if spec.name in values]

    def _f1_values(self) -> dict[str, MetricValue]:
        out = {}
        for name, prefix in F1_METRICS.items():
            precision = self.tallies.get(f"{prefix}_precision")
            recall = self.tallies.get(f"{prefix}_recall")
            if recall is None or not recall.n:
                continue
            # no predicted figure at all: precision is undefined, F1 counts it as 0
            p = (precision.share if precision else None) or 0.0
            r = recall.share or 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out[name] = MetricValue(name, f1, recall.n)
        return out


def split_language(dataset: str) -> tuple[str, str | None]:
    """A language block's name split into dataset and language.

    >>> split_language("news-real [fr]"), split_language("gva-news")
    (('news-real', 'fr'), ('gva-news', None))
    """
    if dataset.endswith("]") and " [" in dataset:
        base, lang = dataset[:-1].rsplit(" [", 1)
        return base, lang
    return dataset, None


def geo_by_precision(scores: DatasetScores) -> dict[str, dict[str, float | int | None]]:
    """Distance figures per gold precision code (0 = the source gives none)."""
    out: dict[str, dict[str, float | int | None]] = {}
    for code, values in sorted(scores.distances_by_precision.items()):
        found = [v for v in values if v is not None]
        out[str(code)] = {
            "n": len(values),
            "with_point": len(found),
            "median_km": statistics.median(found) if found else None,
            "within_25km": sum(v <= 25 for v in found) / len(values),
        }
    return out


def within_ten_percent(predicted: int | None, gold: int) -> bool:
    """|predicted - gold| <= max(1, 10% of gold); None never matches.

    >>> within_ten_percent(11, 10), within_ten_percent(1, 0), within_ten_percent(12, 10)
    (True, True, False)
    """
    if predicted is None:
        return False
    return abs(predicted - gold) <= max(1.0, 0.1 * gold)


def in_interval(value: int | None, low: int | None, high: int | None) -> bool:
    """low <= value <= high; a None bound is open; a None value never matches."""
    if value is None:
        return False
    return (low is None or low <= value) and (high is None or value <= high)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (mean Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def predicted_killed(rec: GoldRecord, pred: Prediction) -> int | None:
    """The predicted count a record's gold is compared with.

    MUC's `gold` is the most lethal of the report's incidents (one answer-key
    template), so it is compared with the main incident's toll; the other sources
    code the whole report's event, compared with the document toll.
    """
    if dataset_family(rec.dataset) == "muc":
        return pred.killed_main if pred.incidents else pred.killed
    return pred.killed


def _score_killed(s: DatasetScores, rec: GoldRecord, g: GoldFields, pred: Prediction) -> None:
    answerable = rec.answerable.get("killed_in_text") is True
    predicted = predicted_killed(rec, pred)
    if g.killed is not None:
        exact = predicted == g.killed
        near = within_ten_percent(predicted, g.killed)
        s.add("killed_exact", exact)
        s.add("killed_within10", near)
        same_side = predicted is not None and (predicted > 0) == (g.killed > 0)
        s.add("killed_zero_nonzero", same_side)
        if g.killed > 0:
            s.add("killed_exact_nonzero", exact)
        if answerable:
            s.add("killed_exact_answerable", exact)
            s.add("killed_within10_answerable", near)
        if predicted is not None:
            s.log_errors.append(abs(math.log1p(predicted) - math.log1p(g.killed)))
    if g.killed_low is not None:
        s.add("killed_interval", in_interval(predicted, g.killed_low, g.killed_high))


def _score_wounded(s: DatasetScores, g: GoldFields, pred: Prediction) -> None:
    if g.wounded is not None:
        s.add("wounded_exact", pred.wounded == g.wounded)
        s.add("wounded_within10", within_ten_percent(pred.wounded, g.wounded))


def _score_date(s: DatasetScores, rec: GoldRecord, g: GoldFields, pred: Prediction) -> None:
    start = pred.date_start
    single_day = g.date is not None and g.date_end in (None, g.date)
    if g.date is not None and single_day and (rec.date_precision or 1) <= 1:
        exact = start == g.date
        s.add("date_exact", exact)
        s.add("date_within_1d", start is not None and abs((start - g.date).days) <= 1)
        if date_in_text(rec.text, g.date):
            s.add("date_exact_stated", exact)
    if g.date_end is not None:
        s.add(
            "date_interval",
            start is not None
            and (g.date is None or g.date <= start)
            and start <= g.date_end,
        )


def _geo_precise(rec: GoldRecord) -> bool:
    family, prec = dataset_family(rec.dataset), rec.geo_precision
    if prec is None:
        return True
    if family == "ucdp":
        return prec <= 3
    if family == "acled":
        return prec <= 2
    return prec <= 2


_PLACE_FLAGS = ("country_in_text", "admin1_in_text", "location_in_text")


def names_a_place(rec: GoldRecord) -> bool:
    """True when the text writes the gold country, province or place (issue 10's
    "the text names the country or a place in it"), by the gold's answerable flags."""
    return any(rec.answerable.get(flag) is True for flag in _PLACE_FLAGS)


def _score_place(s: DatasetScores, rec: GoldRecord, g: GoldFields, pred: Prediction) -> None:
    gold_code = country_code(g.country)
    named = names_a_place(rec)
    if g.country is not None and gold_code is None:
        s.notes[f"unresolved gold country: {g.country}"] += 1
    if gold_code is not None:
        s.add("country", pred.country == gold_code)
        if rec.answerable.get("country_in_text") is True:
            s.add("country_answerable", pred.country == gold_code)
        if named:
            s.add("country_named", pred.country == gold_code)
    if g.admin1 is not None:
        hit = same_admin1(g.admin1, pred.admin1, gold_code)
        s.add("admin1", hit)
        if rec.answerable.get("admin1_in_text") is True:
            s.add("admin1_answerable", hit)
    if g.location is not None:
        hit = same_place(g.location, pred.location)
        s.add("location", hit)
        if rec.answerable.get("location_in_text") is True:
            s.add("location_answerable", hit)
    if g.lat is None or g.lon is None or not _geo_precise(rec):
        return
    by_precision = s.distances_by_precision.setdefault(rec.geo_precision or 0, [])
    if pred.lat is None or pred.lon is None:
        by_precision.append(None)
        for km in (10, 25, 50):
            s.add(f"geo_within_{km}km", False)
        return
    distance = haversine_km(g.lat, g.lon, pred.lat, pred.lon)
    by_precision.append(distance)
    s.distances_km.append(distance)
    for km in (10, 25, 50):
        s.add(f"geo_within_{km}km", distance <= km)
    s.add("geo_over_1000km", distance > 1000)  # a continent away: the wrong namesake
    if named:
        s.add("geo_over_1000km_named", distance > 1000)


def _score_actors(s: DatasetScores, g: GoldFields, pred: Prediction) -> None:
    gold_perp, gold_victim = actor_class(g.perpetrator), actor_class(g.victim)
    if s.family == "ucdp":
        if gold_perp is None or gold_victim is None:
            return
        predicted = sorted(c or "none" for c in (pred.perpetrator_class, pred.victim_class))
        s.add("actor_pair_class", predicted == sorted((gold_perp, gold_victim)))
        return
    if gold_perp is not None:
        s.add("perpetrator_class", pred.perpetrator_class == gold_perp)
    if gold_victim is not None:
        s.add("victim_class", pred.victim_class == gold_victim)


def _score_event_type(s: DatasetScores, g: GoldFields, pred: Prediction) -> None:
    if g.event_type is None:
        return
    s.confusion[(g.event_type, pred.event_type or "none")] += 1
    accepted = accepted_event_types(s.family, g.event_type)
    if accepted is not None:
        s.add("event_type", pred.event_type in accepted)


def _score_detection(s: DatasetScores, rec: GoldRecord, pred: Prediction) -> None:
    if rec.relevant is True:
        s.add("detect_recall", pred.relevant)
    elif rec.relevant is False:
        s.add("detect_fp_share", pred.relevant)
    if pred.relevant and rec.relevant is not None:
        s.add("detect_precision", rec.relevant)


def _score_events(s: DatasetScores, rec: GoldRecord, pred: Prediction) -> None:
    for event in rec.events:
        if event.killed is not None and event.killed > 0:
            s.add("event_killed_recall", event.killed in pred.killed_values)


def score_record(scores: DatasetScores, record: GoldRecord, prediction: Prediction) -> None:
    """Add one record's prediction to its dataset's tallies."""
    scores.records += 1
    _score_detection(scores, record, prediction)
    if record.gold is None:
        scores.unlabelled_incidents += prediction.incidents
        scores.add("reports_with_incident", prediction.relevant)
        return
    scores.labelled += 1
    g = record.gold
    _score_killed(scores, record, g, prediction)
    _score_wounded(scores, g, prediction)
    _score_events(scores, record, prediction)
    if record.relevant is False:
        # A known non-event (an ACLED peaceful protest): giving it no incident is
        # right, so its date, place, actors and type are not held against the
        # extraction; its event type still enters the confusion summary.
        if g.event_type is not None:
            scores.confusion[(g.event_type, prediction.event_type or "none")] += 1
        return
    _score_date(scores, record, g, prediction)
    _score_place(scores, record, g, prediction)
    _score_actors(scores, g, prediction)
    _score_event_type(scores, g, prediction)
