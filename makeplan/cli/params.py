"""click's side of the options: parameter types, the command classes, and the sheet
options made from the table in `makeplan.options`.

The table is read when a command first needs its parameters (to parse them or
show its help), not when the command line starts, so `makeplan --help` loads
neither the table nor the dataclasses behind it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from makeplan.inputs import argv_text

if TYPE_CHECKING:
    from makeplan.options import SheetOption

# Options whose text is a path though click reads it as a string.
_PATH_TEXTS = frozenset({"output", "layout"})


class TypedCommand(click.Command):
    """A command that reads what was typed as UTF-8, whatever the locale says."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        for param in self.get_params(ctx):
            if param.name is not None and ctx.params.get(param.name) is not None:
                ctx.params[param.name] = _typed(param, ctx.params[param.name])
        return rest


def _typed(param: click.Parameter, value: Any) -> Any:
    """`value` with its text read as UTF-8 (see inputs.argv_text); paths only checked."""
    if isinstance(param, click.Option):
        name = "/".join(param.opts)
    else:
        name = f"the argument {param.human_readable_name}"
    path = isinstance(param.type, click.Path) or param.name in _PATH_TEXTS
    if isinstance(value, str):
        return argv_text(value, name, path=path)
    if isinstance(value, Path):
        argv_text(str(value), name, path=True)
        return value
    if isinstance(value, tuple):
        return tuple(_typed(param, item) for item in value)
    return value


class TypedGroup(click.Group):
    command_class = TypedCommand


class TableCommand(TypedCommand):
    """A command whose first options are rows of the sheet-option table: those named in
    `rows`, or every row (build, plan)."""

    def __init__(self, *args: Any, rows: tuple[str, ...] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.table_added = False

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        if not self.table_added:
            # The command-line boundary: the table is loaded once a command needs it.
            from makeplan.options import BY_NAME, SHEET_OPTIONS

            rows = SHEET_OPTIONS if self.rows is None else [BY_NAME[name] for name in self.rows]
            self.params[:0] = [option_for(row) for row in rows]
            self.table_added = True
        return super().get_params(ctx)


# --- parameter types: each reads its text with the table's rules (resolving.read_value) ---


def _read(row: SheetOption, value: Any, param: Any, ctx: Any, fail: Any) -> Any:
    from makeplan.resolving import BadValue, read_value

    if not isinstance(value, str):
        return value
    try:
        return read_value(row, value)
    except BadValue as exc:
        fail(str(exc), param, ctx)


class CountType(click.IntRange):
    """A whole number in the row's range (shown in --help as click shows a range)."""

    def __init__(self, row: SheetOption) -> None:
        assert row.range is not None
        super().__init__(row.range.low, row.range.high)
        self.row = row

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return _read(self.row, value, param, ctx, self.fail)


class ChoiceType(click.Choice):  # type: ignore[type-arg]  # generic only in click 8.3+
    def __init__(self, row: SheetOption) -> None:
        super().__init__(row.choices)
        self.row = row

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return _read(self.row, value, param, ctx, self.fail)


class AbilityType(click.ParamType):  # type: ignore[type-arg]
    """gentle|moderate|strengthening or 1|2|3, as the level number."""

    name = "ability"

    def __init__(self, row: SheetOption) -> None:
        self.row = row

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return _read(self.row, value, param, ctx, self.fail)

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[gentle|moderate|strengthening|1|2|3]"


class DateType(click.ParamType):  # type: ignore[type-arg]
    """A calendar date written YYYY-MM-DD."""

    name = "date"

    def __init__(self, row: SheetOption) -> None:
        self.row = row

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return _read(self.row, value, param, ctx, self.fail)


def no_empty_paths(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[Path, ...]:
    """Paths as given; an empty one is a mistake, not "the current folder"."""
    if any(not value.strip() for value in values):
        raise click.BadParameter("is empty; give a file or folder name.", ctx, param)
    return tuple(Path(value) for value in values)


def option_for(row: SheetOption) -> click.Option:
    """The click option of one row of the sheet-option table."""
    from makeplan.options import default_of

    settings: dict[str, Any] = {"help": row.words(row.help), "multiple": row.multiple}
    flags = [*row.flags, row.name]
    if row.metavar:
        settings["metavar"] = row.metavar
    if row.envvar:
        settings["envvar"] = row.envvar
    default = default_of(row.name)
    if not row.multiple and (default is not None or row.kind == "switch"):
        settings["default"] = default
    if row.show_default:
        settings["show_default"] = True
    if row.kind == "flag":
        settings.update(is_flag=True, default=False)
    elif row.kind == "switch":
        flags = [f"{row.long_flag}/{row.off}", row.name]
    elif row.kind == "count":
        settings["type"] = CountType(row)
    elif row.kind == "choice":
        settings["type"] = ChoiceType(row)
    elif row.kind == "ability":
        settings["type"] = AbilityType(row)
    elif row.kind == "date":
        settings["type"] = DateType(row)
    elif row.kind == "path" and row.refuse_empty:
        settings["callback"] = no_empty_paths
    elif row.kind == "path":
        settings["type"] = click.Path(path_type=Path)
    return click.Option(flags, **settings)
