"""Shared fixtures: a check that tests which start processes leave none behind."""

from __future__ import annotations

import os
import secrets

import psutil
import pytest

# Every process a test starts inherits this variable (each pytest worker has its own value), so
# processes left behind are found even after they were re-parented.
MARK = "MPNOTES_TEST_MARK"
os.environ[MARK] = secrets.token_hex(8)


def leftover_processes() -> list[psutil.Process]:
    """Live processes started from this pytest process (directly or not), other than itself."""
    found = []
    for proc in psutil.process_iter(["status"]):
        if proc.pid == os.getpid() or proc.info["status"] == psutil.STATUS_ZOMBIE:
            continue
        try:
            if proc.environ().get(MARK) == os.environ[MARK]:
                found.append(proc)
        except psutil.Error:
            continue
    return found


@pytest.fixture
def no_leftovers():
    """Fail the test if any process it started is still alive when it ends (and kill those)."""
    yield
    left = leftover_processes()
    described = []
    for proc in left:
        try:
            described.append(f"{proc.pid}: {' '.join(proc.cmdline())}")
            proc.kill()
        except psutil.Error:
            pass
    assert not described, "processes left behind:\n" + "\n".join(described)
