"""The ``mp-example`` directive: an example's code and captured output inside a chapter page.

In MyST::

    ```{mp-example} 01_process/02_process_basics.py
    ```

The argument is the example's path relative to the (first) sphinx-gallery ``examples_dirs``. The
directive renders the example's code (its code blocks, without the docstring, the cell comments and
``sphinx_gallery_*`` settings), the output the engine captured when the example ran during this
build (read from the result file :mod:`mpnotes.gallery` stored), and links to the example's gallery
page and to its download. The output is never typed by hand: a missing result is a build warning.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx_gallery import _doctree_links, py_source_parser

from mpnotes import gallery

logger = logging.getLogger(__name__)


class ExampleDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        conf = self.config.sphinx_gallery_conf
        relative = PurePosixPath(self.arguments[0])
        srcdir = Path(self.env.srcdir)
        examples_dir, first_gallery = gallery.gallery_dirs(conf)[0]
        source = (srcdir / examples_dir / relative).resolve()
        gallery_dir = PurePosixPath(first_gallery)
        target = srcdir / gallery_dir / relative
        if not source.is_file():
            logger.warning("mp-example: no example %s", source, location=self.get_location())
            return []
        self.env.note_dependency(str(source))

        container = nodes.container(classes=["mp-example"])
        container += self._code(source, relative.name, str(gallery_dir / relative.with_suffix("")))
        result = gallery.load_result(target)
        if result is not None:
            # Read the page again whenever the example has run again.
            self.env.note_dependency(str(gallery.result_path(target)))
            output = nodes.literal_block(result.output, result.output, language="none")
            container += nodes.container("", output, classes=["sphx-glr-script-out"])
        elif conf["plot_gallery"]:
            logger.warning(
                "mp-example: %s has no captured output", relative, location=self.get_location()
            )
        container += self._links(gallery_dir / relative)
        return [container]

    def _code(self, source: Path, name: str, example_doc: str) -> nodes.Node:
        _, blocks = py_source_parser.split_code_and_text_blocks(source)
        code = "\n\n".join(
            py_source_parser.remove_config_comments(block.content).strip("\n")
            for block in blocks
            if block.type == "code"
        )
        literal = nodes.literal_block(code, code, language="python")
        literal["mpnotes_example"] = example_doc  # for ExampleCodeLinks
        self.set_source_info(literal)
        wrapper = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
        wrapper += nodes.caption(name, name)
        wrapper += literal
        return wrapper

    def _links(self, gallery_path: PurePosixPath) -> nodes.Node:
        label = "sphx_glr_" + str(gallery_path).replace("/", "_")
        page = addnodes.pending_xref(
            "",
            nodes.inline("", "完整示例页面"),
            refdomain="std",
            reftype="ref",
            reftarget=label,
            refexplicit=True,
            refwarn=True,
        )
        download = addnodes.download_reference(
            "",
            "",
            nodes.literal("", f"下载 {gallery_path.name}"),
            reftarget=f"/{gallery_path}",
            refdoc=self.env.docname,
            refexplicit=True,
        )
        para = nodes.paragraph(classes=["mp-example-links"])
        para += [page, nodes.Text(" · "), download]
        return para


class ExampleCodeLinks(SphinxPostTransform):
    """Link the names in an ``mp-example`` code block to their documentation.

    sphinx-gallery links the code on an example's own page (``_doctree_links``, private API of the
    pinned version) from the names it recorded in ``<example>.codeobj.json``; this does the same
    for the example's code shown inside a chapter.
    """

    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        resolver = None
        for block in list(self.document.findall(nodes.literal_block)):
            example_doc = block.get("mpnotes_example")
            code_obj = example_doc and _doctree_links._load_code_obj(self.env, example_doc)
            if not code_obj:
                continue
            if resolver is None:
                app = getattr(self.env, "_app", None) or self.app  # as sphinx-gallery does
                resolver = _doctree_links._Resolver(
                    self.env,
                    app.builder,
                    self.env.path2doc(self.document["source"]),
                    self.config.sphinx_gallery_conf,
                )
            linked = _doctree_links.code_links_block(lang="python")
            linked["classes"] = block.get("classes", [])
            linked += list(
                _doctree_links._tokenize_and_link(block.rawsource, "python", code_obj, resolver)
            )
            block.replace_self(linked)
