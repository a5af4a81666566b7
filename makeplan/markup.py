"""The markup in an exercise's texts, filled in when they are printed.

Two kinds, each in braces:

- `{hold}`: the hold of the dose, so a step agrees with a plan that changes it
  ("Hold for {hold}." prints "Hold for 10 seconds.");
- a length in both systems of units, US first, then metric:
  `{3 ft | 1 m}`, `{a few in | 5 to 10 cm}`. A sheet prints one system: "3 feet"
  on a sheet in US units, "1 meter" on a metric one. Each side is an amount (a
  number like 3 or 1.5, a range like 5 to 10, or "a few") and a unit: in or ft,
  then cm or m. The writer picks both amounts, rounded as a patient would say
  them, rather than makeplan converting 3 ft into 0.9144 m.

Markup is read in `MARKUP_FIELDS`; other texts may not have braces, so a length
written where it is not read is a problem, not a sheet with braces on it. Every
problem says what is wrong and what is expected, for `library` to give with the
file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from makeplan.languages import gettext, is_english, ngettext

HOLD = "{hold}"
# The texts of an exercise whose markup is filled in; the others may have none.
MARKUP_FIELDS = ("ability_reason", "cue", "steps", "cautions")
PLAIN_FIELDS = ("name", "targets", "equipment", "key_caution")

US_UNITS = {"in": ("inch", "inches"), "ft": ("foot", "feet")}
METRIC_UNITS = {"cm": ("centimeter", "centimeters"), "m": ("meter", "meters")}
EXAMPLE = (
    "{hold}, or a length in US units (in, ft), then in metric (cm, m), "
    "like {3 ft | 1 m} or {a few in | 5 to 10 cm}"
)

_BRACES = re.compile(r"\{([^{}]*)\}")
_NUMBER = r"(?:\d+(?:\.\d+)?)"
_SIDE = re.compile(rf"(?P<amount>a few|{_NUMBER}(?: to {_NUMBER})?) (?P<unit>[a-z]+)")


# Each unit with a number, as the message catalogues have it (CLDR's plural forms).
_UNIT_WORDS = {
    "in": lambda count: ngettext("{amount} inch", "{amount} inches", count),
    "ft": lambda count: ngettext("{amount} foot", "{amount} feet", count),
    "cm": lambda count: ngettext("{amount} centimeter", "{amount} centimeters", count),
    "m": lambda count: ngettext("{amount} meter", "{amount} meters", count),
}

_A_FEW = {
    "in": lambda: gettext("a few inches"),
    "ft": lambda: gettext("a few feet"),
    "cm": lambda: gettext("a few centimeters"),
    "m": lambda: gettext("a few meters"),
}


class Length(NamedTuple):
    """One side of a quantity: '3' 'ft', '5 to 10' 'cm', 'a few' 'in'."""

    amount: str
    unit: str

    def words(self) -> str:
        """'3 feet', '1 meter', 'a few inches', in the language in use."""
        one, many = {**US_UNITS, **METRIC_UNITS}[self.unit]
        if is_english():
            return f"{self.amount} {one if self.amount == '1' else many}"
        amount = self.amount
        if amount == "a few":
            return _A_FEW[self.unit]()
        low, _, high = amount.partition(" to ")
        if high:
            amount = gettext("{low} to {high}").format(low=low, high=high)
        count = 1 if amount == "1" else max(2, round(float(high or low)))
        return _UNIT_WORDS[self.unit](count).format(amount=amount)


class Quantity(NamedTuple):
    us: Length
    metric: Length

    def words(self, units: str) -> str:
        """As printed in `units`: 'us', 'metric', or 'both' (for lists and show)."""
        if units == "us":
            return self.us.words()
        if units == "metric":
            return self.metric.words()
        return f"{self.us.words()} ({self.metric.words()})"


def _length(text: str) -> Length | str:
    """A side of a quantity, or what is wrong with it."""
    found = _SIDE.fullmatch(text)
    if found is None:
        return f"has '{text}', not an amount (a number, a range like 5 to 10, or a few) and a unit"
    amount, unit = found["amount"], found["unit"]
    if unit not in US_UNITS and unit not in METRIC_UNITS:
        return f"has the unit '{unit}', which is not in, ft, cm or m"
    numbers = [float(number) for number in re.findall(_NUMBER, amount)]
    if 0 in numbers:
        return f"has '{text}', no length at all"
    if len(numbers) == 2 and numbers[0] >= numbers[1]:
        return f"has the range '{amount}', which does not go up"
    return Length(amount, unit)


def quantity(inside: str) -> Quantity | str:
    """The quantity written between braces, or what is wrong with it."""
    sides = [" ".join(side.split()) for side in inside.split("|")]
    if len(sides) == 1:
        if isinstance(_length(sides[0]), Length):
            return "is one length; give one in each system, with a '|' between them"
        return "is neither {hold} nor a length"
    if len(sides) > 2:
        return "is more than two lengths; give one in each system, with a '|' between them"
    lengths = [_length(side) for side in sides]
    for length in lengths:
        if isinstance(length, str):
            return length
    us, metric = lengths
    assert isinstance(us, Length) and isinstance(metric, Length)
    if us.unit not in US_UNITS or metric.unit not in METRIC_UNITS:
        return "does not give the US length first and the metric one second"
    return Quantity(us, metric)


def problems(text: str, reads_markup: bool = True) -> Iterator[str]:
    """What is wrong with the markup in `text` (each a message ending in what is expected).

    With `reads_markup` False, the text is one whose markup is not read: any brace is a
    problem.
    """
    if not reads_markup:
        if "{" in text or "}" in text:
            fields = ", ".join(MARKUP_FIELDS)
            yield f"has '{{' or '}}', but markup is only read in {fields}; expected plain text."
        return
    for found in _BRACES.finditer(text):
        if found.group(0) == HOLD:
            continue
        read = quantity(found.group(1))
        if isinstance(read, str):
            yield f"{found.group(0)!r} {read}; expected {EXAMPLE}."
    rest = _BRACES.sub("", text)
    if "{" in rest or "}" in rest:
        yield f"has a '{{' or '}}' without its pair; expected {EXAMPLE}."


def fill(text: str, hold: str, units: str) -> str:
    """`text` with `{hold}` replaced by `hold` and each quantity in `units`; text that
    was never checked keeps markup it cannot read as it is."""

    def replaced(found: re.Match[str]) -> str:
        if found.group(0) == HOLD:
            return hold
        read = quantity(found.group(1))
        return found.group(0) if isinstance(read, str) else read.words(units)

    return _BRACES.sub(replaced, text)
