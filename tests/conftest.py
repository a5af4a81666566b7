"""Fixtures: run the CLI in-process in a temporary folder; insist on the installed package."""

from __future__ import annotations

from pathlib import Path

import pytest

import makeplan
from support import Result

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    # The tests check the package a user gets from `pip install .`; a checkout on
    # sys.path would hide a wheel that forgot its data files.
    location = Path(makeplan.__file__).resolve()
    if ROOT in location.parents:
        raise pytest.UsageError(
            f"makeplan is imported from the checkout ({location}); run the README's test "
            "command (pip install '.[test]' && pytest) so the installed package is tested."
        )


@pytest.fixture
def run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
):
    """Run `makeplan ARGS` in-process inside tmp_path; returns code, stdout bytes, stderr."""
    from makeplan.cli import run as cli_run

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def invoke(*args: str) -> Result:
        capsysbinary.readouterr()
        code = cli_run(list(args))
        out, err = capsysbinary.readouterr()
        return Result(code, out, err.decode())

    return invoke
