"""The errors makeplan reports to a user, each with its exit code.

Every failure a user can cause or fix is a `MakeplanError`; the command layer
prints its message as one `Error: ...` line and exits with its code. Messages
say what is wrong, with which file or option, and what to do about it.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Process exit codes, one per kind of failure."""

    OK = 0
    PROBLEMS = 1  # `makeplan check` found problems in the files it was given
    USAGE = 2  # a bad option or argument (click uses 2 as well)
    INPUT = 3  # a file given to makeplan cannot be used (cover, layout)
    SELECTION = 4  # the options select no exercise, or an unknown one
    DOES_NOT_FIT = 5  # the plan does not fit the chosen layout
    OUTPUT = 6  # the output file cannot be written
    DATA = 7  # a packaged data file is broken (a bug in makeplan)
    INTERNAL = 70  # anything unexpected


class MakeplanError(Exception):
    """A failure with a message fit to show a user as it is."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(MakeplanError):
    exit_code = ExitCode.USAGE


class InputFileError(MakeplanError):
    exit_code = ExitCode.INPUT


class SelectionError(MakeplanError):
    exit_code = ExitCode.SELECTION


class DoesNotFitError(MakeplanError):
    exit_code = ExitCode.DOES_NOT_FIT


class OutputError(MakeplanError):
    exit_code = ExitCode.OUTPUT


class DataError(MakeplanError):
    """A data file (exercise or layout) breaks its schema."""

    exit_code = ExitCode.DATA


class Problem(NamedTuple):
    """One thing wrong in a user's file, shown as `FILE:LINE: field: message`.

    A named tuple: it sorts by file, line, field and message, and can be a key.
    """

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # Always one line, even when a value in the message has line breaks.
        return " ".join(f"{self.file}:{self.line}: {self.field}: {self.message}".split())


class ProblemsError(InputFileError):
    """A plan or library file has problems; all of them are listed, one a line."""

    def __init__(self, file: str, problems: list[Problem], advice: str | None = None) -> None:
        count = len(problems)
        many = count != 1
        advice = advice or f"fix {'them' if many else 'it'} and run again"
        super().__init__(f"{file} has {count} problem{'s' if many else ''}; {advice}:")
        self.problems = problems
