"""`makeplan serve` as a user starts it: the address printed, the first page in time,
127.0.0.1 unless told otherwise, and one line when the web extra is missing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("flask", reason="the web extra (flask) is not installed")

FIRST_PAGE_SECONDS = 1.5


def start(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "makeplan", "serve", "--no-browser", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stderr=subprocess.PIPE,
        text=True,
    )


def address_of(server: subprocess.Popen[str]) -> tuple[str, list[str]]:
    assert server.stderr is not None
    lines = []
    while True:
        line = server.stderr.readline()
        assert line, f"makeplan serve stopped: {lines}"
        lines.append(line.rstrip("\n"))
        if "http://" in line:
            return line.split("http://", 1)[1].split()[0], lines


def test_serve_answers_its_first_page_within_a_second_and_a_half(tmp_path: Path) -> None:
    started = time.perf_counter()
    server = start(cwd=tmp_path)
    try:
        where, lines = address_of(server)
        assert where.startswith("127.0.0.1:")
        with urllib.request.urlopen(f"http://{where}", timeout=30) as response:
            page = response.read()
        seconds = time.perf_counter() - started
        assert response.status == 200 and b"Make a sheet" in page
        print(f"first page {seconds:.2f} s after start")
        # Generous for a busy machine only in the sense of the issue's own figure.
        assert seconds < FIRST_PAGE_SECONDS * (2 if os.environ.get("CI") else 1.5), seconds
        assert not [line for line in lines if line.startswith("Warning")]
    finally:
        server.terminate()
        server.wait(60)


def test_ctrl_c_stops_it_with_a_line(tmp_path: Path) -> None:
    import signal

    server = start(cwd=tmp_path)
    address_of(server)
    server.send_signal(signal.SIGINT)
    try:
        # Generous, and never a hang: a busy machine may take a while to stop it.
        _, stderr = server.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        server.kill()
        server.communicate()
        raise AssertionError("makeplan serve did not stop within 120 s of Ctrl+C") from None
    assert stderr == "Stopped.\n"
    assert server.returncode == 0


def test_it_opens_the_browser_on_its_address(tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    server = subprocess.Popen(
        [sys.executable, "-m", "makeplan", "serve"],
        cwd=tmp_path,
        env={**os.environ, "BROWSER": str(browser)},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        where, _ = address_of(server)
        deadline = time.monotonic() + 20
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text().strip() == f"http://{where}"
    finally:
        server.terminate()
        server.wait(60)


def test_another_host_is_warned_about(tmp_path: Path) -> None:
    server = start("--host", "0.0.0.0", cwd=tmp_path)
    try:
        _, lines = address_of(server)
        assert lines[0].startswith("Warning: --host 0.0.0.0: anyone on that network can reach")
    finally:
        server.terminate()
        server.wait(60)


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "makeplan", "serve", "--no-browser", "--port", str(port)],
            cwd=tmp_path, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: --port {port}: cannot listen on 127.0.0.1:{port}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_without_the_web_extra_it_says_how_to_install_it(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    (blocked / "flask").mkdir(parents=True)
    (blocked / "flask" / "__init__.py").write_text("raise ImportError('no flask here')\n")
    result = subprocess.run(
        [sys.executable, "-m", "makeplan", "serve", "--no-browser"],
        cwd=tmp_path, capture_output=True, text=True, timeout=30,
        env={**os.environ, "PYTHONPATH": str(blocked)},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "Error: the web page needs the web extra: pip install 'makeplan[web]'\n"
    )
