"""The digest's two pictures, drawn offline as PNG with Pillow: a map and a sparkline.

    render_map(points) -> bytes        events as dots sized by killed over country outlines
                                       (new events filled red, revised ones orange rings)
    render_sparkline(days) -> bytes    killed per day as a small line chart

The country outlines are the world-atlas TopoJSON the web map ships
(web/static/vendor/world-atlas/countries-50m.json), decoded here without any network
access. Drawing is done at twice the size and scaled down, for smooth edges.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from ..errors import InputError

ATLAS = Path(__file__).resolve().parent.parent / "web" / "static" / "vendor" / "world-atlas" / (
    "countries-50m.json")
MAP_SIZE = (640, 320)
SPARK_SIZE = (400, 84)
SUPER = 2  # drawn at this multiple of the final size, then scaled down
SEA = (234, 241, 247)
LAND = (222, 222, 214)
BORDER = (150, 150, 140)
DOT = (200, 30, 30)
REVISED = (230, 120, 0)
INK = (60, 60, 60)
MIN_SPAN = 8.0  # degrees of latitude shown at least around the events
WORLD = (-180.0, -58.0, 180.0, 84.0)  # lon/lat box shown when there is no event

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapPoint:
    """One event on the map: where, and how many were killed (None: unknown)."""

    lat: float
    lon: float
    killed: int | None
    revised: bool = False  # an older event whose toll was revised (a ring, not a dot)


@dataclass(frozen=True)
class View:
    """The lon/lat box a map shows, and how it maps to pixels (equirectangular,
    longitudes shrunk by the cosine of the middle latitude)."""

    west: float
    south: float
    east: float
    north: float
    width: int
    height: int

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """Pixel (x, y) of a point, (0, 0) the top-left corner."""
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return x, y


# --- the atlas --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def country_rings() -> tuple[tuple[Ring, tuple[float, float, float, float]], ...]:
    """Every country's polygon rings (lon, lat) with their bounding boxes, decoded once
    from the packaged TopoJSON (quantized, delta-encoded arcs)."""
    try:
        data = json.loads(ATLAS.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"the packaged country outlines {ATLAS} cannot be read ({err}); "
                         "reinstall tollwatch") from err
    arcs = _arcs(data)
    out: list[tuple[Ring, tuple[float, float, float, float]]] = []
    for geometry in data["objects"]["countries"]["geometries"]:
        kind, parts = geometry.get("type"), geometry.get("arcs") or []
        polygons = [parts] if kind == "Polygon" else parts if kind == "MultiPolygon" else []
        for polygon in polygons:
            for indices in polygon:
                ring = _ring(arcs, indices)
                if len(ring) >= 3:
                    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
                    out.append((ring, (min(lons), min(lats), max(lons), max(lats))))
    return tuple(out)


def _arcs(data: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = data["transform"]["scale"], data["transform"]["translate"]
    arcs = []
    for arc in data["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indices: Sequence[int]) -> Ring:
    """The ring's points, its longitudes unwrapped: a ring across the antimeridian
    (Fiji, Chukotka) runs on past 180 instead of jumping back to -180."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(points):
        if i and abs(lon + shift - out[-1][0]) > 180:
            shift += 360 if out[-1][0] > lon + shift else -360
        out.append((lon + shift, lat))
    return tuple(out)


# --- the map ----------------------------------------------------------------------------


def fit_view(points: Sequence[MapPoint], size: tuple[int, int] = MAP_SIZE) -> View:
    """The box around `points` (padded, at least MIN_SPAN high) at the image's aspect;
    the world when there is no point."""
    width, height = size
    if not points:
        return View(*WORLD, width, height)
    lats, lons = [p.lat for p in points], [p.lon for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    shrink = max(math.cos(math.radians(mid_lat)), 0.2)
    span_lat = max(max(lats) - min(lats), MIN_SPAN) * 1.3
    span_lon = max((max(lons) - min(lons)) * 1.3, span_lat * width / height / shrink)
    span_lat = max(span_lat, span_lon * shrink * height / width)
    mid_lon = (min(lons) + max(lons)) / 2
    return View(mid_lon - span_lon / 2, mid_lat - span_lat / 2, mid_lon + span_lon / 2,
                mid_lat + span_lat / 2, width, height)


def dot_radius(killed: int | None) -> float:
    """A dot's radius in pixels: its area grows with the killed, capped at 26 px."""
    return min(3.0 + 2.2 * math.sqrt(max(killed or 0, 0)), 26.0)


def render_map(points: Sequence[MapPoint], size: tuple[int, int] = MAP_SIZE) -> bytes:
    """A PNG map of `points` over the country outlines (largest dots drawn first)."""
    view = fit_view(points, size)
    big = View(view.west, view.south, view.east, view.north, size[0] * SUPER, size[1] * SUPER)
    image = Image.new("RGB", (big.width, big.height), SEA)
    draw = ImageDraw.Draw(image)
    shown = [tuple((lon + turn, lat) for lon, lat in r) for r, box in country_rings()
             for turn in (-360.0, 0.0, 360.0) if _meets(box, view, turn)]
    for ring in shown:
        draw.polygon([big.project(lat, lon) for lon, lat in ring], fill=LAND)
    for ring in shown:
        draw.line([big.project(lat, lon) for lon, lat in ring] + [big.project(ring[0][1],
                  ring[0][0])], fill=BORDER, width=SUPER)
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    dots = ImageDraw.Draw(layer)
    for point in sorted(points, key=lambda p: -(p.killed or 0)):
        x, y = big.project(point.lat, point.lon)
        r = dot_radius(point.killed) * SUPER
        if point.revised:
            dots.ellipse((x - r, y - r, x + r, y + r), outline=(*REVISED, 255), width=2 * SUPER)
        else:
            dots.ellipse((x - r, y - r, x + r, y + r), fill=(*DOT, 150), outline=(*DOT, 255),
                         width=SUPER)
    image = Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")
    _caption(image, _legend(points))
    return _png(image.resize(size, Image.Resampling.LANCZOS))


def _legend(points: Sequence[MapPoint]) -> str:
    if not points:
        return "no event with a place in this period"
    new = sum(not p.revised for p in points)
    revised = len(points) - new
    parts = [f"{new} new event{'s' * (new != 1)} (red)"] if new else []
    parts += [f"{revised} revised (orange ring)"] if revised else []
    return ", ".join(parts) + "; area grows with the killed"


def _meets(box: tuple[float, float, float, float], view: View, turn: float) -> bool:
    west, south, east, north = box
    west, east = west + turn, east + turn
    return not (east < view.west or west > view.east or north < view.south
                or south > view.north)


# --- the sparkline ----------------------------------------------------------------------


def render_sparkline(days: Sequence[tuple[str, int]], size: tuple[int, int] = SPARK_SIZE) -> bytes:
    """A PNG line of killed per day (`days`: (YYYY-MM-DD, killed) in order), with the
    first and last day and the highest value written on it."""
    width, height = size[0] * SUPER, size[1] * SUPER
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    top, bottom, left, right = 22 * SUPER, height - 4 * SUPER, 4 * SUPER, width - 8 * SUPER
    values = [max(v, 0) for _, v in days]
    peak = max(values, default=0)
    if len(values) >= 2:
        step = (right - left) / (len(values) - 1)
        line = [(left + i * step, bottom - (v / peak if peak else 0) * (bottom - top))
                for i, v in enumerate(values)]
        draw.polygon([(left, bottom), *line, (right, bottom)], fill=(246, 208, 204))
        draw.line(line, fill=DOT, width=2 * SUPER, joint="curve")
        x, y = line[-1]
        draw.ellipse((x - 3 * SUPER, y - 3 * SUPER, x + 3 * SUPER, y + 3 * SUPER), fill=DOT)
    draw.line([(left, bottom), (right, bottom)], fill=BORDER, width=SUPER)
    font = _font(11 * SUPER)
    label = (f"killed per day, {days[0][0]} to {days[-1][0]}" if days else "no days")
    draw.text((left, 3 * SUPER), label, fill=INK, font=font)
    peak_text = f"max {peak}, total {sum(values)}"
    draw.text((right - draw.textlength(peak_text, font=font), 3 * SUPER), peak_text, fill=INK,
              font=font)
    return _png(image.resize(size, Image.Resampling.LANCZOS))


# --- shared ------------------------------------------------------------------------------


def _font(size: int) -> Any:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, ImportError):  # a Pillow without FreeType: the fixed bitmap font
        return ImageFont.load_default()


def _caption(image: Image.Image, text: str) -> None:
    draw = ImageDraw.Draw(image)
    font = _font(11 * SUPER)
    height = 16 * SUPER
    draw.rectangle((0, image.height - height, draw.textlength(text, font=font) + 8 * SUPER,
                    image.height), fill=(255, 255, 255))
    draw.text((4 * SUPER, image.height - height + 2 * SUPER), text, fill=INK, font=font)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
