"""The process timeline picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mpnotes.timeline import depths, svg

SVG = "{http://www.w3.org/2000/svg}"
TIMELINE = [
    (10, 1, 0.0, 1.0),  # main
    (11, 10, 0.1, 0.6),  # child
    (12, 10, 0.1, 0.1),  # child seen once (no length)
    (13, 11, 0.2, 0.5),  # grandchild
]


def test_depths_follow_the_parent_links():
    assert depths(TIMELINE) == [0, 1, 1, 2]


def test_svg_has_one_bar_per_process_on_a_common_time_axis():
    root = ET.fromstring(svg(TIMELINE, width=400, height=280))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == 4
    xs = [float(b.get("x")) for b in bars]
    widths = [float(b.get("width")) for b in bars]
    assert xs[0] < xs[1] == xs[2] < xs[3]
    assert widths[0] > widths[1] > widths[3] > 0
    assert widths[2] == 2.0  # a process with no measured length is still visible
    assert root.find(f"{SVG}title").text == "进程时间线：4 个进程，共 1 秒"
    legend = [t.text for t in root.iter(f"{SVG}text")]
    assert legend[:3] == ["主进程", "子进程", "孙进程"]
    assert legend[-1] == "1 秒"


def test_many_processes_still_fit():
    many = [(1, 0, 0.0, 2.0)] + [(i, 1, 0.01 * i, 1.5) for i in range(2, 103)]
    root = ET.fromstring(svg(many, width=400, height=280))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == 102
    assert max(float(b.get("y")) + float(b.get("height")) for b in bars) <= 280
