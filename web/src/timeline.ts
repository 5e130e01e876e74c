/**
 * The timeline: events per day (or week) stacked by type over everything the other filters allow;
 * drag across it to set the time filter (the selection stays drawn), double-click to clear it.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { get } from './api.js';
import { typeColor } from './colors.js';
import { h } from './dom.js';
import { timelineQuery } from './queries.js';
import { currentFilters, setFilters } from './state.js';
import type { TimelineData } from './types.js';

let plot: uPlot | null = null;
let controller: AbortController | null = null;
let canvasBox: HTMLElement | null = null;
let legendBox: HTMLElement | null = null;
let caption: HTMLElement | null = null;

const DAY = 86_400;

function toSec(d: string): number {
  return Date.parse(`${d}T00:00:00Z`) / 1000;
}

function toDate(sec: number): string {
  return new Date(sec * 1000).toISOString().slice(0, 10);
}

function drawSelection(u: uPlot, step: number): void {
  const f = currentFilters();
  if (!f.from && !f.to) {
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    return;
  }
  const xs = u.data[0];
  const lo = f.from ? toSec(f.from) : xs[0];
  const hi = (f.to ? toSec(f.to) : xs[xs.length - 1]) + step;
  const left = Math.max(0, u.valToPos(lo, 'x'));
  const right = Math.min(u.bbox.width / devicePixelRatio, u.valToPos(hi, 'x'));
  u.setSelect(
    { left, top: 0, width: Math.max(2, right - left), height: u.bbox.height / devicePixelRatio },
    false,
  );
}

export function mountTimeline(root: HTMLElement): Promise<void> {
  if (!canvasBox) {
    canvasBox = h('div', {
      class: 'timeline-canvas',
      role: 'img',
      'aria-label': 'Events over time, stacked by type',
    });
    legendBox = h('div', { class: 'timeline-legend' });
    caption = h('span', { class: 'muted small' });
    root.replaceChildren(
      h(
        'div',
        { class: 'panel-bar' },
        h('h2', null, 'Timeline'),
        caption,
        h(
          'button',
          {
            type: 'button',
            class: 'secondary clear-time',
            onclick: () => {
              const f = currentFilters();
              delete f.from;
              delete f.to;
              setFilters(f);
            },
          },
          'Clear time',
        ),
      ),
      canvasBox,
      legendBox,
    );
  }
  return refreshTimeline();
}

export async function refreshTimeline(): Promise<void> {
  if (!canvasBox) return;
  const q = timelineQuery();
  controller?.abort();
  controller = new AbortController();
  let data: TimelineData;
  try {
    data = await get<TimelineData>('/timeline', q, controller.signal);
  } catch (e) {
    if ((e as Error).name !== 'AbortError' && caption)
      caption.textContent = `Timeline: ${(e as Error).message}`;
    return;
  }
  draw(data);
}

function draw(data: TimelineData): void {
  if (!canvasBox || !legendBox || !caption) return;
  plot?.destroy();
  plot = null;
  const step = data.interval === 'week' ? 7 * DAY : DAY;
  const f = currentFilters();
  caption.textContent = data.buckets.length
    ? `per ${data.interval}${f.from || f.to ? ` · selected ${f.from ?? '…'} to ${f.to ?? '…'}` : ' · drag to select a period'}`
    : 'no dated events';
  // Stack: largest types at the bottom; each series holds the running total, drawn top-down.
  const types = Object.keys(data.series).sort(
    (a, b) => data.series[b].reduce((s, x) => s + x, 0) - data.series[a].reduce((s, x) => s + x, 0),
  );
  legendBox.replaceChildren(
    ...types.map((t) => {
      const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      sw.style.background = typeColor(t);
      return h('span', { class: 'lg' }, sw, t.toLowerCase());
    }),
  );
  if (!data.buckets.length) {
    canvasBox.replaceChildren(h('p', { class: 'empty' }, 'No dated events match.'));
    return;
  }
  canvasBox.replaceChildren();
  const xs = data.buckets.map(toSec);
  const cum: number[][] = [];
  let run = new Array(xs.length).fill(0);
  for (const t of types) {
    run = run.map((v, i) => v + data.series[t][i]);
    cum.push(run);
  }
  const bars = uPlot.paths.bars!({ size: [0.9, 40], align: 1 });
  const series: uPlot.Series[] = [{}];
  const ys: number[][] = [];
  for (let i = types.length - 1; i >= 0; i--) {
    series.push({
      label: types[i],
      stroke: typeColor(types[i]),
      fill: typeColor(types[i]),
      width: 0,
      paths: bars,
      points: { show: false },
    });
    ys.push(cum[i]);
  }
  const width = Math.max(200, canvasBox.clientWidth || 600);
  plot = new uPlot(
    {
      width,
      height: 130,
      legend: { show: false },
      padding: [6, 8, 0, 0],
      scales: { x: { time: true, range: (_u, min, max) => [min, max + step] } },
      axes: [
        { size: 28, grid: { show: false } },
        { size: 36, grid: { stroke: '#eee' }, ticks: { show: false } },
      ],
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      series,
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 3) return;
            const lo = u.posToVal(u.select.left, 'x');
            const hi = u.posToVal(u.select.left + u.select.width, 'x');
            const from = toDate(Math.floor(lo / DAY) * DAY);
            const to = toDate(Math.max(Math.floor(lo / DAY), Math.ceil(hi / DAY) - 1) * DAY);
            setFilters({ ...currentFilters(), from, to });
          },
        ],
        ready: [(u) => drawSelection(u, step)],
      },
    },
    [xs, ...ys] as uPlot.AlignedData,
    canvasBox,
  );
  plot.over.addEventListener('dblclick', () => {
    const cf = currentFilters();
    delete cf.from;
    delete cf.to;
    setFilters(cf);
  });
}

export function resizeTimeline(): void {
  if (plot && canvasBox) plot.setSize({ width: Math.max(200, canvasBox.clientWidth), height: 130 });
}
