"""Stage: places. `CleanText`, sentences and the gazetteer in; `PlaceMention`s out.

    names (keys that fold spellings) -> scan (candidate names in a sentence) ->
    rules (frames: "X province", "near X") -> geocode (find_places: choose a place)

The gazetteer itself (model, build, GeoNames import, cache) is the subpackage
`places.gazetteer`; docs/places.md describes the rules.
"""

from .geocode import document_country, find_places, prepare_gazetteer

__all__ = ["document_country", "find_places", "prepare_gazetteer"]
