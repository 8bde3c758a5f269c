"""Numbers and quantity phrases (tollwatch.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tollwatch.tolls.numbers import find_quantities, parse_number, parse_spanish_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("12", 12, id="digits"),
        pytest.param("1,200", 1200, id="thousands-comma"),
        pytest.param("eight", 8, id="word"),
        pytest.param("TWENTY", 20, id="upper-case-word"),
        pytest.param("twenty-six", 26, id="hyphenated-tens"),
        pytest.param("twenty six", 26, id="spaced-tens"),
        pytest.param("one hundred and five", 105, id="hundred-and"),
        pytest.param("two hundred", 200, id="hundreds"),
        pytest.param("three thousand four hundred", 3400, id="thousands-words"),
        pytest.param("a dozen", 12, id="a-dozen"),
        pytest.param("two dozen", 24, id="two-dozen"),
        pytest.param("half a dozen", 6, id="half-a-dozen"),
        pytest.param("a hundred", 100, id="a-hundred"),
        pytest.param("a", 1, id="article-a"),
        pytest.param("an", 1, id="article-an"),
        pytest.param("zero", 0, id="zero"),
        pytest.param("12 million", 12_000_000, id="digits-million"),
        pytest.param("1.5 million", 1_500_000, id="decimal-million"),
        pytest.param("2.35 million", 2_350_000, id="two-decimals-million"),
        pytest.param("3 thousand", 3000, id="digits-thousand"),
    ],
)
def test_parse_number_reads(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("two three", id="list-of-units"),
        pytest.param("twenty thirty", id="list-of-tens"),
        pytest.param("fifth", id="ordinal"),
        pytest.param("several", id="vague-word"),
        pytest.param("", id="empty"),
        pytest.param("3.5", id="decimal"),
        pytest.param("soldiers", id="noun"),
    ],
)
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


def test_spanish_numbers_are_separate() -> None:
    assert parse_spanish_number("dos") == 2
    assert parse_spanish_number("veinte") == 20
    assert parse_number("once") is None  # English "once" is no number


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "flag"),
    [
        pytest.param("exactly 7 were hurt", 7, 7, 7, None, id="bare-figure"),
        pytest.param("at least 5", 5, 5, None, "lower_bound", id="at-least"),
        pytest.param("no fewer than 5", 5, 5, None, "lower_bound", id="no-fewer-than"),
        pytest.param("more than 60", 61, 61, None, "lower_bound", id="more-than-adds-one"),
        pytest.param("over 60", 61, 61, None, "lower_bound", id="over"),
        pytest.param("nearly 30", None, 30, 30, "approx", id="nearly"),
        pytest.param("almost thirty", None, 30, 30, "approx", id="almost-word"),
        pytest.param("fewer than 10", None, 9, 9, "upper_bound", id="fewer-than"),
        pytest.param("up to 20", None, 20, 20, "upper_bound", id="up-to"),
        pytest.param("as many as 40", None, 40, 40, "upper_bound", id="as-many-as"),
        pytest.param("about 40", None, 40, None, "approx", id="about"),
        pytest.param("some 200", None, 200, None, "approx", id="some-number"),
        pytest.param("roughly 15", None, 15, None, "approx", id="roughly"),
        pytest.param("between 10 and 15", 10, 10, 15, "range", id="between-and"),
        pytest.param("10 to 15", 10, 10, 15, "range", id="to-range"),
        pytest.param("10-15", 10, 10, 15, "range", id="hyphen-range"),
        pytest.param("two or three", 2, 2, 3, "range", id="or-range"),
        pytest.param("dozens", 24, 24, None, "vague", id="dozens"),
        pytest.param("scores", 40, 40, None, "vague", id="scores"),
        pytest.param("hundreds", 200, 200, None, "vague", id="hundreds"),
        pytest.param("several", 3, 3, None, "vague", id="several"),
        pytest.param("a few", 2, 2, None, "vague", id="a-few"),
        pytest.param("many", 2, None, None, "vague", id="many-has-no-best"),
        pytest.param("a number", 2, None, None, "vague", id="a-number-of"),
        pytest.param("others", 1, None, None, "vague", id="others"),
    ],
)
def test_quantity_ranges(
    text: str, low: int | None, best: int | None, high: int | None, flag: str | None
) -> None:
    quantity = find_quantities(text)[0]
    assert (quantity.low, quantity.best, quantity.high) == (low, best, high)
    if flag:
        assert flag in quantity.flags


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("on 23 February", id="day-month"),
        pytest.param("on February 23", id="month-day"),
        pytest.param("the 2011 uprising", id="year"),
        pytest.param("a 12-year-old boy", id="age-hyphen"),
        pytest.param("aged 12", id="aged"),
        pytest.param("he was 63 years old", id="years-old"),
        pytest.param("the shooting that killed 6-y", id="age-cut-short-by-the-page"),
        pytest.param("Ana Reyes, 66 and Leo Reyes, 64 were found dead", id="ages-without-commas"),
        pytest.param("at 10:30", id="clock-time"),
        pytest.param("around 3 pm", id="pm"),
        pytest.param("paid $5,000", id="money-sign"),
        pytest.param("5 dollars", id="money-word"),
        pytest.param("20 percent", id="percent-word"),
        pytest.param("20%", id="percent-sign"),
        pytest.param("Brigade 47", id="unit-label"),
        pytest.param("Route 66", id="road-label"),
        pytest.param("an eight-year war", id="duration-adjective"),
        pytest.param("for two days", id="duration"),
        pytest.param("5 km away", id="distance"),
        pytest.param("shot 8 times", id="times"),
        pytest.param("3.5", id="decimal"),
        pytest.param("the 4th division", id="ordinal-digits"),
        pytest.param("one of the largest", id="one-of-the"),
        pytest.param("[size=around 80]", id="acled-size-tag"),
    ],
)
def test_not_counts(text: str) -> None:
    assert find_quantities(text) == []


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_quantities_are_ordered_ranges_inside_the_text(text: str) -> None:
    for quantity in find_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.text
        values = [v for v in (quantity.low, quantity.best, quantity.high) if v is not None]
        assert values == sorted(values)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("uprooted more than 12 million people", [("more than 12 million",
                                                                12_000_001)], id="more-than"),
        pytest.param("displaced 1.5 million", [("1.5 million", 1_500_000)], id="decimal"),
        pytest.param("a budget of 12 million dollars", [], id="money"),
    ],
)
def test_digits_and_a_scale_word_are_one_quantity(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(q.text, q.best) for q in find_quantities(text)] == expected
