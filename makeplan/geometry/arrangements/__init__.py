"""The arrangements, one module each, found by the layout's `[exercise] arrangement`.

Every module in this package but `base` is an arrangement: it defines a subclass
of `base.Arrangement` and an instance of it named `ARRANGEMENT`. Adding one is
adding a module here (and a layout file that names it); layouts.py accepts
every name found here.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from makeplan.geometry.arrangements.base import Arrangement, Wraps

__all__ = ["Arrangement", "Wraps", "arrangement_named", "arrangement_names"]


@cache
def _registry() -> dict[str, Arrangement]:
    found: dict[str, Arrangement] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if module_info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        arrangement = getattr(module, "ARRANGEMENT", None)
        if not isinstance(arrangement, Arrangement):
            raise TypeError(f"{module.__name__} has no ARRANGEMENT, an Arrangement instance")
        if arrangement.name in found:
            raise TypeError(f"{module.__name__}: a second arrangement named {arrangement.name!r}")
        found[arrangement.name] = arrangement
    return found


def arrangement_names() -> tuple[str, ...]:
    """Every arrangement's name, in alphabetical order."""
    return tuple(sorted(_registry()))


def arrangement_named(name: str) -> Arrangement:
    """The arrangement a layout names (layouts.py has checked that there is one)."""
    return _registry()[name]
