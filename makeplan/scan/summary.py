"""What `makeplan read` tells the user: a few lines for a person, or JSON for programs."""

from __future__ import annotations

import json
from typing import Any

from makeplan.scan.decide import State
from makeplan.scan.reading import PaperRead
from makeplan.terminal import printable


def as_data(result: PaperRead, output: str) -> dict[str, Any]:
    """Everything read, as plain values (the JSON)."""
    return {
        "sheet": str(result.sheet.path),
        "output": output,
        "pages": [
            {
                "image": page.where,
                "page": page.page + 1,
                "ticked": _count(page.states.values(), State.TICKED),
                "empty": _count(page.states.values(), State.EMPTY),
                "unclear": _count(page.states.values(), State.UNCLEAR),
            }
            for page in result.pages
        ],
        "ticked": sorted(result.ticks),
        "pain": dict(sorted(result.pains.items())),
        "unclear": list(result.unclear),
        "pages_missing": [number + 1 for number in result.pages_missing],
        "warnings": list(result.warnings),
    }


def as_json(result: PaperRead, output: str) -> str:
    return json.dumps(as_data(result, output), indent=2, ensure_ascii=False) + "\n"


def as_lines(result: PaperRead) -> list[str]:
    """A line per page image, then each unclear box or scale, for a person."""
    lines = []
    for page in result.pages:
        states = page.states.values()
        lines.append(
            printable(
                f"{page.where}: page {page.page + 1} of {result.sheet.path}: "
                f"{_count(states, State.TICKED)} ticked, {_count(states, State.EMPTY)} empty, "
                f"{_count(states, State.UNCLEAR)} unclear"
            )
        )
    if result.unclear:
        lines.append(
            f"Unclear (left unticked, highlighted in the filled sheet; check them): "
            f"{len(result.unclear)}"
        )
        lines += [f"  {name}" for name in result.unclear]
    return lines


def _count(states: Any, wanted: State) -> int:
    return sum(1 for state in states if state is wanted)
