"""Exported images never overlap: at every size, scale and language, the title, subtitle, map, legend and
citation of the SVG export each keep their own area, inside the image (measured in real Chromium)."""

from __future__ import annotations

import itertools
from urllib.parse import quote

import pytest

from dashboard import i18n
from dashboard.dataset import current_atlas
from dashboard.export.figure import presentation_figure
from dashboard.export.render import render_image

LONG_TITLE = {
    "en": "Municipal diplomacy of Ukrainian cities in wartime: partners kept, suspended and formed since 2022",
    "uk": "Муніципальна дипломатія українських міст під час війни: партнерства збережені, призупинені й нові",
}
# Many filters make a long subtitle; all statuses give the legend every entry.
FILTERS = "conflict=russia_ukraine_war&status=active,dormant,suspended,ended,proposed,unknown&aid=humanitarian_supplies"
SIZES = ("1920x1080", "1280x720", "a4")

# The boxes of each area in the rendered SVG, in its own pixels (the root's box scales a x2 image back).
MEASURE = """
const root = document.documentElement.getBoundingClientRect();
const k = root.width / Number(document.documentElement.getAttribute('viewBox').split(' ')[2]);
const box = el => { const r = el.getBoundingClientRect();
  return [(r.left - root.left) / k, (r.top - root.top) / k, (r.right - root.left) / k, (r.bottom - root.top) / k]; };
// A clip rect is not drawn (no client box): read its attributes.
const clipBox = r => { const [x, y, w, h] = ['x', 'y', 'width', 'height'].map(a => Number(r.getAttribute(a)));
  return [x, y, x + w, y + h]; };
const notes = [...document.querySelectorAll('g.annotation .annotation-text')].map(box);
return {
  size: [root.width / k, root.height / k],
  title: notes[0], subtitle: notes[1], citation: notes[2],
  legend: box(document.querySelector('g.legend')),
  map: clipBox(document.querySelector('clipPath[id$="geo"] rect')),
  texts: [...document.querySelectorAll('g.annotation .annotation-text')].map(t => t.textContent),
};
"""


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(a: list[float], size: list[float]) -> bool:
    return a[0] >= -0.5 and a[1] >= -0.5 and a[2] <= size[0] + 0.5 and a[3] <= size[1] + 0.5


@pytest.mark.parametrize("size, scale, lang", list(itertools.product(SIZES, (1, 2), ("en", "uk"))))
def test_title_map_legend_and_citation_each_have_their_own_area(chromium, dataset_dir, tmp_path, size, scale, lang):
    query = f"?{FILTERS}&size={size}&lang={lang}&title={quote(LONG_TITLE[lang])}"
    with i18n.language(lang):
        figure = presentation_figure(current_atlas(), query, link="http://127.0.0.1:8050/" + query)
    svg = tmp_path / "view.svg"
    svg.write_bytes(render_image(figure, "svg", scale=scale))
    chromium.get(svg.as_uri())
    areas = chromium.execute_script(MEASURE)
    names = ("title", "subtitle", "map", "legend", "citation")
    for name in names:
        assert inside(areas[name], areas["size"]), (name, areas[name], areas["size"])
    for a, b in itertools.combinations(names, 2):
        assert not overlap(areas[a], areas[b]), (a, areas[a], b, areas[b])
    title, subtitle, citation = areas["texts"]
    assert LONG_TITLE[lang].split()[0] in title and "GeoNames" in citation and "8050" in citation
    assert areas["map"][2] - areas["map"][0] > 0.55 * areas["size"][0]  # the map still leads the image
