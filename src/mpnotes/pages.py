"""What an HTML page loads: only what it uses, images when they are scrolled to.

- sphinx-gallery's stylesheets and scripts for features the site does not use are left out of every
  page (:data:`mpnotes.sg_adapter.UNUSED_ASSETS`); its gallery stylesheet is loaded by the
  gallery's index pages only, for the thumbnails (``mpnotes.css`` styles outputs and download
  links everywhere); the highlighting stylesheet and the copy buttons only by pages with code;
- furo's navigation lists every example page of every sub-gallery on every page (about 90 links); it
  keeps them on the pages of that sub-gallery only, and elsewhere lists the sub-galleries;
- images below the output (timelines, figures, the gallery's thumbnails) load lazily, so a page
  loads those a reader scrolls to, and of each timeline only the theme's (the other is hidden);
- in code blocks, Pygments wraps every name, punctuation mark and run of spaces in a ``<span>``
  (a third of a chapter's HTML); where the build's light and dark styles give those tokens the code
  block's own colour, the spans change nothing on screen and are left out
  (:func:`plain_token_classes`), and the highlighting stylesheet is written without its comments
  and without the rules of token classes no page uses;
- markup that changes nothing on screen is left out (:func:`lighten_markup`), and a timeline's two
  images (light and dark theme) share one text description (:func:`share_timeline_descriptions`);
- script files are loaded with ``defer`` (except on the search page), so they do not hold up the
  first paint; the scripts that highlight the searched words are loaded only on a page opened
  from the search results (:func:`load_on_demand`).
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from docutils import nodes
from pygments.formatters import HtmlFormatter
from sphinx.application import Sphinx
from sphinx.highlighting import PygmentsBridge
from sphinx.transforms.post_transforms import SphinxPostTransform

from mpnotes import sg_adapter
from mpnotes.gallery import gallery_dirs

#: What only a page with a code block uses: Pygments' colours and the copy buttons.
CODE_ASSETS = ("pygments.css", "copybutton.css", "copybutton.js", "clipboard.min.js")


def _is_gallery_index(app: Sphinx, pagename: str) -> bool:
    galleries = [gallery for _, gallery in gallery_dirs(app.config.sphinx_gallery_conf)]
    return posixpath.basename(pagename) == "index" and any(
        pagename.startswith(gallery + "/") for gallery in galleries
    )


def _page_context(
    app: Sphinx, pagename: str, template: str, context: dict[str, Any], doctree: Any
) -> None:
    drop_assets(context, sg_adapter.unused_assets(gallery_index=_is_gallery_index(app, pagename)))
    if doctree is not None and next(doctree.findall(nodes.literal_block), None) is None:
        drop_assets(context, CODE_ASSETS)
    tree = context.get("furo_navigation_tree")
    if tree:
        context["furo_navigation_tree"] = prune_navigation(tree, app, pagename)
    if context.get("body"):
        body = unwrap_plain_tokens(context["body"], plain_token_classes(*_styles(app)))
        context["body"] = share_timeline_descriptions(lighten_markup(body))
    if pagename != "search":  # its own scripts follow, not deferred, and need these first
        load_on_demand(context, SEARCH_HIGHLIGHT_ASSETS, _ARRIVED_FROM_SEARCH)
        defer_scripts(context)


def defer_scripts(context: dict[str, Any]) -> None:
    """Load the page's script files with ``defer``: they wait for the page to be parsed (each
    waits for the document to be ready anyway) instead of holding up its first paint, and still
    run in order."""
    context["script_files"] = [
        type(js)(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})
        if getattr(js, "filename", None) and not {"async", "defer"} & set(js.attributes)
        else js
        for js in context.get("script_files", [])
    ]


#: Token classes whose spans may be left out where the styles allow it: names, punctuation and
#: whitespace (the commonest tokens of Python code).
UNWRAPPABLE = ("n", "p", "w")


def _styles(app: Sphinx) -> tuple[Any, ...]:
    """The Pygments styles of the build: the light one, and the dark one where the theme has it
    (furo's ``pygments_dark_style``)."""
    styles = [app.builder.highlighter.formatter_args["style"]]  # type: ignore[attr-defined]
    dark = getattr(app.config, "pygments_dark_style", None)
    if dark:
        styles.append(_style(dark))
    return tuple(styles)


@functools.cache
def _style(name: str) -> Any:
    return PygmentsBridge("html", name).formatter_args["style"]


def _declarations(css: str) -> dict[str, dict[str, str]]:
    """The rules of a Pygments stylesheet: selector -> {property: value}."""
    rules = {}
    for selector, body in re.findall(r"^([^{}\n]+)\{([^}]*)\}", css, re.M):
        pairs = (item.split(":", 1) for item in body.split(";") if ":" in item)
        rules[selector.strip()] = {name.strip(): value.strip() for name, value in pairs}
    return rules


@functools.cache
def plain_token_classes(*styles: Any) -> frozenset[str]:
    """The classes of :data:`UNWRAPPABLE` whose spans change nothing in any of the Pygments
    *styles*: their rule sets nothing, or only the colour the code block itself has (any colour,
    for whitespace)."""
    plain = set(UNWRAPPABLE)
    for style in styles:
        rules = _declarations(HtmlFormatter(style=style).get_style_defs(".highlight"))
        color = rules.get(".highlight", {}).get("color")
        for name in UNWRAPPABLE:
            rule = rules.get(f".highlight .{name}", {})
            if name == "w" and set(rule) <= {"color"}:
                continue
            if rule and rule != {"color": color}:
                plain.discard(name)
    return frozenset(plain)


_CODE_BLOCK = re.compile(r'<div class="highlight"><pre[^>]*>.*?</pre></div>', re.S)


def unwrap_plain_tokens(html: str, classes: frozenset[str]) -> str:
    """*html* with the Pygments spans of *classes* replaced by their text, in code blocks only, and
    not inside links (sphinx-gallery's links to the documentation of a name: the span's colour is
    what keeps them looking like the code around them)."""
    if not classes:
        return html
    names = "|".join(sorted(classes))
    span = re.compile(rf'(<a\b[^>]*>.*?</a>)|<span class="(?:{names})">([^<]*)</span>', re.S)
    return _CODE_BLOCK.sub(
        lambda block: span.sub(lambda m: m.group(1) or m.group(2), block.group(0)), html
    )


#: sphinx-gallery's classes on its links from code to the documentation of a name
#: (``sphx-glr-backref-module-time sphx-glr-backref-type-py-function``): no stylesheet of the
#: site uses them.
_BACKREF_CLASSES = re.compile(r'(?<=class=")(?:sphx-glr-backref-[\w.-]+ )+')
#: The spans Sphinx puts around each word of inline code (``span.pre``): no stylesheet of the
#: site styles them (furo leaves Sphinx's ``basic.css`` out).
_PRE_SPAN = re.compile(r'<span class="pre">([^<]*)</span>')
_SAME_CLASS_PAIR = re.compile(r'(<span class="([\w-]+)">[^<]*)</span><span class="\2">')


def lighten_markup(html: str) -> str:
    """*html* without markup that changes nothing on screen: in code blocks, two neighbouring
    spans of the same token class become one (Pygments writes a string's quotes and its text as
    three); no ``span.pre`` in inline code; no sphinx-gallery classes on links from code."""

    def merge(block: re.Match[str]) -> str:
        text, previous = block.group(0), ""
        while text != previous:
            previous, text = text, _SAME_CLASS_PAIR.sub(r"\1", text)
        return text

    html = _CODE_BLOCK.sub(merge, html)
    return _BACKREF_CLASSES.sub("", _PRE_SPAN.sub(r"\1", html))


_TIMELINE_PAIR = re.compile(
    r'<img alt="([^"]*)" class="only-light mp-timeline-image"([^>]*)>(\s*)'
    r'<img alt="\1" class="only-dark mp-timeline-image"([^>]*)>'
)


def share_timeline_descriptions(html: str) -> str:
    """A timeline is drawn twice, for the light and the dark theme, and the theme shows one of
    them; *html* with each pair wrapped in one element with the role of an image, which carries
    the text description once (it lists every process of the run), and the images marked as
    decoration (``alt=""``)."""
    return _TIMELINE_PAIR.sub(
        r'<div class="mp-timeline-picture" role="img" aria-label="\1">'
        r'<img alt="" class="only-light mp-timeline-image"\2>\3'
        r'<img alt="" class="only-dark mp-timeline-image"\4></div>',
        html,
    )


#: The scripts that highlight the words searched for on a page opened from the search results
#: (and translate its "Hide Search Matches" link): needed only on a page opened that way.
SEARCH_HIGHLIGHT_ASSETS = ("translations.js", "sphinx_highlight.js")
#: How ``sphinx_highlight.js`` knows that a page was opened from the search results: the search
#: page leaves the terms in local storage (older Sphinx: in the address).
_ARRIVED_FROM_SEARCH = (
    'localStorage.getItem("sphinx_highlight_terms")'
    ' || new URLSearchParams(location.search).has("highlight")'
)


def load_on_demand(context: dict[str, Any], names: tuple[str, ...], condition: str) -> None:
    """Replace the page's scripts called *names* by an inline script that loads them, in the order
    of *names*, once the page is parsed (after the deferred scripts they may use) and only where the
    JavaScript expression *condition* holds."""
    scripts = context.get("script_files", [])
    by_name = {posixpath.basename(getattr(js, "filename", "") or ""): js for js in scripts}
    wanted = [by_name[name] for name in names if name in by_name]
    if not wanted or "js_tag" not in context:
        return
    sources = [re.search(r'src="([^"]*)"', context["js_tag"](js)).group(1) for js in wanted]
    body = (
        'addEventListener("DOMContentLoaded", () => {\n'
        f"  try {{ if (!({condition})) return; }} catch {{ return; }}\n"
        f"  for (const src of {json.dumps(sources)}) {{\n"
        '    const script = document.createElement("script");\n'
        "    script.src = src;\n"
        "    script.async = false;  // in order\n"
        "    document.head.append(script);\n"
        "  }\n"
        "});"
    )
    loader = type(wanted[0])("", priority=wanted[0].priority, body=body)
    kept = [js for js in scripts if not any(js is other for other in wanted)]
    context["script_files"] = [*kept, loader]


def _minify_highlighting(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, after the theme wrote it: the highlighting stylesheet without its
    comments (one per rule) and without the rules of token classes no page uses (of Pygments'
    eighty-odd, Python code uses about thirty)."""
    css = Path(app.outdir, "_static", "pygments.css")
    if exception is None and app.builder.format == "html" and css.is_file():
        used: set[str] = set()
        for page in Path(app.outdir).rglob("*.html"):
            used.update(_TOKEN_SPAN.findall(page.read_text("utf-8", errors="replace")))
        text = re.sub(r"\s*/\*.*?\*/", "", css.read_text("utf-8"), flags=re.S)
        css.write_text(prune_token_rules(text, used), "utf-8")


_TOKEN_SPAN = re.compile(r'<span class="([a-z0-9]{1,3})">')
_TOKEN_RULE = re.compile(r"^[^{]*\.highlight \.([a-z0-9]+) \{")


def prune_token_rules(css: str, used: set[str]) -> str:
    """*css* (Pygments' stylesheet, one rule a line) without the rules of the token classes that
    are not *used*; every other rule stays."""
    return "\n".join(
        line
        for line in css.splitlines()
        if not (rule := _TOKEN_RULE.match(line)) or rule.group(1) in used
    )


def drop_assets(context: dict[str, Any], names: tuple[str, ...]) -> None:
    """Leave the stylesheets and scripts called *names* out of a page's context."""
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [
                asset
                for asset in context[key]
                if posixpath.basename(getattr(asset, "filename", str(asset))) not in names
            ]


def prune_navigation(tree: str, app: Sphinx, pagename: str) -> str:
    """furo's navigation *tree* (HTML) without the example pages of sub-galleries other than the
    one *pagename* is in."""
    galleries = [gallery for _, gallery in gallery_dirs(app.config.sphinx_gallery_conf)]
    here = posixpath.dirname(pagename)
    soup = BeautifulSoup(tree, "html.parser")
    changed = False
    for item in soup.select("li.toctree-l2"):
        link = item.find("a", recursive=False)
        nested = item.find("ul", recursive=False)
        if link is None or nested is None:
            continue
        target = posixpath.normpath(posixpath.join(here, link.get("href", "").split("#")[0]))
        section = posixpath.dirname(target)
        if not any(section.startswith(gallery + "/") for gallery in galleries):
            continue
        if section == here:
            continue  # the reader is in this sub-gallery: keep its examples listed
        nested.decompose()
        for toggle in item.find_all(["input", "label"], recursive=False):
            toggle.decompose()
        item["class"] = [c for c in item.get("class", []) if c != "has-children"]
        changed = True
    return str(soup) if changed else tree


class LazyImages(SphinxPostTransform):
    """``loading="lazy"`` for the images the engine adds (timelines, figures) and for the
    gallery's thumbnails."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for image in self.document.findall(nodes.image):
            classes = image.get("classes", [])
            if (
                "mp-timeline-image" in classes
                or "mp-figure" in classes
                or sg_adapter.is_thumbnail(image.get("uri", ""))
            ):
                image["loading"] = "lazy"


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _page_context, priority=900)  # after furo's (500)
    app.add_post_transform(LazyImages)
    app.connect("build-finished", _minify_highlighting, priority=900)  # after furo's (500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
