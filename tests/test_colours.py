"""Colour for every reader: the map's palettes stay apart under simulated colour-blindness, status is never told
by colour alone, and the page's text and controls meet WCAG AA contrast.

Colour-blindness is simulated with Machado, Oliveira & Fernandes (2009), severity 1, in linear RGB; differences are
CIEDE2000 in CIELAB (D65). Contrast is WCAG 2.2's ratio of relative luminances.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import numpy as np
import pytest

from dashboard import figures
from dashboard.figures.styles import LISTED_PLACE_COLOR, PLACE_COLOR

ASSETS = Path(__file__).resolve().parent.parent / "assets"

SIMULATIONS: dict[str, np.ndarray] = {
    "normal": np.eye(3),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}
_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
_WHITE = np.array([0.95047, 1.0, 1.08883])


def linear_rgb(colour: str) -> np.ndarray:
    value = np.array([int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.where(value <= 0.04045, value / 12.92, ((value + 0.055) / 1.055) ** 2.4)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    la, lb = (float(linear_rgb(c) @ [0.2126, 0.7152, 0.0722]) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def lab(colour: str, simulation: str) -> tuple[float, float, float]:
    """CIELAB of a colour as a reader with this kind of vision sees it."""
    t = _XYZ @ np.clip(SIMULATIONS[simulation] @ linear_rgb(colour), 0, 1) / _WHITE
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = a1 * (1 + g), a2 * (1 + g)
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_hue = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    rotation = (
        -math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2))))
        * 2
        * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    )
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc, sh = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    return math.sqrt(
        ((l2 - l1) / sl) ** 2 + ((c2 - c1) / sc) ** 2 + (d_hue / sh) ** 2 + rotation * (c2 - c1) / sc * d_hue / sh
    )


def least_difference(colours: dict[str, str], simulation: str) -> tuple[float, str, str]:
    return min(
        (ciede2000(lab(colours[a], simulation), lab(colours[b], simulation)), a, b)
        for a, b in itertools.combinations(colours, 2)
    )


def test_ciede2000_matches_the_published_test_data():
    # Sharma, Wu & Dalal (2005), pairs 1 and 17.
    assert ciede2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50.0, 2.5, 0.0), (73.0, 25.0, -18.0)) == pytest.approx(27.1492, abs=1e-4)


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_status_colours_stay_apart_for_colour_blind_readers(simulation):
    colours = {status: style["color"] for status, style in figures.STATUS_STYLE.items()}
    difference, a, b = least_difference(colours, simulation)
    assert difference >= 10, f"{a} and {b} look alike under {simulation} (CIEDE2000 {difference:.1f})"


@pytest.mark.parametrize("simulation", ["normal", "protanopia", "deuteranopia"])
def test_aid_type_colours_stay_apart_for_colour_blind_readers(simulation):
    colours = {**figures.AID_COLORS, "none": figures.NO_AID_COLOR, "selected": figures.HIGHLIGHT_COLOR}
    assert len(set(figures.AID_PALETTE)) == len(figures.AID_PALETTE)
    difference, a, b = least_difference(colours, simulation)
    assert difference >= 8, f"{a} and {b} look alike under {simulation} (CIEDE2000 {difference:.1f})"


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_the_selection_has_a_colour_no_status_aid_type_or_chip_uses(simulation):
    others = {
        **{status: style["color"] for status, style in figures.STATUS_STYLE.items()},
        **figures.AID_COLORS,
        "none": figures.NO_AID_COLOR,
        "cited places and chip": PLACE_COLOR,
        "listed places": LISTED_PLACE_COLOR,
    }
    nearest = min(
        (least_difference({"selected": figures.HIGHLIGHT_COLOR, name: colour}, simulation)[0], name)
        for name, colour in others.items()
    )
    assert nearest[0] >= 12, f"the selection looks like {nearest[1]} under {simulation}"


def test_status_is_never_told_by_colour_alone():
    dashes = [style["dash"] for style in figures.STATUS_STYLE.values()]
    assert len(set(dashes)) == len(dashes), "two statuses share a line pattern"


def css_variables(path: Path) -> dict[str, str]:
    root = re.search(r":root\s*{(.*?)}", path.read_text(encoding="utf-8"), re.S)
    assert root, f"{path.name} has no :root block"
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b", root.group(1)))


# (foreground, background, least ratio): text 4.5, control boundaries and focus rings 3 (WCAG 1.4.3, 1.4.11).
CSS_PAIRS = [
    ("text", "bg", 4.5),
    ("text", "card", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "card", 4.5),
    ("muted", "accent-soft", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "card", 4.5),
    ("accent", "accent-soft", 4.5),
    ("control-border", "card", 3.0),
    ("control-border", "bg", 3.0),
    ("focus", "card", 3.0),
    ("focus", "bg", 3.0),
]


@pytest.mark.parametrize("foreground, background, least", CSS_PAIRS)
def test_page_colours_meet_wcag_aa(foreground, background, least):
    variables = css_variables(ASSETS / "style.css")
    ratio = contrast(variables[foreground], variables[background])
    assert ratio >= least, f"--{foreground} on --{background}: {ratio:.2f}:1, under {least}:1"


@pytest.mark.parametrize(
    "foreground, background, least",
    [
        ("#ffffff", "#0f1f3d", 3.0),  # the focus ring on the dark header
        ("#6d86b3", "#0f1f3d", 3.0),  # the header links' border
        ("#dbe6ff", "#0f1f3d", 4.5),  # the header links
        ("#c7d3ea", "#0f1f3d", 4.5),  # the tagline
        ("#b45309", "#ffffff", 4.5),  # "Proposed" headings in the panel
        ("#92400e", "#fef3c7", 4.5),  # the "uncertain" badge
    ],
)
def test_literal_colours_of_the_page_meet_wcag_aa(foreground, background, least):
    assert re.search(foreground, (ASSETS / "style.css").read_text(encoding="utf-8"), re.I), f"{foreground} not used"
    assert contrast(foreground, background) >= least
