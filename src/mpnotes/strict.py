"""The one strict Sphinx build: the same flags in nox, the tests, the benchmark, the offline books.

``noxfile.py`` cannot import the package (nox runs outside the environments it creates), so it
writes the same list; ``tests/test_tooling.py`` checks that the two agree.
"""

# fmt: off
SPHINX_FLAGS = [
    "-n",  # nitpicky: every cross-reference must resolve
    "-W",  # warnings are errors
    "--keep-going",  # report every warning before failing
]
# fmt: on
