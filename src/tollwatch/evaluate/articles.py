"""Score extractions against annotation-format records (real articles: gva-news, news-real).

Unlike the other gold sets, these label every incident of a report, so a report is
scored incident by incident (docs/quality.md, "Real articles"):

* the **document toll** (`document_toll`: the contract's toll with background
  incidents left out; 0 when there is none) against `doc_toll`;
* **figures matched one to one**: each predicted killed figure (`killed.best` of a
  non-claim incident, aggregate or part, background included) to at most one
  gold incident whose killed low..high, widened by one, holds it; claims are
  matched with claims alone. Precision, recall and F1 follow, then the date,
  country and counting (counted / part / background) of the matched pairs;
* **relevance**: irrelevant reports given a toll or an incident, relevant ones
  given none.

Every figure is added to the dataset's scores and to its language's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Extraction, Incident
from .annotation import Annotation, GoldIncident
from .gold import GoldRecord
from .metrics import DatasetScores, within_ten_percent
from .normalise import country_code
from .predict import top_level_incidents

WIDEN = 1  # a predicted figure may lie one outside the gold's low..high


def is_background(incident: Incident) -> bool:
    """The extraction's background flag (an earlier event told as context), if it has one."""
    return bool(getattr(incident, "background", False))


def news_incidents(extraction: Extraction) -> list[Incident]:
    """Top-level incidents and aggregates that are news: not claims, not background."""
    return [i for i in top_level_incidents(extraction) if not is_background(i)]


def document_toll(extraction: Extraction) -> int | None:
    """The contract's document toll, background left out: killed.best summed over
    `news_incidents`; None when none has a figure (`Extraction.toll()` less background)."""
    values = [best for i in news_incidents(extraction) if (best := _killed(i)) is not None]
    return sum(values) if values else None


def counted_ids(extraction: Extraction) -> set[str]:
    """Ids of the incidents that add to the document toll."""
    return {i.id for i in news_incidents(extraction)}


def _killed(incident: Incident) -> int | None:
    return incident.killed.best if incident.killed is not None else None


def date_agrees(incident: Incident, gold: GoldIncident) -> bool | None:
    """The predicted start lies in the gold's date interval; None when gold has no date."""
    if gold.date_start is None:
        return None
    start = incident.date.start if incident.date is not None else None
    end = gold.date_end or gold.date_start
    return start is not None and gold.date_start <= start <= end


def country_agrees(incident: Incident, gold: GoldIncident) -> bool | None:
    """Same ISO country; None when gold has no country (or one that resolves to no code)."""
    wanted = country_code(gold.country)
    if wanted is None:
        return None
    place = incident.place
    return place is not None and country_code(place.country) == wanted


def _preference(incident: Incident, gold: GoldIncident) -> tuple[int, int, int, int]:
    """Which compatible gold a figure should take first: closest best, then same kind, date,
    country (so two equal figures go to the gold incidents whose date and place they share)."""
    value, best = _killed(incident), gold.killed_best
    gap = abs(value - best) if value is not None and best is not None else 1 << 30
    same_kind = incident.kind == gold.kind
    return (gap, not same_kind, date_agrees(incident, gold) is False,
            country_agrees(incident, gold) is False)


def match_figures(
    predicted: Sequence[Incident], gold: Sequence[GoldIncident]
) -> list[tuple[int, int]]:
    """A one-to-one matching of predicted figures to gold incidents, as (pred, gold) indices.

    A pair is allowed when the predicted `killed.best` lies within the gold's
    killed low..high widened by one (`GoldToll.admits`). The matching has the
    largest possible number of pairs (augmenting paths, Kuhn's algorithm); each
    predicted figure tries the gold incidents in `_preference` order.

    >>> from tollwatch.records import Toll
    >>> from tollwatch.evaluate.annotation import GoldToll
    >>> p = [Incident("a", "incident", killed=Toll(7, 7, 7))]
    >>> match_figures(p, [GoldIncident("x", killed=GoldToll(best=8))])
    [(0, 0)]
    """
    options = [
        sorted(
            (j for j, g in enumerate(gold) if g.killed and g.killed.admits(_killed(p), WIDEN)),
            key=lambda j, p=p: _preference(p, gold[j]),  # type: ignore[misc]
        )
        for p in predicted
    ]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass(frozen=True)
class FigureSides:
    """The figures of one report on each side: non-claims and claims, with a figure."""

    predicted: list[Incident]
    gold: list[GoldIncident]
    predicted_claims: list[Incident]
    gold_claims: list[GoldIncident]


def figure_sides(extraction: Extraction, annotation: Annotation) -> FigureSides:
    """Split both sides into non-claim and claim figures (incidents without a figure left out)."""
    predicted = [i for i in extraction.incidents if _killed(i) is not None]
    gold = [g for g in annotation.incidents if g.killed_best is not None]
    return FigureSides(
        predicted=[i for i in predicted if i.kind != "claim"],
        gold=[g for g in gold if g.kind != "claim"],
        predicted_claims=[i for i in predicted if i.kind == "claim"],
        gold_claims=[g for g in gold if g.kind == "claim"],
    )


def _score_toll(s: DatasetScores, annotation: Annotation, extraction: Extraction) -> None:
    toll = document_toll(extraction)
    predicted = toll if toll is not None else 0
    if annotation.doc_toll is None:
        return
    exact = predicted == annotation.doc_toll
    s.add("doc_toll_exact", exact)
    s.add("doc_toll_within10", within_ten_percent(predicted, annotation.doc_toll))
    if annotation.doc_toll >= 1:
        s.add("doc_toll_exact_killed", exact)


def _score_relevance(s: DatasetScores, annotation: Annotation, extraction: Extraction) -> None:
    news = news_incidents(extraction)
    toll = document_toll(extraction) or 0
    if annotation.relevant is False:
        s.add("irrelevant_with_toll", toll >= 1)
        s.add("irrelevant_with_incident", bool(news))
    elif annotation.relevant is True:
        s.add("relevant_missed", not news)


def _tally_matching(
    s: DatasetScores, prefix: str, predicted: Sequence[Incident], gold: Sequence[GoldIncident]
) -> list[tuple[int, int]]:
    """Match, then add `<prefix>_precision` per predicted and `<prefix>_recall` per gold."""
    pairs = match_figures(predicted, gold)
    matched_pred, matched_gold = {i for i, _ in pairs}, {j for _, j in pairs}
    for i in range(len(predicted)):
        s.add(f"{prefix}_precision", i in matched_pred)
    for j in range(len(gold)):
        s.add(f"{prefix}_recall", j in matched_gold)
    return pairs


def _score_figures(s: DatasetScores, sides: FigureSides, counted: set[str]) -> None:
    pairs = _tally_matching(s, "incident", sides.predicted, sides.gold)
    matched_pred = {i for i, _ in pairs}
    for i, j in pairs:
        incident, gold = sides.predicted[i], sides.gold[j]
        for name, agrees in (
            ("matched_date", date_agrees(incident, gold)),
            ("matched_country", country_agrees(incident, gold)),
        ):
            if agrees is not None:
                s.add(name, agrees)
        s.add("matched_counted", (incident.id in counted) == gold.counted)
        if gold.background:
            s.add("background_found", is_background(incident))
    unmatched = [p for i, p in enumerate(sides.predicted) if i not in matched_pred]
    _score_claims(s, sides, unmatched)


def _score_claims(s: DatasetScores, sides: FigureSides, unmatched: list[Incident]) -> None:
    _tally_matching(s, "claim", sides.predicted_claims, sides.gold_claims)
    for gold in sides.gold_claims:
        if gold.killed is not None:
            # the claim's figure given as an incident of the report instead
            s.add("claims_as_incidents", any(gold.killed.admits(_killed(p)) for p in unmatched))


def score_annotated(scores: DatasetScores, record: GoldRecord, extraction: Extraction) -> None:
    """Add one annotation-format record to its dataset's scores and to its language's."""
    annotation = record.annotation
    if annotation is None:
        return
    targets = [scores]
    if annotation.lang:
        targets.append(scores.language(annotation.lang))
    sides = figure_sides(extraction, annotation)
    counted = counted_ids(extraction)
    for s in targets:
        s.records += 1
        s.labelled += 1
        if extraction.error is not None:
            s.notes["extraction errors (scored as no prediction)"] += 1
        _score_toll(s, annotation, extraction)
        _score_relevance(s, annotation, extraction)
        _score_figures(s, sides, counted)
