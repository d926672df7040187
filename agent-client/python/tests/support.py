"""What the suite runs against, from environment variables set by test/python/client.test.ts (which starts the
servers): tests that need something absent skip, saying what."""

from __future__ import annotations

import json
import os
import socket
import unittest
from pathlib import Path
from typing import Optional

SERVER = os.environ.get("STADIUM_TEST_SERVER")
REFERENCE = os.environ.get("STADIUM_TEST_REFERENCE")
ATARI_SKIP = os.environ.get("STADIUM_TEST_ATARI_SKIP", "")


def need_server(test: unittest.TestCase) -> str:
    if not SERVER:
        test.skipTest("STADIUM_TEST_SERVER is not set (npm test's test/python/client.test.ts starts a server and sets it)")
    return SERVER  # type: ignore[return-value]


def need_atari(test: unittest.TestCase) -> str:
    server = need_server(test)
    if ATARI_SKIP:
        test.skipTest(ATARI_SKIP)
    return server


def reference(test: unittest.TestCase, name: str) -> dict:
    if not REFERENCE:
        test.skipTest("STADIUM_TEST_REFERENCE is not set")
    path = Path(REFERENCE) / name  # type: ignore[arg-type]
    if not path.is_file():
        test.skipTest(f"reference fixture {path} not found (../shared is absent)")
    return json.loads(path.read_text())


def env_or_skip(test: unittest.TestCase, name: str) -> str:
    value: Optional[str] = os.environ.get(name)
    if not value:
        test.skipTest(f"{name} is not set")
    return value  # type: ignore[return-value]


def free_port() -> int:
    """A loopback port with nothing listening on it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
