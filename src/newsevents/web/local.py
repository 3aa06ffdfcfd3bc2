"""A ``newsevents serve`` process on this machine's loopback interface, for the browser tests,
the screenshots script and the benchmarks; and how they start Debian's Chromium headless."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from ..errors import ServeError

CHROMIUM = "/usr/bin/chromium"
#: headless, and nothing that reaches out to the network on its own
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: str, *, port: int | None = None, workers: int = 1, token: str | None = None,
                   timeout: float = 120.0, log: str | None = None) -> Iterator[str]:
    """Start ``newsevents serve`` on 127.0.0.1 over ``db`` in a child process; yields its base
    URL once it answers, and stops it afterwards."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "newsevents.cli", "serve", "--db", db, "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]
    env = {**os.environ, "NEWSEVENTS_TOKEN": token or ""}
    out = open(log, "ab") if log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise ServeError(f"the server exited with status {proc.returncode} before answering "
                                 f"(command: {' '.join(cmd)})")
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise ServeError(f"the server did not answer on {base} within {timeout:.0f} s")
            time.sleep(0.2)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if log:
            out.close()
