"""The extraction pipeline: one report in, its incidents out.

    report -> clean -> candidate sentences -> cues, tolls, dates, places, actors,
    sources -> incidents

Loaded services (gazetteer, actor dictionary) live in `Resources`, built once per
process and passed in; nothing is global.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import dictionary as actors_stage
from .actors import sources as sources_stage
from .dates import order as dates_order
from .dates import resolve as dates_stage
from .errors import TollwatchError
from .incidents import build as incidents_stage
from .places import gazetteer as gazetteer_stage
from .places import geocode as places_stage
from .read import cleaning as clean_stage
from .read import language as language_stage
from .records import CleanText, Extraction, Mentions, Report
from .settings import Settings
from .tolls import find as tolls_stage
from .violence import detect as violence_stage


@dataclass(frozen=True)
class Resources:
    """Services the stages need, loaded once and shared by every report of a run."""

    gazetteer: gazetteer_stage.Gazetteer
    actors: actors_stage.ActorDictionary
    languages: language_stage.LanguageDetector = field(
        default_factory=language_stage.LanguageDetector
    )


def load_resources(settings: Settings) -> Resources:
    """Load the gazetteer (with the lookups the places stage derives from it), the actor
    dictionary named by `settings` and the language model."""
    gazetteer = gazetteer_stage.load_gazetteer(settings)
    places_stage.prepare_gazetteer(gazetteer)
    return Resources(
        gazetteer=gazetteer,
        actors=actors_stage.load_actors(settings),
        languages=language_stage.LanguageDetector.loaded(),
    )


def find_mentions(
    clean: CleanText, report: Report, settings: Settings, resources: Resources,
    language: str | None = None,
) -> Mentions:
    """Run every finder over the sentences that may hold violence.

    Dates are read in every content sentence (cheap: one pre-check per sentence),
    since an incident without a date of its own takes the report's first event date.
    """
    sentences = violence_stage.candidate_sentences(clean)
    if not sentences:
        return _opening_places(clean, settings, resources, language)
    actors = tuple(actors_stage.find_actors(clean, sentences, resources.actors))
    places = (
        places_stage.find_places(clean, sentences, resources.gazetteer, settings, language)
        if settings.geocode
        else []
    )
    return Mentions(
        tolls=tuple(tolls_stage.find_tolls(clean, sentences, settings, language=language)),
        dates=tuple(
            dates_stage.find_dates(clean, clean.content(), report.published, settings,
                                   source=report.url or report.outlet)
        ),
        places=tuple(places),
        actors=actors,
        sources=tuple(sources_stage.find_sources(clean, sentences, resources.actors, actors)),
        cues=tuple(violence_stage.find_cues(clean, sentences, settings, language=language)),
    )


# content sentences read for the place of a report with no sign of violence
QUIET_PLACE_SENTENCES = 2


# a word of a person's name: "Hijazi", "al-Saeid", "bin"
_NAME_WORD = re.compile(r"(?:[A-Z][a-z'’]+|(?:al|el|bin|ibn|bint|abu)(?:-[A-Z][a-z'’]+)?)$")
_LIST_NUMBER = re.compile(r"\d{1,2}$")  # "Unidentified 3": the third unnamed person


def _names_only(text: str) -> bool:
    """Whether a line is a list of people's names ("Karim Haddad Yusuf Musa al-Sabri
    Unidentified 2"): five name words or more, each word a capitalised name word or a
    small number. Its names that are also places (a town "Musa") are no place of the
    report."""
    words = text.split()
    names = [w for w in words if _NAME_WORD.match(w)]
    return len(names) >= 5 and all(_NAME_WORD.match(w) or _LIST_NUMBER.match(w) for w in words)


def _opening_places(
    clean: CleanText, settings: Settings, resources: Resources, language: str | None = None
) -> Mentions:
    """The places of a report with no sign of violence, read in its headline and first
    sentences only: an arrest or a dated line ("Raqqa city, Raqqa governorate, Syria")
    still says where it is (the report's own place, places/fallback.document_place)."""
    if not settings.geocode:
        return Mentions()
    content = clean.content()
    keep = {s.index for s in content[:QUIET_PLACE_SENTENCES]}
    keep.update(s.index for s in content if s.headline)
    opening = [s for s in content if s.index in keep and not _names_only(s.text)]
    if not opening:
        return Mentions()
    places = places_stage.find_places(clean, opening, resources.gazetteer, settings, language)
    return Mentions(places=tuple(places))


def extract(
    report: Report, *, settings: Settings | None = None, resources: Resources | None = None
) -> Extraction:
    """Extract the incidents of one report.

    >>> from tollwatch import Report, extract
    >>> extract(Report(id="r1", text="No casualties were reported.")).incidents
    []
    """
    settings = settings or Settings()
    resources = resources or load_resources(settings)
    warnings: list[str] = []
    if len(report.text) > settings.max_report_chars:
        warnings.append(
            f"text has {len(report.text):,} characters; only the first "
            f"{settings.max_report_chars:,} were read (raise max_report_chars to read more)"
        )
        report = Report(**{**report.__dict__, "text": report.text[: settings.max_report_chars]})
    language = resources.languages.detect(report.text, report.language)
    note = language_stage.language_warning(language)
    if note:
        warnings.append(note)
    try:
        cleaned = clean_stage.clean(report, settings)
        mentions = find_mentions(cleaned, report, settings, resources, language.code)
        warnings.extend(dates_order.order_warnings(mentions.dates))
        document = incidents_stage.build_document(cleaned, mentions, report, settings)
    except TollwatchError as err:
        return Extraction(report.id, [], warnings, error=str(err), report=report,
                          language=language)
    return Extraction(
        report.id, document.incidents, warnings, report=report, language=language,
        relevance=document.relevance, place=document.place,
    )
