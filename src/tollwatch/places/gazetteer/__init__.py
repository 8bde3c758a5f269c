"""The offline gazetteer: places by normalised name.

    model (Gazetteer, Place, GazetteerBuilder) <- build (packaged data, user files)
                                               <- geonames (GeoNames dump import)
    cache (load_gazetteer: build once, pickle, load) uses build and geonames

The model depends on no builder or importer.
"""

from .cache import load_gazetteer
from .model import Gazetteer, GazetteerBuilder, Place, PlaceKind

__all__ = ["Gazetteer", "GazetteerBuilder", "Place", "PlaceKind", "load_gazetteer"]
