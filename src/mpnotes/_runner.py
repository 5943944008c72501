"""Bootstrap that runs one example inside its own interpreter (see :mod:`mpnotes.engine`).

Started as ``python path/to/_runner.py SPEC.json``. It turns itself into the example: a fresh
``__main__`` module with the example's real ``__file__`` and ``__spec__ = None`` (what
``python example.py`` gives, so spawn and forkserver children re-import the script as
``__mp_main__``), ``sys.argv`` and ``sys.path[0]`` of a script run. It then executes the code blocks
one by one. Before each block it writes a marker line straight to file descriptor 1; everything
written to the shared stdout/stderr pipe between two markers, by this process or any other, belongs
to that block.

When the blocks end (or one raises), the interpreter shuts down normally: non-daemon threads and
processes are joined and daemon processes terminated by multiprocessing's own exit handler, exactly
as at the end of ``python example.py``.

Two records for the engine, neither visible in the output: every process forked from this one with
:func:`os.fork` appends ``pid ppid time`` to the spec's ``forks`` log as it starts (the timeline
then shows processes too short-lived for the engine's sampling), and, if the spec names a
``figures`` directory, the matplotlib figures open at the end of each block, or shown with
``plt.show()``, are saved there as ``<block>-<n>.png`` and closed, as sphinx-gallery's matplotlib
scraper does for in-process examples.

This module imports nothing from the rest of the package, so the example's processes never see it.
"""

import codeop
import contextlib
import importlib.abc
import importlib.util
import json
import os
import sys
import time
import traceback
import types


def _write_marker(nonce, index):
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os.write(1, f"\x1e{nonce}:{index}\n".encode())


def _use_default_start_method(method):
    # Make *method* the default without setting it, so the example may still call
    # multiprocessing.set_start_method() itself.
    import multiprocessing.context

    ctx = multiprocessing.context
    ctx._default_context._default_context = ctx._concrete_contexts[method]


def _log_forks(path):
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def born():
        with contextlib.suppress(OSError):
            os.write(fd, f"{os.getpid()} {os.getppid()} {time.time():.6f}\n".encode())

    os.register_at_fork(after_in_child=born)


class _Figures:
    """Save matplotlib's open figures per block; ``plt.show()`` saves and closes them too."""

    def __init__(self, directory):
        self.directory = directory
        self.block = 0
        self.count = 0
        self.pid = os.getpid()
        sys.meta_path.insert(0, _PatchShow(self.show))

    def save(self):
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is None or os.getpid() != self.pid:
            return
        for number in plt.get_fignums():
            self.count += 1
            os.makedirs(self.directory, exist_ok=True)
            name = f"{self.block:03d}-{self.count:03d}.png"
            figure = plt.figure(number)
            figure.savefig(os.path.join(self.directory, name))
            with open(os.path.join(self.directory, name[:-4] + ".alt"), "w", encoding="utf-8") as f:
                f.write(_titles(figure))
        plt.close("all")

    def show(self):
        self.save()

    def next_block(self, index):
        self.save()
        self.block = index


def _titles(figure):
    """The figure's titles, as the text alternative of its image."""
    titles = [getattr(figure, "get_suptitle", str)()]  # matplotlib 3.8+
    titles += [axes.get_title() for axes in figure.axes]
    return "；".join(title for title in titles if title.strip())


class _PatchShow(importlib.abc.MetaPathFinder):
    """Replace ``matplotlib.pyplot.show`` as soon as the example imports pyplot."""

    def __init__(self, show):
        self.replacement = show

    def find_spec(self, fullname, path, target=None):
        if fullname != "matplotlib.pyplot":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module
        replacement = self.replacement

        def show(*args, **kwargs):  # a function: pyplot sets attributes on its show()
            replacement()

        def exec_module(module):
            execute(module)
            module.show = show

        spec.loader.exec_module = exec_module
        return spec


def _example_traceback(exc):
    # Drop this module's frames: the reader's terminal shows only the example's.
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def main(spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    path = spec["path"]

    main_module = types.ModuleType("__main__")
    main_module.__file__ = path
    main_module.__spec__ = None
    main_module.__doc__ = spec.get("doc")
    main_module.__builtins__ = __builtins__
    sys.modules["__main__"] = main_module
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)
    if spec.get("start_method"):
        _use_default_start_method(spec["start_method"])
    _log_forks(spec["forks"])
    figures = _Figures(spec["figures"]) if spec.get("figures") else None

    result = {"exception": None}
    pending = None
    compiler = codeop.Compile()  # carries __future__ imports from one block to the next
    for index, (lineno, source) in enumerate(spec["blocks"]):
        if figures is not None:
            figures.next_block(index)
        _write_marker(spec["nonce"], index)
        try:
            code = compiler("\n" * (lineno - 1) + source, path, "exec")
            exec(code, main_module.__dict__)
        except SystemExit as exc:
            pending = exc  # re-raised below: the interpreter sets the exit status, as for a script
            break
        except BaseException as exc:
            text = _example_traceback(exc)
            sys.stderr.write(text)
            result["exception"] = text
            pending = SystemExit(1)
            break

    if figures is not None:
        figures.save()
    with open(spec["result"], "w", encoding="utf-8") as f:
        json.dump(result, f)
    if pending is not None:
        raise pending


if __name__ == "__main__":
    main(sys.argv[1])
