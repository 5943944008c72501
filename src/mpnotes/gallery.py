"""Connect :mod:`mpnotes.engine` to sphinx-gallery.

sphinx-gallery keeps doing everything but running the code: it parses each example into blocks,
decides from its MD5 cache whether the example is stale, writes the reST page, the notebook and the
downloads. Two things change:

- ``sphinx_gallery.gen_rst.execute_script`` (private API: the sphinx-gallery version is pinned) is
  replaced by :func:`execute_script`, which gets each block's output from the engine;
- before sphinx-gallery generates the gallery (``builder-inited``), :func:`run_stale_examples` runs
  every stale example at once, ``mpnotes_jobs`` at a time (default: one per CPU). Each runs in its
  own interpreter, so running them side by side changes nothing they print.

Under the last block's output the page shows the run's process timeline
(:mod:`mpnotes.timeline`), drawn where sphinx-gallery looks for an example's first figure, so it is
also the example's thumbnail.

Each run's :class:`~mpnotes.engine.Result` is stored next to sphinx-gallery's MD5 file as
``<example>.py.mpnotes.json``; the ``mp-example`` directive reads it to show an example inside a
chapter page. A failing example (an exception, a non-zero exit, a time-out, a leaked process) is
reported like any sphinx-gallery example error: a warning naming the file, and an error at the end
of the build unless the file is in ``expected_failing_examples``.
"""

from __future__ import annotations

import ast
import concurrent.futures
import os
import re
import time
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx_gallery import gen_rst, py_source_parser
from sphinx_gallery.utils import get_md5sum

from mpnotes import timeline
from mpnotes.engine import SAMPLE_INTERVAL, Result, run_example

logger = logging.getLogger(__name__)

RESULT_SUFFIX = ".mpnotes.json"
WARNING_TYPE = "sphinx-gallery"  # the type sphinx-gallery gives its own example errors

#: Results of this build's pre-run, by absolute source path, waiting for sphinx-gallery to ask.
_pending: dict[str, Result] = {}
#: Settings read from conf.py by :func:`install`.
_settings: dict[str, Any] = {"timeout": 120.0, "start_method": None}


def result_path(target_file: str | os.PathLike[str]) -> Path:
    """Where the result of the example copied to *target_file* (in the gallery dir) is stored."""
    return Path(f"{target_file}{RESULT_SUFFIX}")


def load_result(target_file: str | os.PathLike[str]) -> Result | None:
    try:
        return Result.from_json(result_path(target_file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def gallery_dirs(conf: dict[str, Any]) -> list[tuple[str, str]]:
    """``(examples_dir, gallery_dir)`` pairs of sphinx-gallery's configuration (each a string or
    a list there), relative to the Sphinx source directory."""
    examples, galleries = conf["examples_dirs"], conf["gallery_dirs"]
    if isinstance(examples, str):
        examples, galleries = [examples], [galleries]
    return list(zip(examples, galleries, strict=False))


def example_files(app: Sphinx) -> list[tuple[Path, Path]]:
    """``(source, target)`` for every example sphinx-gallery will execute."""
    conf = app.config.sphinx_gallery_conf
    if not conf["plot_gallery"]:
        return []
    src_root = Path(app.builder.srcdir)
    pairs = []
    for examples_dir, gallery_dir in gallery_dirs(conf):
        examples_root = (src_root / examples_dir).resolve()
        for pattern in ("*.py", "*/*.py"):
            for src in sorted(examples_root.glob(pattern)):
                if re.search(conf["ignore_pattern"], src.name):
                    continue
                if not re.search(conf["filename_pattern"], str(src)):
                    continue
                pairs.append((src, src_root / gallery_dir / src.relative_to(examples_root)))
    return pairs


def is_stale(src: Path, target: Path) -> bool:
    """sphinx-gallery's own test: the MD5 stored when the example last ran is not the source's."""
    md5_file = Path(f"{target}.md5")
    return not md5_file.exists() or md5_file.read_text() != get_md5sum(src, mode="t")


def code_blocks(
    src: str | os.PathLike[str],
) -> tuple[dict[str, Any], list[tuple[int, str]], str | None]:
    """The example's file config, its code blocks as ``(lineno, source)`` and its docstring."""
    file_conf, blocks = py_source_parser.split_code_and_text_blocks(src)
    code = [(b.lineno, b.content) for b in blocks if b.type == "code"]
    try:
        docstring = ast.get_docstring(ast.parse(Path(src).read_text(encoding="utf-8")), clean=False)
    except SyntaxError:
        docstring = None
    return file_conf, code, docstring


def run(src: str | os.PathLike[str]) -> Result:
    """Run one example with the settings from conf.py and its own ``sphinx_gallery_mpnotes_*``."""
    file_conf, blocks, docstring = code_blocks(src)
    return run_example(
        src,
        blocks,
        timeout=float(file_conf.get("mpnotes_timeout", _settings["timeout"])),
        start_method=_settings["start_method"],
        docstring=docstring,
    )


def run_stale_examples(app: Sphinx, stale: list[Path]) -> None:
    """Run the *stale* examples in parallel before sphinx-gallery asks for them one by one."""
    _pending.clear()
    if not stale:
        return
    jobs = app.config.mpnotes_jobs or os.cpu_count() or 1
    logger.info("mpnotes: running %d example(s), %d at a time", len(stale), jobs)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(run, src): src for src in stale}
        for future in concurrent.futures.as_completed(futures):
            result = future.result()
            _pending[str(futures[future])] = result
            status = "ok" if result.ok else result.failure
            logger.info(
                "mpnotes: %s %s (%.2f s)",
                os.path.relpath(result.path, app.srcdir),
                status,
                result.elapsed,
            )
    logger.info("mpnotes: examples ran in %.2f s", time.monotonic() - start)


def execute_script(
    script_blocks: list[py_source_parser.Block],
    script_vars: dict[str, Any],
    gallery_conf: dict[str, Any],
    file_conf: dict[str, Any],
) -> tuple[list[str], float]:
    """Stand-in for ``sphinx_gallery.gen_rst.execute_script``: same arguments, same return."""
    script_vars["memory_delta"] = 0.0
    if not script_vars["execute_script"]:
        return ["" for _ in script_blocks], 0.0
    src_file = script_vars["src_file"]
    result = _pending.pop(str(Path(src_file).resolve()), None) or run(src_file)
    result_path(script_vars["target_file"]).write_text(result.to_json(), encoding="utf-8")

    outputs = iter(result.outputs)
    output_blocks = [
        "" if block.type == "text" else output_rst(next(outputs, "")) for block in script_blocks
    ]
    if result.timeline:
        last_code = max(i for i, block in enumerate(script_blocks) if block.type == "code")
        output_blocks[last_code] += timeline_rst(result, script_vars, gallery_conf)
    if result.ok or _expected_to_fail(src_file, gallery_conf):
        # Cache the MD5, as sphinx-gallery does for an example that passed, so that it is not run
        # again until it changes; an expected failure is cached too (remember_expected_failures).
        target = script_vars["target_file"]
        Path(f"{target}.md5").write_text(get_md5sum(target, mode="t"))
    if result.ok:
        script_vars["passing"] = True
    else:
        _report_failure(result, src_file, script_vars, gallery_conf)
    return output_blocks, result.elapsed


def _expected_to_fail(src_file: str | os.PathLike[str], gallery_conf: dict[str, Any]) -> bool:
    from sphinx_gallery.gen_gallery import _expected_failing_examples

    return str(Path(src_file).resolve()) in _expected_failing_examples(gallery_conf)


def remember_expected_failures(app: Sphinx, current: list[tuple[Path, Path]]) -> None:
    """Report cached expected failures among the *current* (not stale) ``(source, target)`` pairs
    as failing, so sphinx-gallery, which will not run them, does not call them fixed."""
    gallery_conf = app.config.sphinx_gallery_conf
    for src, target in current:
        if not _expected_to_fail(src, gallery_conf):
            continue
        result = load_result(target)
        if result is not None and not result.ok:
            gallery_conf["failing_examples"][str(src)] = result.message


def output_rst(text: str) -> str:
    """The reST sphinx-gallery writes under a code block for its captured output."""
    text = _ANSI_ESCAPE.sub("", text).expandtabs()
    if not text or text.isspace():
        return ""
    return "\n\n" + gen_rst.CODE_OUTPUT.format(_indent(text)) + "\n\n"


def timeline_rst(result: Result, script_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """Draw the run's process timeline where sphinx-gallery looks for the example's first figure
    (so it becomes the thumbnail) and return the reST that shows it, explained, on the page."""
    image = Path(next(script_vars["image_path_iterator"])).with_suffix(".svg")
    image.write_text(timeline.svg(result.timeline), encoding="utf-8")
    target = "/" + image.relative_to(gallery_conf["src_dir"]).as_posix()
    return TIMELINE_RST.format(
        target=target, count=len(result.timeline), interval=round(SAMPLE_INTERVAL * 1000)
    )


TIMELINE_RST = """
.. figure:: {target}
   :alt: 这次运行的进程时间线，共 {count} 个进程
   :figclass: mp-timeline

   构建本站时这次运行的进程时间线：每一行是一个进程，从启动画到最后一次被看到还活着；
   横轴从主进程启动算起。颜色表示它在进程树中的层级。活得不到 {interval} 毫秒的进程可能画不出来。

"""

_ANSI_ESCAPE = re.compile(r"\x1B(?:[@-Z\\-_]|\[[0-?]*[ -/]*[@-~])")


def _indent(text: str) -> str:
    return "".join("    " + line if line.strip() else line for line in text.splitlines(True))


def _report_failure(
    result: Result, src_file: str, script_vars: dict[str, Any], gallery_conf: dict[str, Any]
) -> None:
    relative = os.path.relpath(src_file, gallery_conf["src_dir"])
    message = result.message.rstrip()
    if _expected_to_fail(src_file, gallery_conf):
        logger.info("\n%s failed as expected:\n\n%s", relative, _indent(message))
    else:
        logger.warning(
            "\n%s failed (%s):\n\n%s",
            relative,
            result.failure,
            _indent(message),
            type=WARNING_TYPE,
            subtype="example_error",
        )
    if gallery_conf["abort_on_example_error"]:
        raise RuntimeError(f"{relative}: {message}")
    # What sphinx-gallery's summary at build-finished reads.
    script_vars["formatted_exception"] = message
    script_vars["execute_script"] = False


def install(app: Sphinx) -> None:
    """Replace sphinx-gallery's in-process execution with the engine (``builder-inited``)."""
    _settings["timeout"] = app.config.mpnotes_timeout
    _settings["start_method"] = app.config.mpnotes_start_method
    gen_rst.execute_script = execute_script
    files = example_files(app)
    stale = [(src, target) for src, target in files if is_stale(src, target)]
    remember_expected_failures(app, [pair for pair in files if pair not in stale])
    run_stale_examples(app, [src for src, _ in stale])
