"""Where the results of an example's runs live, and which of them can be used again.

One example, copied by sphinx-gallery to ``<gallery_dir>/<sub>/<name>.py`` (its *target*), keeps:

- ``<target>.mpnotes.json``: its runs, one :class:`~mpnotes.engine.Result` per start method;
- ``<target>.mpnotes-figures/``: the figures of the run the page shows (:func:`figures_dir`);
- ``<target>.mpnotes-timelines/``: each run's process timeline, for each theme
  (:func:`timeline_path`).

A stored run is used again while the example's source is unchanged (sphinx-gallery's MD5 file says
so) and the run was made by the same Python version and the same :data:`engine version
<mpnotes.engine.ENGINE_VERSION>`; any other run of the example is made again, and only that one.
Switching the configured start methods therefore runs only the methods that have no run yet.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mpnotes.engine import ENGINE_VERSION, Result

RESULT_SUFFIX = ".mpnotes.json"
FIGURES_SUFFIX = ".mpnotes-figures"
TIMELINES_SUFFIX = ".mpnotes-timelines"


def result_path(target: str | os.PathLike[str]) -> Path:
    """The file holding the runs of the example copied to *target*."""
    return Path(f"{target}{RESULT_SUFFIX}")


def figures_dir(target: str | os.PathLike[str]) -> Path:
    """The directory holding the figures of the example copied to *target*."""
    return Path(f"{target}{FIGURES_SUFFIX}")


def timeline_path(target: str | os.PathLike[str], method: str, theme: str) -> Path:
    """The SVG of the timeline of the run under *method*, drawn for *theme*."""
    return Path(f"{target}{TIMELINES_SUFFIX}") / f"{method}-{theme}.svg"


def load(target: str | os.PathLike[str]) -> dict[str, Result]:
    """The stored runs by start method (``{}`` if there are none, or only an older format)."""
    try:
        data = json.loads(result_path(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    runs = data.get("runs") if isinstance(data, dict) else None
    if not isinstance(runs, dict):
        return {}
    return {method: Result.from_dict(run) for method, run in runs.items()}


def save(target: str | os.PathLike[str], runs: dict[str, Result], page: int = 0) -> None:
    """Store the runs, and the version of the page that was written from them."""
    data = {
        "page": page,
        "runs": {method: json.loads(run.to_json()) for method, run in runs.items()},
    }
    result_path(target).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def page_version(target: str | os.PathLike[str]) -> int:
    """The version of the page last written from the stored runs (0 if unknown)."""
    try:
        return int(json.loads(result_path(target).read_text(encoding="utf-8")).get("page", 0))
    except (OSError, ValueError, AttributeError):
        return 0


def forget(target: str | os.PathLike[str]) -> None:
    """Drop the stored runs of an example whose source changed."""
    result_path(target).unlink(missing_ok=True)


def reusable(runs: dict[str, Result], python: str) -> dict[str, Result]:
    """The runs of *runs* made by this engine version with Python *python*."""
    return {
        method: run
        for method, run in runs.items()
        if run.engine == ENGINE_VERSION and run.python == python
    }
