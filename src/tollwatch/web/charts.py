"""The timeline as plain SVG shapes (no JavaScript): stacked bars of killed per period."""

from __future__ import annotations

from dataclasses import dataclass

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
)  # fmt: skip
MAX_GROUPS = 9  # the rest are stacked as "other"
WIDTH, HEIGHT, MARGIN = 900, 300, 40


@dataclass(frozen=True)
class Bar:
    """One rectangle of the chart, with its tooltip."""

    x: float
    y: float
    width: float
    height: float
    color: str
    title: str


@dataclass
class Chart:
    """A stacked bar chart ready for the template."""

    bars: list[Bar]
    legend: list[tuple[str, str]]
    periods: list[tuple[float, str]]  # x of the label, label (a few only)
    top: int
    width: int = WIDTH
    height: int = HEIGHT


def stacked(rows: list[tuple[str, str, int]]) -> Chart:
    """Rows (period, group, killed) as stacked bars, the largest groups first."""
    totals: dict[str, int] = {}
    for _, group, killed in rows:
        totals[group] = totals.get(group, 0) + killed
    ranked = sorted(totals, key=lambda g: (-totals[g], g))
    kept = ranked[:MAX_GROUPS]
    names = {g: g if g in kept else "other" for g in ranked}
    colors = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate([*kept, "other"])}
    periods = sorted({p for p, _, _ in rows})
    stacks: dict[str, dict[str, int]] = {p: {} for p in periods}
    for period, group, killed in rows:
        name = names[group]
        stacks[period][name] = stacks[period].get(name, 0) + killed
    top = max((sum(s.values()) for s in stacks.values()), default=0) or 1
    inner_w, inner_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    slot = inner_w / max(len(periods), 1)
    bars: list[Bar] = []
    for i, period in enumerate(periods):
        base = float(HEIGHT - MARGIN)
        for name in [*kept, "other"]:
            killed = stacks[period].get(name, 0)
            if not killed:
                continue
            h = killed / top * inner_h
            base -= h
            bars.append(Bar(MARGIN + i * slot + slot * 0.1, base, max(slot * 0.8, 1), h,
                            colors[name], f"{period} · {name}: {killed} killed"))  # fmt: skip
    every = max(1, len(periods) // 8)
    labels = [(MARGIN + i * slot + slot / 2, p) for i, p in enumerate(periods) if i % every == 0]
    used = [n for n in [*kept, "other"] if any(b.color == colors[n] for b in bars)]
    return Chart(bars, [(n, colors[n]) for n in used], labels, top)
