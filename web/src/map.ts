/**
 * The map: an offline basemap (Natural Earth country outlines from `world-atlas`, bundled) under
 * marks the server clusters for the current zoom and view. Events located to a point, city or
 * district are circles sized by sources or fatalities; events known only to a province, country or
 * region are dashed rings over that area, never a pin in its capital. Pan/zoom filters the other views.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110 from 'world-atlas/countries-110m.json';
import { filtersToParams } from '../../src/desk/filters.js';
import { get } from './api.js';
import { typeColor } from './colors.js';
import { h } from './dom.js';
import { fitQuery } from './queries.js';
import { articleOfEvent, currentFilters, openView, params, setFilters } from './state.js';
import type { MapMark, MapMarks } from './types.js';

/** Ring radius (metres) for each coarse precision: a rough size of such an area. */
const AREA_RADIUS: Record<string, number> = { admin1: 80_000, country: 300_000, region: 900_000 };

let map: L.Map | null = null;
let marksLayer: L.LayerGroup | null = null;
let info: HTMLElement | null = null;
let programmatic = false;
let controller: AbortController | null = null;
let sizeBy: 'sources' | 'fatalities' = 'sources';
let filterByView = true;

function radiusFor(m: MapMark): number {
  if (m.count > 1) return Math.min(30, 6 + 3.2 * Math.sqrt(m.count));
  const v = sizeBy === 'sources' ? m.sources : m.fatalities;
  return Math.min(26, 5 + 3 * Math.sqrt(Math.max(0, v)));
}

function tip(m: MapMark): HTMLElement {
  const where =
    m.kind === 'area'
      ? `${m.precision}: ${[m.admin1, m.country].filter(Boolean).join(', ') || 'area'}`
      : m.count === 1
        ? 'located event'
        : 'located events';
  const types = Object.entries(m.types)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return h(
    'div',
    null,
    h('strong', null, `${m.count.toLocaleString('en')} ${where}`),
    h('div', null, types),
    h('div', null, `fatalities ${m.fatalities} · up to ${m.sources} source${m.sources === 1 ? '' : 's'}`),
  );
}

let fitted = false;
let basemap: L.GeoJSON | null = null;

/**
 * The country outlines, added once the map has its first real view (framed on the data, or the
 * URL's): projecting and drawing ~180 outlines is most of the map's start-up work, not worth doing
 * for the provisional view first.
 */
function addBasemap(): void {
  if (!map || basemap) return;
  const topo = countries110 as unknown as Topology<{ countries: GeometryCollection }>;
  basemap = L.geoJSON(feature(topo, topo.objects.countries), {
    style: { color: '#9a9385', weight: 0.7, fillColor: '#efebe2', fillOpacity: 1 },
    interactive: false,
    // One canvas for ~180 outlines paints faster than as many SVG paths; marks stay SVG (focusable, testable).
    // In a pane of its own under the marks' (style.css), whichever is added first.
    renderer: L.canvas({ padding: 0.5, pane: 'basemap' }),
  } as L.GeoJSONOptions & L.PathOptions).addTo(map);
}

/** Resolves when marks were first drawn (or their request failed): the end of the map's first paint. */
let firstDrawn: () => void = () => {};
const drawnOnce = new Promise<void>((resolve) => {
  firstDrawn = resolve;
});

function drawMarks(data: MapMarks): void {
  if (!map || !marksLayer) return;
  // First view: frame the data (unless the URL already says where to look).
  if (!fitted && data.marks.length && !currentFilters().bbox) {
    fitted = true;
    const b = L.latLngBounds(data.marks.map((m) => [m.lat, m.lon] as [number, number]));
    programmatic = true;
    map.fitBounds(b.pad(0.6), { animate: false, maxZoom: 6 });
    addBasemap();
    return; // moveend redraws for the new view
  }
  fitted = true;
  addBasemap();
  marksLayer.clearLayers();
  for (const m of data.marks) {
    const color = typeColor(m.type);
    let layer: L.Layer;
    if (m.kind === 'area') {
      layer = L.circle([m.lat, m.lon], {
        radius: AREA_RADIUS[m.precision ?? 'country'] ?? 300_000,
        color,
        weight: 2,
        dashArray: '6 5',
        fillColor: color,
        fillOpacity: 0.08,
        className: `mark area prec-${m.precision}`,
      });
    } else {
      layer = L.circleMarker([m.lat, m.lon], {
        radius: radiusFor(m),
        color: '#222',
        weight: 1,
        fillColor: color,
        fillOpacity: m.count > 1 ? 0.75 : 0.9,
        className: `mark cell${m.count > 1 ? ' cluster' : ' single'}`,
      });
    }
    (layer as L.Path).bindTooltip(tip(m), { direction: 'top' });
    layer.on('click', () => {
      if (m.id) openView('article', { id: articleOfEvent(m.id), event: m.id });
      else if (m.kind === 'area' && m.country) {
        setFilters({
          ...currentFilters(),
          country: m.country,
          ...(m.precision === 'admin1' && m.admin1 ? { admin1: m.admin1 } : {}),
        });
      } else map?.setView([m.lat, m.lon], Math.min(12, (map?.getZoom() ?? 2) + 2));
    });
    marksLayer.addLayer(layer);
    if (m.count > 1) {
      const label = h(
        'span',
        { class: 'count-label' },
        m.count > 9999 ? `${Math.round(m.count / 1000)}k` : String(m.count),
      );
      marksLayer.addLayer(
        L.marker([m.lat, m.lon], {
          icon: L.divIcon({ html: label, className: 'count-icon', iconSize: [40, 16] }),
          interactive: false,
          keyboard: false,
        }),
      );
    }
  }
  if (info) {
    const shown = data.marks.reduce((s, m) => s + m.count, 0);
    info.textContent = `${shown.toLocaleString('en')} events on the map${data.unlocated ? ` · ${data.unlocated.toLocaleString('en')} without a place` : ''}`;
  }
  firstDrawn();
}

export async function refreshMap(): Promise<void> {
  if (!map) return;
  // Not framed yet and no view in the URL: ask for the whole world, then frame what it holds.
  let q = fitted ? null : fitQuery();
  if (!q) {
    q = filtersToParams(currentFilters());
    q.delete('bbox');
    const b = map.getBounds().pad(0.3);
    q.set('zoom', String(map.getZoom()));
    q.set('view', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(3)).join(','));
  }
  controller?.abort();
  controller = new AbortController();
  try {
    drawMarks(await get<MapMarks>('/map', q, controller.signal));
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    if (info) info.textContent = `Map: ${(e as Error).message}`;
    addBasemap();
    firstDrawn();
  }
}

function viewBbox(): [number, number, number, number] | undefined {
  if (!map) return undefined;
  const b = map.getBounds();
  const w = Math.max(-180, b.getWest());
  const e = Math.min(180, b.getEast());
  const s = Math.max(-90, b.getSouth());
  const n = Math.min(90, b.getNorth());
  // The whole world in view is no filter at all.
  if (w <= -179 && e >= 179) return undefined;
  return [w, s, e, n];
}

/**
 * Build the map once; later calls only refresh its marks and follow the URL's bbox. The first call
 * resolves once marks are drawn, after the map has framed the data.
 */
export function mountMap(root: HTMLElement, onViewFilter: () => void): Promise<void> {
  if (map) {
    syncViewFromUrl();
    return refreshMap();
  }
  const canvas = h('div', { class: 'map-canvas', id: 'map', role: 'region', 'aria-label': 'Map of events' });
  info = h('span', { class: 'map-info', 'aria-live': 'polite' });
  const follow = h('input', { type: 'checkbox', checked: filterByView, class: 'map-filter' });
  follow.addEventListener('change', () => {
    filterByView = follow.checked;
    const f = currentFilters();
    if (filterByView) setFilters({ ...f, bbox: viewBbox() });
    else {
      delete f.bbox;
      setFilters(f);
    }
  });
  const size = h(
    'select',
    { 'aria-label': 'Size circles by', class: 'map-size' },
    h('option', { value: 'sources' }, 'size: sources'),
    h('option', { value: 'fatalities' }, 'size: fatalities'),
  );
  size.addEventListener('change', () => {
    sizeBy = size.value as typeof sizeBy;
    void refreshMap();
  });
  root.replaceChildren(
    h(
      'div',
      { class: 'panel-bar' },
      h('h2', null, 'Map'),
      h('label', { class: 'check' }, follow, 'filter to map view'),
      size,
      info,
    ),
    canvas,
  );
  map = L.map(canvas, {
    center: [25, 20],
    zoom: 2,
    minZoom: 1,
    maxZoom: 12,
    worldCopyJump: false,
    maxBounds: [
      [-85, -200],
      [85, 200],
    ],
    preferCanvas: false,
    attributionControl: true,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Basemap: Natural Earth (public domain), via world-atlas');
  map.createPane('basemap');
  marksLayer = L.layerGroup().addTo(map);
  map.on('moveend', () => {
    void refreshMap();
    if (programmatic) {
      programmatic = false;
      return;
    }
    if (filterByView) {
      const f = currentFilters();
      const bbox = viewBbox();
      if (JSON.stringify(bbox ?? null) !== JSON.stringify(f.bbox ?? null)) {
        setFilters({ ...f, bbox }, { replace: true, silent: true });
        knownBbox = JSON.stringify(currentFilters().bbox ?? null);
        onViewFilter();
      }
    }
  });
  syncViewFromUrl();
  return refreshMap().then(() => drawnOnce);
}

/** The URL bbox the map view agrees with (written by a pan, or applied from the URL). */
let knownBbox = 'null';

function syncViewFromUrl(): void {
  if (!map) return;
  const bbox = currentFilters(params()).bbox;
  const key = JSON.stringify(bbox ?? null);
  if (key === knownBbox) return;
  knownBbox = key;
  if (bbox) {
    programmatic = true;
    map.fitBounds(
      [
        [bbox[1], bbox[0]],
        [bbox[3], bbox[2]],
      ],
      { animate: false },
    );
  }
}

export function invalidateMapSize(): void {
  map?.invalidateSize();
}
