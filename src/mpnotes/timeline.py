"""Draw an example's process timeline as SVG: the picture of what a multiprocessing example does.

Each row is one process of the run recorded by the engine (:attr:`mpnotes.engine.Result.timeline`),
from its start to when it was last seen alive, on a common time axis; colour shows how far down the
process tree it is (the main process, its children, their children). The gallery uses the picture
as the example's thumbnail and shows it, explained, under the example's output.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

#: Fill colours by depth in the process tree: main process, children, grandchildren, deeper.
COLOURS = ("#1f6feb", "#e8590c", "#2f9e44", "#868e96")
LEGEND = ("主进程", "子进程", "孙进程", "更深")


def depths(timeline: list[tuple[int, int, float, float]]) -> list[int]:
    """Depth of each row in the tree of the recorded processes (the first row is the root)."""
    parent = {pid: ppid for pid, ppid, _, _ in timeline}
    root = timeline[0][0]
    result = []
    for pid, *_ in timeline:
        depth, ancestor = 0, pid
        while ancestor != root and ancestor in parent and depth < len(timeline):
            ancestor = parent[ancestor]
            depth += 1
        result.append(depth)
    return result


def svg(timeline: list[tuple[int, int, float, float]], width: int = 400, height: int = 280) -> str:
    """The timeline as a standalone SVG document of *width* x *height* pixels."""
    left, right, top, bottom = 14, 14, 46, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    total = max((end for *_, end in timeline), default=0.0) or 1.0
    row_h = min(40.0, plot_h / max(1, len(timeline)))
    bar_h = max(1.0, row_h * 0.7)
    levels = depths(timeline)
    seconds = f"{total:.2f}".rstrip("0").rstrip(".")
    title = f"进程时间线：{len(timeline)} 个进程，共 {seconds} 秒"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" font-size="20">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    x = left
    for level in range(min(len(COLOURS), max(levels) + 1)):
        parts.append(f'<rect x="{x}" y="12" width="16" height="16" fill="{COLOURS[level]}"/>')
        parts.append(f'<text x="{x + 22}" y="27" fill="#333333">{LEGEND[level]}</text>')
        x += 22 + 20 * len(LEGEND[level]) + 18
    for row, ((_, _, start, end), level) in enumerate(zip(timeline, levels, strict=True)):
        bar_x = left + plot_w * start / total
        bar_w = max(2.0, plot_w * (end - start) / total)
        bar_y = top + row * row_h + (row_h - bar_h) / 2
        colour = COLOURS[min(level, len(COLOURS) - 1)]
        parts.append(
            f'<rect class="bar" x="{bar_x:.1f}" y="{bar_y:.1f}" width="{bar_w:.1f}" '
            f'height="{bar_h:.1f}" fill="{colour}"/>'
        )
    axis_y = height - bottom + 8
    parts += [
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#999999"/>',
        f'<text x="{left}" y="{axis_y + 24}" fill="#333333">0</text>',
        f'<text x="{width - right}" y="{axis_y + 24}" fill="#333333" text-anchor="end">'
        f"{seconds} 秒</text>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
