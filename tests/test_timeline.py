"""The process timeline picture and its text alternative."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from mpnotes.timeline import depths, description, svg, ticks

SVG = "{http://www.w3.org/2000/svg}"
TIMELINE = [
    (10, 1, 0.0, 1.0, "main"),
    (11, 10, 0.1, 0.6, ""),  # child
    (12, 10, 0.1, 0.1, "brief"),  # forked, gone before the sampler saw it
    (13, 11, 0.2, 0.5, ""),  # grandchild
    (14, 10, 0.05, 0.9, "resource-tracker"),
]


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text")]


def test_depths_follow_the_parent_links():
    assert depths(TIMELINE) == [0, 1, 1, 2, 1]


def test_svg_has_one_bar_per_process_on_a_common_time_axis():
    root = ET.fromstring(svg(TIMELINE))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == 5
    xs = [float(b.get("x")) for b in bars]
    widths = [float(b.get("width")) for b in bars]
    assert xs[0] < xs[4] < xs[1] == xs[2] < xs[3]
    assert widths[0] > widths[4] > widths[1] > widths[3] > 0
    assert widths[2] == 3.0  # a process with no measured length is still visible


def test_each_row_is_labelled_with_its_pid_and_role():
    labels = texts(ET.fromstring(svg(TIMELINE)))
    for label in ("10 主进程", "11", "12 存活极短", "13", "14 资源跟踪器"):
        assert label in labels


def test_the_time_axis_has_round_ticks_and_a_title():
    labels = texts(ET.fromstring(svg(TIMELINE)))
    assert [x for x in labels if x[0].isdigit()][-6:] == ["0", "0.2", "0.4", "0.6", "0.8", "1"]
    assert labels[-1].startswith("时间（秒")


@pytest.mark.parametrize(
    ("total", "expected"),
    [(1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]), (0.62, [0, 0.2, 0.4, 0.6]), (3.1, [0, 1, 2, 3])],
)
def test_ticks(total, expected):
    assert ticks(total) == pytest.approx(expected)


def test_light_and_dark_themes_differ_in_background_and_text():
    light, dark = ET.fromstring(svg(TIMELINE, "light")), ET.fromstring(svg(TIMELINE, "dark"))
    backgrounds = [next(root.iter(f"{SVG}rect")).get("fill") for root in (light, dark)]
    assert backgrounds == ["#ffffff", "#131416"]
    assert next(light.iter(f"{SVG}text")).get("fill") != next(dark.iter(f"{SVG}text")).get("fill")


def test_the_height_fits_the_rows():
    few = ET.fromstring(svg(TIMELINE[:1]))
    many = ET.fromstring(svg([TIMELINE[0]] + [(i, 10, 0.1, 0.5, "") for i in range(20, 60)]))
    assert int(few.get("height")) < 120
    bars = [r for r in many.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == 41
    assert max(float(b.get("y")) + float(b.get("height")) for b in bars) < int(many.get("height"))


def test_description_names_every_process_with_its_lifetime():
    text = description(TIMELINE)
    assert text.startswith("进程时间线，共 5 个进程，历时 1 秒：")
    assert "PID 10（主进程）0–1 秒" in text
    assert "PID 12（存活极短）0.1 秒时启动，存活不到 20 毫秒" in text
    assert "PID 13（孙进程）0.2–0.5 秒" in text


def test_description_of_many_processes_is_cut_short():
    many = [TIMELINE[0]] + [(i, 10, 0.1, 0.5, "") for i in range(20, 60)]
    assert description(many).endswith("；另有 29 个进程。")
