"""Run an example script as ``python example.py`` would, under a chosen start method.

The start method is made the *default* without being *set*, so an example that calls
``multiprocessing.set_start_method()`` itself still works, exactly as it does for a reader
whose platform has that default (spawn on macOS and Windows, forkserver on Linux from 3.14)::

    python -m mpnotes.standalone --start-method spawn examples/01_process/02_process_basics.py
    python3.13 src/mpnotes/standalone.py --start-method forkserver examples/...

It uses the standard library only, so any Python runs it by its path (the tests run every example
with every supported Python this way). The engine's runner (:mod:`mpnotes._runner`) makes a method
the default with the same two private names of :mod:`multiprocessing.context`, for the same
reason: both must run without the package installed.
"""

from __future__ import annotations

import argparse
import multiprocessing.context
import os
import runpy
import sys


def use_default_start_method(method: str) -> None:
    """Make *method* the start method multiprocessing uses until one is set explicitly."""
    default = multiprocessing.context._default_context
    default._default_context = multiprocessing.context._concrete_contexts[method]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods())
    parser.add_argument("script")
    args = parser.parse_args()
    if args.start_method:
        use_default_start_method(args.start_method)
    script = os.path.abspath(args.script)
    sys.argv = [script]
    sys.path[0] = os.path.dirname(script)
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
