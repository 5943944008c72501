"""The strict Sphinx build the tests run (the flags of ``nox -s docs``), as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mpnotes.strict import SPHINX_FLAGS

STRICT = ["-b", "html", *SPHINX_FLAGS]


def sphinx_build(src: Path, out: Path, *extra: str, timeout: float) -> subprocess.CompletedProcess:
    """Build *src* into *out*; the caller checks the exit status and the messages."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *STRICT, *extra, str(src), str(out)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
