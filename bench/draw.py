"""Plotly's own share of a redraw, and the bytes of a filter change, in the page the app has drawn.

`plotly_draw`: the figure the map shows (its `data` and `layout`, copied from the graph div) is drawn again with
`Plotly.react` into a fresh div of the map's size, with no network and no Dash: the divisor of the redraw's
overhead ratio. Each timed draw follows a react to an empty figure, so that Plotly diffs against nothing and
draws everything (reacting to an unchanged figure would be a no-op). `part` draws a share of the figure alone:
`base` the base map with no traces, `listed` the listed tier's traces only: what each costs a redraw.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from bench.network import Transfer, transfer

# Copy the shown figure into a fresh div; per run, react to an empty figure, then time the react back to the
# frame after it (as the redraw metric ends). Resolves with the times and the long tasks meanwhile.
PLOTLY_DRAW = """
const [runs, part, done] = arguments;
const source = document.querySelector('#map-graph .js-plotly-plot');
const copy = value => structuredClone(value);
// The base map alone is one empty trace: with no geo trace at all Plotly would draw no map.
const empty = {type: 'scattergeo', mode: 'lines', lon: [], lat: [], hoverinfo: 'skip', showlegend: false};
const shares = {all: () => true, base: () => false, listed: t => t.legendgroup === 'listed'};
const shared = source.data.filter(shares[part]);
const data = copy(shared.length ? shared : [empty]), layout = copy(source.layout);
const div = document.createElement('div');
div.style.cssText = `position:fixed;left:0;top:0;z-index:9999;background:#fff;` +
  `width:${source.clientWidth}px;height:${source.clientHeight}px`;
document.body.appendChild(div);
const config = {topojsonURL: source._context.topojsonURL, responsive: false};
const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
const tasksBefore = window.__bench.longTasks.length;
(async () => {
  await Plotly.newPlot(div, copy(source.data), copy(layout), config);  // base map fetched and cached, not timed
  const times = [];
  for (let i = 0; i < runs; i++) {
    await Plotly.react(div, [], {});
    await frame();
    const start = performance.now();
    await Plotly.react(div, copy(data), copy(layout), config);
    await frame();
    times.push(performance.now() - start);
  }
  Plotly.purge(div);
  div.remove();
  await new Promise(resolve => setTimeout(resolve, 300));  // long tasks are reported after they end
  done({times, longTasks: window.__bench.longTasks.slice(tasksBefore)});
})();
"""


@dataclass(frozen=True)
class DrawTimes:
    """Median `Plotly.react` time of the figure shown, and the longest main-thread task while drawing it."""

    median_ms: float
    longest_task_ms: float


def plotly_draw(driver: Any, runs: int = 7, part: str = "all") -> DrawTimes:
    """Time `Plotly.react` of the figure the map shows now (or its `part`: base, listed), `runs` times in a fresh
    div."""
    result = driver.execute_async_script(PLOTLY_DRAW, runs, part)
    return DrawTimes(statistics.median(result["times"]), max(result["longTasks"], default=0.0))


def drain_log(driver: Any) -> Transfer:
    """What the network carried since the performance log was last read (reading it empties it)."""
    return transfer(driver.get_log("performance"))
