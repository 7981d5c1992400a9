// The search page: form on the left, scatter plot and trace list on the right. The form state is
// the URL's query string (Jaeger UI's names: service, operation, tags in logfmt, lookback, start,
// end, minDuration, maxDuration, limit), so a search can be linked and reloaded.
import * as api from './api.js';
import { h, s, mount } from './dom.js';
import { formatDuration, formatRelative, formatTime } from './format.js';
import { navigate, replaceParams, href } from './router.js';
import { buildTrace, summaryModel } from './trace-model.js';
import { uploaded } from './upload.js';

const LOOKBACKS = [['5m', 'Last 5 minutes'], ['15m', 'Last 15 minutes'], ['30m', 'Last 30 minutes'],
  ['1h', 'Last hour'], ['2h', 'Last 2 hours'], ['6h', 'Last 6 hours'], ['12h', 'Last 12 hours'],
  ['24h', 'Last 24 hours'], ['2d', 'Last 2 days'], ['7d', 'Last 7 days'], ['custom', 'Custom time range']];
const SORTS = [['recent', 'Most recent'], ['longest', 'Longest first'], ['shortest', 'Shortest first'],
  ['spans', 'Most spans']];
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses logfmt (`a=1 b="x y"`) into an object; throws on malformed input. */
export function parseLogfmt(text) {
  const out = {};
  const re = /\s*([^\s="]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))\s*/y;
  let i = 0;
  text = (text || '').trim();
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) throw new Error(`tags: cannot read "${text.slice(i)}" (expected: key=value pairs, logfmt)`);
    out[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    i = re.lastIndex;
  }
  return out;
}

function lookbackMs(value) {
  const m = /^(\d+)([mhd])$/.exec(value || '');
  return m ? Number(m[1]) * UNIT_MS[m[2]] : UNIT_MS.h;
}

function toLocalInput(us) {
  const d = new Date(us / 1000 - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export async function renderSearch(root, params) {
  const state = Object.fromEntries(params.entries());
  state.lookback ||= '1h';
  state.limit ||= '20';
  state.sort ||= 'recent';
  const results = h('section', { class: 'results', id: 'search-results' });
  const form = searchForm(state, results);
  mount(root, h('div', { class: 'search-page' }, form, results));
  if (state.source === 'upload') {
    showResults(results, uploaded().map(buildTrace), state, 'Uploaded traces');
  } else if (state.service || state.traceID) {
    runSearch(state, results);
  } else {
    mount(results, h('div', { class: 'panel empty' }, 'Choose a service and press Find Traces.'));
  }
}

function searchForm(state, results) {
  const service = h('select', { name: 'service', id: 'search-service' }, h('option', { value: '' }, 'Loading services…'));
  const operation = h('select', { name: 'operation', id: 'search-operation' }, h('option', { value: '' }, 'all'));
  const tags = h('input', { name: 'tags', id: 'search-tags', placeholder: 'http.status_code=200 error=true', value: state.tags || '' });
  const lookback = h('select', { name: 'lookback', id: 'search-lookback' },
    LOOKBACKS.map(([v, label]) => h('option', { value: v, selected: v === state.lookback }, label)));
  const now = Date.now() * 1000;
  const start = h('input', { type: 'datetime-local', name: 'start', id: 'search-start',
    value: toLocalInput(state.start ? Number(state.start) : now - 3_600_000_000) });
  const end = h('input', { type: 'datetime-local', name: 'end', id: 'search-end',
    value: toLocalInput(state.end ? Number(state.end) : now) });
  const custom = h('div', { class: 'row', hidden: state.lookback !== 'custom' },
    h('label', {}, 'Start', start), h('label', {}, 'End', end));
  lookback.addEventListener('change', () => { custom.hidden = lookback.value !== 'custom'; });
  const minDuration = h('input', { name: 'minDuration', id: 'search-min', placeholder: 'e.g. 1.2s, 100ms', value: state.minDuration || '' });
  const maxDuration = h('input', { name: 'maxDuration', id: 'search-max', placeholder: 'e.g. 1.1s', value: state.maxDuration || '' });
  const limit = h('input', { name: 'limit', id: 'search-limit', type: 'number', min: 1, max: 1500, value: state.limit });
  const error = h('div', { class: 'banner error', hidden: true });
  const form = h('form', { class: 'panel search-form', id: 'search-form', autocomplete: 'off' },
    h('h2', {}, 'Search'),
    h('label', {}, 'Service', service),
    h('label', {}, 'Operation', operation),
    h('label', {}, 'Tags', tags),
    h('label', {}, 'Lookback', lookback),
    custom,
    h('div', { class: 'row' }, h('label', {}, 'Min duration', minDuration), h('label', {}, 'Max duration', maxDuration)),
    h('label', {}, 'Limit results', limit),
    error,
    h('button', { class: 'primary', type: 'submit', id: 'search-submit' }, 'Find Traces'));

  const loadOperations = async (selected) => {
    mount(operation, h('option', { value: '' }, 'all'));
    if (!service.value) return;
    try {
      for (const op of (await api.operations(service.value)).slice().sort()) {
        operation.append(h('option', { value: op, selected: op === selected }, op));
      }
    } catch (e) { /* the search itself reports API errors */ }
  };
  service.addEventListener('change', () => loadOperations(''));
  api.services().then(list => {
    mount(service, h('option', { value: '' }, list.length ? 'Select a service' : 'No services'),
      list.slice().sort().map(name => h('option', { value: name, selected: name === state.service }, name)));
    if (state.service && !list.includes(state.service)) {
      service.append(h('option', { value: state.service, selected: true }, state.service));
    }
    loadOperations(state.operation);
  }, e => mount(service, h('option', { value: '' }, 'Cannot load services: ' + e.message)));

  form.addEventListener('submit', ev => {
    ev.preventDefault();
    error.hidden = true;
    try {
      parseLogfmt(tags.value);
    } catch (e) {
      mount(error, e.message);
      error.hidden = false;
      return;
    }
    const next = { service: service.value, operation: operation.value, tags: tags.value.trim(),
      lookback: lookback.value, minDuration: minDuration.value.trim(), maxDuration: maxDuration.value.trim(),
      limit: limit.value, sort: state.sort };
    if (lookback.value === 'custom') {
      next.start = new Date(start.value).getTime() * 1000;
      next.end = new Date(end.value).getTime() * 1000;
    }
    navigate('/search', next);
  });
  return form;
}

async function runSearch(state, results) {
  mount(results, h('div', { class: 'panel empty' }, 'Searching…'));
  const query = { service: state.service, operation: state.operation, limit: state.limit,
    minDuration: state.minDuration, maxDuration: state.maxDuration };
  if (state.lookback === 'custom') {
    query.start = state.start;
    query.end = state.end;
  } else {
    const endUs = Date.now() * 1000;
    query.end = endUs;
    query.start = endUs - lookbackMs(state.lookback) * 1000;
    query.lookback = state.lookback;
  }
  try {
    const tags = parseLogfmt(state.tags);
    if (Object.keys(tags).length) query.tags = JSON.stringify(tags);
    const summaries = await api.searchTraceSummaries(query);
    showResults(results, summaries.map(summaryModel), state, null);
  } catch (e) {
    mount(results, h('div', { class: 'panel banner error', id: 'search-error' }, e.message));
  }
}

function sortModels(models, sort) {
  const by = {
    recent: (a, b) => b.start - a.start,
    longest: (a, b) => b.duration - a.duration,
    shortest: (a, b) => a.duration - b.duration,
    spans: (a, b) => b.spanCount - a.spanCount,
  }[sort] || ((a, b) => b.start - a.start);
  return models.slice().sort(by);
}

function showResults(results, models, state, title) {
  if (!models.length) {
    mount(results, h('div', { class: 'panel empty', id: 'no-results' }, 'No trace results. Try another query.'));
    return;
  }
  const list = h('ul', { class: 'trace-list', id: 'trace-list' });
  const sortSelect = h('select', { id: 'search-sort' },
    SORTS.map(([v, label]) => h('option', { value: v, selected: v === state.sort }, label)));
  const picked = new Set();
  const compare = h('button', { type: 'button', id: 'compare-selected', disabled: true,
    title: 'Tick two traces to compare them',
    onclick: () => navigate('/compare', { a: [...picked][0], b: [...picked][1] }) }, 'Compare selected');
  const onPick = (id, on) => {
    if (on) picked.add(id); else picked.delete(id);
    compare.disabled = picked.size !== 2;
  };
  const draw = () => {
    const maxDuration = Math.max(...models.map(m => m.duration), 1);
    mount(list, sortModels(models, state.sort).map(m => traceItem(m, maxDuration, picked, onPick)));
  };
  sortSelect.addEventListener('change', () => {
    state.sort = sortSelect.value;
    replaceParams(state);
    draw();
  });
  draw();
  mount(results,
    h('div', { class: 'panel scatter' }, scatterPlot(models)),
    h('div', { class: 'results-head' },
      h('h3', {}, title || `${models.length} Trace${models.length === 1 ? '' : 's'}`),
      h('div', { class: 'trace-toolbar' }, compare, h('label', { class: 'muted' }, 'Sort: ', sortSelect))),
    list);
}

function traceItem(model, maxDuration, picked, onPick) {
  const services = [...model.serviceCounts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const open = () => navigate('/trace/' + model.traceID);
  const pick = h('input', { type: 'checkbox', class: 'pick', title: 'Select to compare', checked: picked.has(model.traceID),
    onclick: ev => ev.stopPropagation(), onchange: ev => onPick(model.traceID, ev.target.checked) });
  return h('li', { class: 'panel trace-item', dataset: { traceId: model.traceID }, onclick: open },
    h('div', { class: 'title' }, pick,
      h('a', { href: href('/trace/' + model.traceID), class: 'trace-link', onclick: ev => { ev.preventDefault(); } }, model.name),
      h('span', { class: 'tid' }, model.traceID)),
    h('div', { class: 'duration' }, formatDuration(model.duration)),
    h('div', { class: 'meta' },
      h('span', { class: 'chip span-count' }, `${model.spanCount} Span${model.spanCount === 1 ? '' : 's'}`),
      model.errors ? h('span', { class: 'chip error' }, `${model.errors} Error${model.errors === 1 ? '' : 's'}`) : null,
      services.map(([name, count]) => h('span', { class: 'chip service-chip' },
        h('span', { class: 'swatch', style: { background: model.colors.get(name) } }), `${name} (${count})`))),
    h('div', { class: 'when', title: formatTime(model.start) }, formatRelative(model.start), h('br'), formatTime(model.start)),
    h('div', { class: 'bar' }, h('div', { style: { width: (100 * model.duration / maxDuration).toFixed(1) + '%' } })));
}

function scatterPlot(models) {
  const W = 1000;
  const H = 180;
  const pad = { l: 60, r: 14, t: 10, b: 24 };
  const minT = Math.min(...models.map(m => m.start));
  const maxT = Math.max(...models.map(m => m.start));
  const maxD = Math.max(...models.map(m => m.duration), 1);
  const x = t => pad.l + (maxT === minT ? (W - pad.l - pad.r) / 2 : (t - minT) / (maxT - minT) * (W - pad.l - pad.r));
  const y = d => H - pad.b - d / maxD * (H - pad.t - pad.b);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, id: 'scatter-plot' },
    s('g', { class: 'axis' },
      s('line', { x1: pad.l, y1: H - pad.b, x2: W - pad.r, y2: H - pad.b }),
      s('line', { x1: pad.l, y1: pad.t, x2: pad.l, y2: H - pad.b }),
      [0, 0.5, 1].map(f => s('text', { x: pad.l - 6, y: y(maxD * f) + 3, 'text-anchor': 'end' }, formatDuration(maxD * f))),
      s('text', { x: pad.l, y: H - 6 }, formatTime(minT).slice(11)),
      maxT !== minT ? s('text', { x: W - pad.r, y: H - 6, 'text-anchor': 'end' }, formatTime(maxT).slice(11)) : null));
  for (const m of models) {
    const r = Math.min(12, 4 + Math.sqrt(m.spanCount) / 3);
    const color = m.errors ? '#d92d20' : '#2563eb';
    const dot = s('circle', { cx: x(m.start), cy: y(m.duration), r, fill: color, stroke: color,
      dataset: { traceId: m.traceID } }, s('title', {}, `${m.name}\n${formatDuration(m.duration)}, ${m.spanCount} spans`));
    dot.addEventListener('click', () => navigate('/trace/' + m.traceID));
    svg.append(dot);
  }
  return svg;
}
