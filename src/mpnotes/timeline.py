"""Draw an example's process timeline as SVG: the picture of what a multiprocessing example does.

Each row is one process of a run recorded by the engine (:attr:`mpnotes.engine.Result.timeline`),
labelled with its PID (and its role for the main process and multiprocessing's helpers) so that a
reader can match it with the PIDs the output prints, and drawn from its start to when it was last
seen alive, on a common time axis with ticks. Colour shows how far down the process tree it is.
A process that lived shorter than the engine's sampling interval is drawn as a narrow mark.

:func:`svg` draws for the light or the dark theme; :func:`description` is the text alternative.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from mpnotes.engine import KIND_BRIEF, KIND_FORKSERVER, KIND_MAIN, KIND_TRACKER, SAMPLE_INTERVAL

Row = tuple[int, int, float, float, str]

#: Fill colours by depth in the process tree: main process, children, grandchildren, deeper;
#: for the light and the dark theme.
COLOURS = {
    "light": ("#1f6feb", "#d9480f", "#2b8a3e", "#6c757d"),
    "dark": ("#58a6ff", "#ff922b", "#69db7c", "#adb5bd"),
}
LEGEND = ("主进程", "子进程", "孙进程", "更深")
THEMES = {
    "light": {"background": "#ffffff", "text": "#222222", "axis": "#888888"},
    "dark": {"background": "#131416", "text": "#e6e6e6", "axis": "#8b949e"},
}
ROLES = {
    KIND_MAIN: "主进程",
    KIND_TRACKER: "资源跟踪器",
    KIND_FORKSERVER: "forkserver 服务进程",
    KIND_BRIEF: "存活极短",
}

FONT = 13
ROW = 20
BAR = 12


def depths(timeline: list[Row]) -> list[int]:
    """Depth of each row in the tree of the recorded processes (the first row is the root)."""
    parent = {row[0]: row[1] for row in timeline}
    root = timeline[0][0]
    result = []
    for pid, *_ in timeline:
        depth, ancestor = 0, pid
        while ancestor != root and ancestor in parent and depth < len(timeline):
            ancestor = parent[ancestor]
            depth += 1
        result.append(depth)
    return result


def label(row: Row) -> str:
    pid, _, _, _, kind = row
    role = ROLES.get(kind, "")
    return f"{pid} {role}" if role else str(pid)


def _text_width(text: str) -> float:
    return sum(FONT if ord(char) > 0x2E80 else FONT * 0.6 for char in text)


def ticks(total: float) -> list[float]:
    """About five round tick values from 0 to *total* seconds."""
    if total <= 0:
        return [0.0]
    raw = total / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = int(total / step + 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def _seconds(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"


def svg(timeline: list[Row], theme: str = "light", width: int = 560) -> str:
    """The timeline as a standalone SVG document for the *theme* (``"light"`` or ``"dark"``)."""
    colours, style = COLOURS[theme], THEMES[theme]
    labels = [label(row) for row in timeline]
    left = 12 + max(_text_width(text) for text in labels)
    right, top = 16, 34
    plot_w = width - left - right
    axis_y = top + ROW * len(timeline) + 6
    height = axis_y + 18 + FONT + 10  # the tick labels, then the axis title
    total = max((row[3] for row in timeline), default=0.0) or SAMPLE_INTERVAL
    levels = depths(timeline)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="{FONT}">',
        f'<rect width="{width}" height="{height}" fill="{style["background"]}"/>',
    ]
    x = 8.0
    for level in range(min(len(colours), max(levels) + 1)):
        parts.append(f'<rect x="{x:.0f}" y="9" width="12" height="12" fill="{colours[level]}"/>')
        parts.append(f'<text x="{x + 17:.0f}" y="20" fill="{style["text"]}">{LEGEND[level]}</text>')
        x += 17 + _text_width(LEGEND[level]) + 16

    for index, (row, level, text) in enumerate(zip(timeline, levels, labels, strict=True)):
        y = top + index * ROW
        colour = colours[min(level, len(colours) - 1)]
        parts.append(
            f'<text x="{left - 8:.1f}" y="{y + ROW / 2 + FONT / 2 - 2:.1f}" text-anchor="end" '
            f'fill="{style["text"]}">{escape(text)}</text>'
        )
        _, _, start, end, kind = row
        bar_x = left + plot_w * start / total
        bar_w = max(3.0, plot_w * (end - start) / total)
        opacity = ' fill-opacity="0.55"' if kind == KIND_BRIEF else ""
        parts.append(
            f'<rect class="bar" x="{bar_x:.1f}" y="{y + (ROW - BAR) / 2:.1f}" '
            f'width="{bar_w:.1f}" height="{BAR}" fill="{colour}"{opacity}/>'
        )

    parts.append(
        f'<line x1="{left:.1f}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" '
        f'stroke="{style["axis"]}"/>'
    )
    for value in ticks(total):
        tick_x = left + plot_w * value / total
        anchor = "start" if value == 0 else "middle"
        parts.append(
            f'<line x1="{tick_x:.1f}" y1="{axis_y}" x2="{tick_x:.1f}" y2="{axis_y + 4}" '
            f'stroke="{style["axis"]}"/>'
            f'<text x="{tick_x:.1f}" y="{axis_y + 18}" text-anchor="{anchor}" '
            f'fill="{style["text"]}">{_seconds(value)}</text>'
        )
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{axis_y + 18 + FONT + 4}" text-anchor="middle" '
        f'fill="{style["text"]}">时间（秒，从主进程启动算起）</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def description(timeline: list[Row], limit: int = 12) -> str:
    """A text alternative for the picture: each process with its PID, role and lifetime."""
    total = max((row[3] for row in timeline), default=0.0)
    levels = depths(timeline)
    parts = []
    for row, level in zip(timeline[:limit], levels, strict=False):
        pid, _, start, end, kind = row
        role = ROLES.get(kind) or LEGEND[min(level, len(LEGEND) - 1)]
        when = (
            f"{_seconds(start)} 秒时启动，存活不到 {round(SAMPLE_INTERVAL * 1000)} 毫秒"
            if kind == KIND_BRIEF
            else f"{_seconds(start)}–{_seconds(end)} 秒"
        )
        parts.append(f"PID {pid}（{role}）{when}")
    more = f"；另有 {len(timeline) - limit} 个进程" if len(timeline) > limit else ""
    return (
        f"进程时间线，共 {len(timeline)} 个进程，历时 {_seconds(total)} 秒："
        + "；".join(parts)
        + more
        + "。"
    )
