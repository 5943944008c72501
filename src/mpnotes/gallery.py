"""Connect :mod:`mpnotes.engine` to sphinx-gallery: every example, under every start method.

sphinx-gallery keeps doing everything but running the code: it parses each example into blocks,
decides from its MD5 cache whether the example's page must be written again, writes the reST page
and the downloads. What changes (every internal of sphinx-gallery is reached through
:mod:`mpnotes.sg_adapter`):

- before sphinx-gallery generates the gallery (``builder-inited``), :func:`run_examples` works
  out which runs are needed: each example under each start method of ``mpnotes_start_methods``
  (by default every method of the build platform; an example can pin one with
  ``# sphinx_gallery_mpnotes_start_method = "spawn"``), except the runs :mod:`mpnotes.store` holds
  from an earlier build of the same source, Python and engine. It runs them all at once,
  ``mpnotes_jobs`` at a time (default: two per CPU, as most examples spend their time waiting);
  each runs in its own interpreter. Examples that measure time (``# sphinx_gallery_mpnotes_exclusive
  = True``) run after the others, one run at a time;
- sphinx-gallery's ``execute_script`` is replaced by :func:`execute_script`, which writes, under
  each code block, the output the runs printed: one output where they agree, one tab per start
  method where they differ (:mod:`mpnotes.views`); then the figures the example drew (from the run
  of the build's default method; the first is the thumbnail), a sentence saying which methods ran
  and whether they agreed, and each run's process timeline (:mod:`mpnotes.timeline`), the thumbnail
  when the example drew nothing.

An example that needs a newer Python than the build's says so with
``# sphinx_gallery_mpnotes_min_python = "3.14"``: its page shows the code and a note instead of
output. A failing run (an exception, a non-zero exit, a time-out, a leaked process) is reported like
any sphinx-gallery example error: a warning naming the file and the start method, and an error at
the end of the build unless the file is in ``expected_failing_examples``.
"""

from __future__ import annotations

import ast
import collections
import concurrent.futures
import dataclasses
import os
import re
import shutil
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from mpnotes import sg_adapter, store, timeline, views
from mpnotes.engine import DEFAULT_TIMEOUT, SAMPLE_INTERVAL, Result, python_version, run_example

logger = logging.getLogger(__name__)

WARNING_TYPE = "sphinx-gallery"  # the type sphinx-gallery gives its own example errors

#: Version of what the pages show of the runs (this module's reST, the mp-example directive's
#: nodes); bump it when that changes, so that pages written before are written again (from the
#: stored runs, without running anything) and chapters are read again.
PAGE_VERSION = 7

#: The build's settings (read by :func:`run_examples`) and the results of its runs, by absolute
#: source path, waiting for sphinx-gallery to ask for them.
_state: dict[str, Any] = {"timeout": DEFAULT_TIMEOUT, "methods": [], "pending": {}}


@dataclasses.dataclass
class Plan:
    """How one example is run, from its ``# sphinx_gallery_mpnotes_*`` settings."""

    methods: list[str]
    timeout: float
    #: Whether the example pins one start method.
    pinned: bool = False
    #: Patterns of text that varies between runs, masked when outputs are compared.
    varies: tuple[str, ...] = ()
    #: Whether it must run alone (it measures time): after the others, one run at a time.
    exclusive: bool = False
    #: Why it is not run at all (``""`` if it is).
    not_run: str = ""
    #: The example's code blocks as ``(first line, source)`` and its docstring.
    blocks: list[tuple[int, str]] = dataclasses.field(default_factory=list)
    docstring: str | None = None


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


def plan(src: str | os.PathLike[str], methods: list[str] | None = None) -> Plan:
    """How the example at *src* is run with this build's settings (or the start *methods*
    given) and its own."""
    file_conf, blocks = sg_adapter.split(src)
    code = [(block.lineno, block.content) for block in blocks if block.type == "code"]
    docstring = _docstring(src)
    pinned = file_conf.get("mpnotes_start_method")
    methods = [pinned] if pinned else views.in_order(methods or _state["methods"])
    result = Plan(
        methods=methods,
        timeout=float(file_conf.get("mpnotes_timeout", _state["timeout"])),
        pinned=bool(pinned),
        varies=tuple(file_conf.get("mpnotes_varies", ())),
        exclusive=bool(file_conf.get("mpnotes_exclusive", False)),
        blocks=code,
        docstring=docstring,
    )
    minimum = file_conf.get("mpnotes_min_python")
    if minimum and sys.version_info < tuple(int(part) for part in str(minimum).split(".")):
        result.not_run = str(minimum)
        result.methods = []
    return result


def _docstring(src: str | os.PathLike[str]) -> str | None:
    """The module docstring as the interpreter gives it to ``__doc__`` (sphinx-gallery's first
    text block holds a cleaned copy)."""
    try:
        return ast.get_docstring(ast.parse(Path(src).read_text(encoding="utf-8")), clean=False)
    except SyntaxError:
        return None


def run_examples(app: Sphinx) -> None:
    """``builder-inited``: replace sphinx-gallery's execution with the engine's and make every run
    the build needs, before sphinx-gallery asks for them one by one."""
    sg_adapter.check_version()
    sg_adapter.replace_execute_script(execute_script)
    _state["timeout"] = float(app.config.mpnotes_timeout)
    _state["methods"] = app.config.mpnotes_start_methods or views.available_methods()
    _state["pending"] = {}
    python = python_version()
    jobs: list[tuple[Path, str, Plan, Path]] = []
    current = []
    for src, target in example_files(app):
        how = plan(src)
        fresh = sg_adapter.is_current(src, target)
        if not fresh:
            store.forget(target)  # runs of an older source
        stored = store.reusable(store.load(target), python)
        missing = [method for method in how.methods if method not in stored]
        if not missing:
            missing = _seconds_needed(stored, how)  # stored before second runs were made
        if fresh and not missing and store.page_version(target) != PAGE_VERSION:
            sg_adapter.forget(target)  # a page written by another version: written again
            continue
        if missing:
            sg_adapter.forget(target)  # its page is written again, with the new runs
            jobs += [(src, method, how, target) for method in missing]
        elif fresh:
            current.append((src, target))
    _remember_expected_failures(app, current)
    _run_all(app, jobs)


def _run(src: Path, method: str, how: Plan, target: Path) -> Result:
    shown = views.primary(how.methods)
    # Figures are kept from the run the page shows where the runs agree.
    figures = store.figures_dir(target) if method == shown else None
    return run_example(
        src,
        how.blocks,
        timeout=how.timeout,
        start_method=method.removeprefix(views.AGAIN),
        docstring=how.docstring,
        figures_dir=figures,
    )


def _run_all(app: Sphinx, jobs: list[tuple[Path, str, Plan, Path]]) -> None:
    """Make the *jobs*, and for each example whose start methods disagree, the second runs that
    tell timing from method (:func:`mpnotes.views.again`), as soon as its first runs are done.

    Most examples spend their time waiting (sleeps, starting interpreters), so by default two runs
    per CPU are made at once. Examples that measure time run after all the others, alone, so
    that no other run shares the CPUs with them."""
    if not jobs:
        return
    workers = app.config.mpnotes_jobs or 2 * (os.cpu_count() or 1)
    count = len({src for src, *_ in jobs})
    logger.info("mpnotes: %d run(s) of %d example(s), %d at a time", len(jobs), count, workers)
    start = time.monotonic()
    _make(app, [job for job in jobs if not job[2].exclusive], workers)
    _make(app, [job for job in jobs if job[2].exclusive], 1)
    logger.info("mpnotes: examples ran in %.2f s", time.monotonic() - start)


def _make(app: Sphinx, jobs: list[tuple[Path, str, Plan, Path]], workers: int) -> None:
    """Make the *jobs*, *workers* at a time, and the second runs they turn out to need."""
    python = python_version()
    waiting = collections.Counter(src for src, *_ in jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        running = {pool.submit(_run, *job): job for job in jobs}
        while running:
            done, _ = concurrent.futures.wait(running, return_when="FIRST_COMPLETED")
            for future in done:
                src, method, how, target = running.pop(future)
                result = future.result()
                _state["pending"].setdefault(str(src), {})[method] = result
                logger.info(
                    "mpnotes: %s [%s] %s (%.2f s)",
                    os.path.relpath(src, app.srcdir),
                    method,
                    "ok" if result.ok else result.failure,
                    result.elapsed,
                )
                waiting[src] -= 1
                if waiting[src]:
                    continue
                runs = store.reusable(store.load(target), python) | _state["pending"][str(src)]
                for key in _seconds_needed(runs, how):
                    running[pool.submit(_run, src, key, how, target)] = (src, key, how, target)
                    waiting[src] += 1


def _seconds_needed(runs: dict[str, Result], how: Plan) -> list[str]:
    """The second runs (:func:`mpnotes.views.again`) the example needs next: none while its
    start methods agree; where they disagree, first the shown method's; if that one prints what
    its first run printed, the other methods' too (their differences may still be timing)."""
    if not how.methods or not all(method in runs for method in how.methods):
        return []
    firsts = {method: runs[method] for method in how.methods}
    if views.view(firsts, varies=how.varies).agree and (
        views.view(firsts, varies=how.varies, whole=True).agree
    ):
        return []
    shown = views.primary(how.methods)
    if views.again(shown) not in runs:
        return [views.again(shown)]
    if views.view(runs, varies=how.varies).timing_shown:
        return []
    return [views.again(m) for m in how.methods if views.again(m) not in runs]


def _remember_expected_failures(app: Sphinx, current: list[tuple[Path, Path]]) -> None:
    """Report cached expected failures among the *current* ``(source, target)`` pairs as failing,
    so sphinx-gallery, which will not run them, does not call them fixed."""
    gallery_conf = app.config.sphinx_gallery_conf
    for src, target in current:
        if not sg_adapter.expected_to_fail(src, gallery_conf):
            continue
        failed = [run for run in store.load(target).values() if not run.ok]
        if failed:
            sg_adapter.record_failure(src, failed[0].message, gallery_conf)


def runs_for(src: str | os.PathLike[str], target: str | os.PathLike[str], how: Plan) -> dict:
    """The runs of one example, by start method (and second runs where the methods disagree):
    this build's, the reusable stored ones, and any still missing (run now)."""
    runs = store.reusable(store.load(target), python_version())
    runs.update(_state["pending"].pop(str(Path(src).resolve()), {}))
    wanted = [*how.methods, *(views.again(method) for method in how.methods)]
    runs = {key: runs[key] for key in wanted if key in runs}
    for method in how.methods:
        if method not in runs:
            runs[method] = _run(Path(src), method, how, Path(target))
    while needed := _seconds_needed(runs, how):
        runs.update({key: _run(Path(src), key, how, Path(target)) for key in needed})
    return runs


def execute_script(
    script_blocks: list[Any],
    script_vars: dict[str, Any],
    gallery_conf: dict[str, Any],
    file_conf: dict[str, Any],
) -> tuple[list[str], float]:
    """Stand-in for sphinx-gallery's ``execute_script``: same arguments, same return."""
    if not sg_adapter.should_execute(script_vars):  # plot_gallery off: the page shows code only
        sg_adapter.mark_not_executed(script_vars)
        return ["" for _ in script_blocks], 0.0
    src, target = sg_adapter.source_and_target(script_vars)
    how = plan(src)
    runs = runs_for(src, target, how)
    store.save(target, runs, page=PAGE_VERSION)

    code_indices = [i for i, block in enumerate(script_blocks) if block.type == "code"]
    output_blocks = ["" for _ in script_blocks]
    if how.not_run:
        output_blocks[code_indices[-1]] = NOT_RUN_RST.format(
            minimum=how.not_run, python=python_version()
        )
        sg_adapter.mark_current(target)
        sg_adapter.mark_passing(script_vars)
        return output_blocks, 0.0

    shown = views.view(runs, varies=how.varies)
    primary = runs[shown.primary]
    for index, block in zip(code_indices, shown.blocks, strict=False):
        output_blocks[index] = _outputs_rst(block.texts)
    for index, names in zip(code_indices, primary.figures, strict=False):
        output_blocks[index] += _figures_rst(names, target, script_vars, gallery_conf)
    last = code_indices[-1]
    output_blocks[last] += "\n\n" + _paragraph(shown.summary(how.pinned), "mp-methods-note")
    output_blocks[last] += _failure_notes(runs)
    output_blocks[last] += _timelines_rst(runs, shown, target, script_vars, gallery_conf)

    failed = {method: run for method, run in runs.items() if not run.ok}
    expected = sg_adapter.expected_to_fail(src, gallery_conf)
    if not failed or expected:
        # Cache the MD5, as sphinx-gallery does for an example that passed, so that it is not
        # run again until it changes; an expected failure is cached too.
        sg_adapter.mark_current(target)
    if failed:
        _report_failure(failed, src, script_vars, gallery_conf, expected)
    else:
        sg_adapter.mark_passing(script_vars)
    return output_blocks, max(run.elapsed for run in runs.values())


NOT_RUN_RST = """

.. admonition:: 没有运行
   :class: note mp-not-run

   本例需要 Python {minimum} 或更新的版本。构建本站用的是 Python {python}，所以没有运行它，
   这里也就没有输出。

"""


def output_rst(text: str) -> str:
    """The reST for one output block (``""`` for an empty one)."""
    if not text or text.isspace():
        return ""
    return sg_adapter.output_rst(_indent(text.expandtabs(), "    "))


def _outputs_rst(texts: dict[str, str]) -> str:
    if len(texts) == 1:
        (text,) = texts.values()
        body = output_rst(text)
        return f"\n\n{body}\n\n" if body else ""
    items = []
    for method, text in texts.items():
        body = output_rst(text) or _paragraph("（没有输出）", "mp-no-output")
        items.append(
            f".. mp-tab:: {method}\n   :note: {views.WHERE.get(method, '')}\n\n"
            + _indent(body, "   ")
        )
    return "\n\n.. mp-tabs::\n   :class: mp-outputs\n\n" + _indent("\n".join(items), "   ") + "\n\n"


def _figures_rst(
    names: list[str], target: str, script_vars: dict[str, Any], gallery_conf: dict[str, Any]
) -> str:
    rst = ""
    source = store.figures_dir(target)
    for name in names:
        image = sg_adapter.next_image_path(script_vars)
        shutil.copyfile(source / name, image)
        alt = (source / name).with_suffix(".alt")
        text = alt.read_text(encoding="utf-8").strip() if alt.exists() else ""
        rst += (
            f"\n\n.. image:: {_doc_path(image, gallery_conf)}\n"
            f"   :alt: {text or '示例画出的图'}\n   :class: sphx-glr-single-img mp-figure\n\n"
        )
    return rst


def _timelines_rst(
    runs: dict[str, Result],
    shown: views.View,
    target: str,
    script_vars: dict[str, Any],
    gallery_conf: dict[str, Any],
) -> str:
    """Draw each run's timeline (:func:`mpnotes.store.timeline_path`) and return the reST that
    shows them; the first image of an example that drew no figure is its thumbnail."""
    panels = {}
    for method in shown.methods:
        rows = runs[method].timeline
        if not rows:
            continue
        alt = timeline.description(rows)
        images = []
        for theme in ("light", "dark"):
            path = store.timeline_path(target, method, theme)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(timeline.svg(rows, theme), encoding="utf-8")
            images.append(
                f".. image:: {_doc_path(path, gallery_conf)}\n   :alt: {alt}\n"
                f"   :class: only-{theme} mp-timeline-image\n"
            )
        panels[method] = "\n".join(images)
    if not panels:
        return ""
    if sg_adapter.images_used(script_vars) == 0:
        thumbnail = sg_adapter.next_image_path(script_vars).with_suffix(".svg")
        shutil.copyfile(store.timeline_path(target, shown.primary, "light"), thumbnail)
    if len(panels) == 1:
        body = next(iter(panels.values()))
    else:
        items = [
            f".. mp-tab:: {method}\n   :note: {views.WHERE.get(method, '')}\n\n"
            + _indent(rst, "   ")
            for method, rst in panels.items()
        ]
        body = ".. mp-tabs::\n   :class: mp-timelines\n\n" + _indent("\n".join(items), "   ")
    caption = TIMELINE_CAPTION.format(interval=round(SAMPLE_INTERVAL * 1000))
    timeline_rst = ".. container:: mp-timeline\n\n" + _indent(
        f"**进程时间线**\n\n{body}\n\n{caption}", "   "
    )
    # SVG, for the web pages (the PDF has no SVG support; the EPUB shows them).
    return "\n\n.. only:: html or epub\n\n" + _indent(timeline_rst, "   ") + "\n\n"


TIMELINE_CAPTION = (
    "每一行是这次运行的一个进程，左边是它的 PID（可以和输出里打印的 PID 对照），"
    "横条从它启动画到最后一次被看到还活着；颜色表示它在进程树中的层级。"
    "比 {interval} 毫秒还短命的进程，由 os.fork 创建的画成一道细线，其他的可能画不出来。"
)


def _failure_notes(runs: dict[str, Result]) -> str:
    notes = ""
    for method, run in runs.items():
        if run.failure == "timeout":
            name = views.run_name(method)
            notes += (
                "\n\n.. warning::\n\n"
                f"   构建时本例在 {name} 下运行超过了 {run.timeout:g} 秒的时限，"
                "连同它启动的进程一起被终止；上面是被终止之前的输出。\n\n"
            )
    return notes


def _paragraph(text: str, cls: str) -> str:
    return f".. rst-class:: {cls}\n\n{text}\n\n"


def _doc_path(image: Path, gallery_conf: dict[str, Any]) -> str:
    return "/" + image.relative_to(gallery_conf["src_dir"]).as_posix()


def _indent(text: str, prefix: str) -> str:
    return textwrap.indent(text, prefix, lambda line: bool(line.strip()))


def _report_failure(
    failed: dict[str, Result],
    src_file: str,
    script_vars: dict[str, Any],
    gallery_conf: dict[str, Any],
    expected: bool,
) -> None:
    relative = os.path.relpath(src_file, gallery_conf["src_dir"])
    names = {method: method.replace(views.AGAIN, "a second run of ") for method in failed}
    message = "\n\n".join(
        f"under {names[method]}: {run.message.rstrip()}" for method, run in failed.items()
    )
    kinds = ", ".join(sorted({f"{run.failure} under {names[m]}" for m, run in failed.items()}))
    if expected:
        logger.info("\n%s failed as expected:\n\n%s", relative, _indent(message, "    "))
    else:
        logger.warning(
            "\n%s failed (%s):\n\n%s",
            relative,
            kinds,
            _indent(message, "    "),
            type=WARNING_TYPE,
            subtype="example_error",
        )
    if gallery_conf["abort_on_example_error"]:
        raise RuntimeError(f"{relative}: {message}")
    sg_adapter.mark_failed(script_vars, message)
