"""The ``mp-example`` directive: an example's code and captured output inside a chapter page.

In MyST::

    ```{mp-example} 01_process/02_process_basics.py
    ```

The argument is the example's path relative to the (first) sphinx-gallery ``examples_dirs``. The
directive renders the example's code (its code blocks, without the docstring, the cell comments and
``sphinx_gallery_*`` settings), the output its runs printed when the site was built, as on its
gallery page (:mod:`mpnotes.views`: one output where the start methods agree, one tab per method
where they differ, and a sentence saying which), its figures, a compact process timeline, and links
to the example's gallery page and to its download. The output is never typed by hand: a missing
result is a build warning.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from mpnotes import gallery, sg_adapter, store, tabs, timeline, views
from mpnotes.engine import Result

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
        how = gallery.plan(source)
        runs = store.load(target)
        if store.result_path(target).exists():
            # Read the page again whenever the example has run again.
            self.env.note_dependency(str(store.result_path(target)))
        if how.not_run:
            container += self._note(
                f"本例需要 Python {how.not_run} 或更新的版本，构建本站的 Python 没有运行它，"
                "这里也就没有输出。"
            )
        elif runs:
            container += self._outputs(runs, how, target, srcdir)
        elif conf["plot_gallery"]:
            logger.warning(
                "mp-example: %s has no captured output", relative, location=self.get_location()
            )
        container += self._links(gallery_dir / relative)
        return [container]

    def _code(self, source: Path, name: str, example_doc: str) -> nodes.Node:
        _, blocks = sg_adapter.split(source)
        code = "\n\n".join(
            sg_adapter.without_settings(block.content).strip("\n")
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

    def _outputs(
        self, runs: dict[str, Result], how: gallery.Plan, target: Path, srcdir: Path
    ) -> list[nodes.Node]:
        shown = views.view(runs, varies=how.varies, whole=True)
        (block,) = shown.blocks
        texts = block.texts
        result: list[nodes.Node] = []
        if len(texts) == 1:
            result += _output(next(iter(texts.values())))
        else:
            result.append(
                tabs.make_tab_set(
                    [
                        tabs.make_tab(method, views.WHERE.get(method, ""), _output(text))
                        for method, text in texts.items()
                    ],
                    ["mp-outputs"],
                )
            )
        figures = store.figures_dir(target)
        for names in runs[shown.primary].figures:
            for name in names:
                alt = figures.joinpath(name).with_suffix(".alt")
                text = alt.read_text(encoding="utf-8").strip() if alt.exists() else ""
                result.append(
                    nodes.image(
                        uri=_uri(figures / name, srcdir),
                        alt=text or "示例画出的图",
                        classes=["mp-figure"],
                    )
                )
        result.append(nodes.paragraph("", shown.summary(how.pinned), classes=["mp-methods-note"]))
        for method, run in runs.items():
            if run.failure == "timeout" and not views.is_again(method):
                result.append(
                    self._note(
                        f"构建时本例在 {method} 下运行超过了 {run.timeout:g} 秒的时限，"
                        "连同它启动的进程一起被终止；上面是被终止之前的输出。"
                    )
                )
        result.append(_timelines(runs, shown, target, srcdir))
        return result

    def _note(self, text: str) -> nodes.Node:
        note = nodes.note()
        note += nodes.paragraph("", text)
        return note

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


def _output(text: str) -> list[nodes.Node]:
    if not text or text.isspace():
        return [nodes.paragraph("", "（没有输出）", classes=["mp-no-output"])]
    # The markup of sphinx-gallery's output blocks, so that its stylesheet treats both alike.
    return [nodes.literal_block(text, text, language="none", classes=["sphx-glr-script-out"])]


def _uri(path: Path, srcdir: Path) -> str:
    return "/" + path.relative_to(srcdir).as_posix()


def _timelines(
    runs: dict[str, Result], shown: views.View, target: Path, srcdir: Path
) -> nodes.Node:
    """The runs' process timelines (drawn by the gallery), one tab per method."""
    panels = []
    for method in shown.methods:
        rows = runs[method].timeline
        images = [
            nodes.image(
                uri=_uri(store.timeline_path(target, method, theme), srcdir),
                alt=timeline.description(rows),
                classes=[f"only-{theme}", "mp-timeline-image"],
            )
            for theme in ("light", "dark")
            if rows
        ]
        panels.append((method, images))
    only = addnodes.only(expr="html or epub")  # SVG: not in the PDF
    details = nodes.container(classes=["mp-timeline", "mp-timeline-compact"])
    only += details
    details += nodes.paragraph("", "", nodes.strong("", "进程时间线"))
    if len(panels) == 1:
        details += panels[0][1]
    else:
        details += tabs.make_tab_set(
            [tabs.make_tab(m, views.WHERE.get(m, ""), images) for m, images in panels],
            ["mp-timelines"],
        )
    return only


class ExampleCodeLinks(SphinxPostTransform):
    """Link the names in an ``mp-example`` code block to their documentation.

    sphinx-gallery links the code on an example's own page from the names it recorded for it;
    this does the same for the example's code shown inside a chapter
    (:func:`mpnotes.sg_adapter.linked_code`).
    """

    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for block in list(self.document.findall(nodes.literal_block)):
            example_doc = block.get("mpnotes_example")
            if not example_doc:
                continue
            app = getattr(self.env, "_app", None) or self.app  # as sphinx-gallery does
            linked = sg_adapter.linked_code(
                self.env,
                app,
                self.env.path2doc(self.document["source"]),
                conf=self.config.sphinx_gallery_conf,
                example_doc=example_doc,
                code=block.rawsource,
            )
            if linked is not None:
                linked["classes"] = block.get("classes", [])
                block.replace_self(linked)
