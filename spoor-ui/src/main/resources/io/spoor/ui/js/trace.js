// The trace page: header, view switcher (timeline, graph, statistics, JSON), find-in-trace and the
// span detail. View state (view, selected span, search text, zoom range, collapsed spans) is kept
// in the URL so the page reloads to the same view.
import * as api from './api.js';
import { h, mount } from './dom.js';
import { formatDuration, formatTime } from './format.js';
import { replaceParams } from './router.js';
import { buildTrace, callGraph, statistics } from './trace-model.js';
import { timeline } from './timeline.js';
import { spanDetail } from './span-detail.js';
import { renderGraph } from './graph.js';
import { uploadedTrace } from './upload.js';

const VIEWS = [['timeline', 'Timeline'], ['graph', 'Trace Graph'], ['stats', 'Statistics'], ['json', 'JSON']];

export async function renderTrace(root, id, params) {
  mount(root, h('div', { class: 'panel empty' }, 'Loading trace ', id, '…'));
  let raw = uploadedTrace(id);
  if (!raw) {
    try {
      raw = await api.trace(id);
    } catch (e) {
      mount(root, h('div', { class: 'panel banner error', id: 'trace-error' }, `Trace ${id}: ${e.message}`));
      return;
    }
  }
  const model = buildTrace(raw);
  document.title = `${model.name} · Spoor`;
  const state = {
    view: params.get('view') || 'timeline',
    span: params.get('span') || '',
    find: params.get('find') || '',
    range: parseRange(params.get('range')),
    collapsed: new Set((params.get('collapsed') || '').split(',').filter(Boolean)),
    uploaded: uploadedTrace(id) ? '1' : '',
  };
  const saveUrl = () => replaceParams({
    view: state.view === 'timeline' ? '' : state.view, span: state.span, find: state.find,
    range: state.range[0] > 0 || state.range[1] < 1 ? state.range.map(x => x.toFixed(4)).join(',') : '',
    collapsed: [...state.collapsed].join(','),
  });

  const body = h('div', { id: 'trace-view' });
  const viewButtons = VIEWS.map(([v, label]) => h('button', { type: 'button', class: v === state.view ? 'active' : '',
    dataset: { view: v }, onclick: () => { state.view = v; saveUrl(); showView(); } }, label));
  const findInput = h('input', { id: 'find-input', placeholder: 'Find in trace… (Enter: next)', value: state.find, type: 'search' });
  const findCount = h('span', { class: 'muted', id: 'find-count' });
  const toolbar = h('div', { class: 'trace-toolbar' }, viewButtons,
    h('button', { type: 'button', id: 'collapse-all', onclick: () => setCollapsed(model.spans.filter(s => s.depth === 1 && s.children.length)) }, 'Collapse all'),
    h('button', { type: 'button', id: 'expand-all', onclick: () => setCollapsed([]) }, 'Expand all'),
    h('div', { class: 'find' }, findInput, findCount));

  mount(root, header(model, state), h('div', { class: 'panel', style: { padding: '8px 12px', 'margin-top': '10px' } }, toolbar), body);

  let tl = null;
  let detail = h('div');
  const matches = () => findMatches(model, state.find);
  const select = span => {
    state.span = span.spanID;
    for (let p = span.parent; p; p = p.parent) state.collapsed.delete(p.spanID);
    saveUrl();
    renderDetail();
    if (tl) {
      tl.update({ selected: state.span, collapsed: state.collapsed });
      tl.scrollTo(span);
    }
  };
  const renderDetail = () => {
    const span = model.byId.get(state.span);
    const next = span ? spanDetail(model, span, { onSelectSpan: select }) : h('div', { class: 'panel detail muted', id: 'span-detail-empty' }, 'Click a span to see its details.');
    detail.replaceWith(next);
    detail = next;
    const panel = document.getElementById('timeline');
    if (panel) panel.classList.toggle('with-detail', !!span);
    if (tl) tl.redraw();
  };
  function setCollapsed(spans) {
    state.collapsed = new Set(spans.map(s => s.spanID));
    saveUrl();
    if (tl) tl.update({ collapsed: state.collapsed });
  }
  const updateFind = () => {
    const m = matches();
    mount(findCount, state.find ? `${m.size} match${m.size === 1 ? '' : 'es'}` : '');
    if (tl) tl.update({ matches: m });
    return m;
  };
  findInput.addEventListener('input', () => { state.find = findInput.value; saveUrl(); updateFind(); });
  // Enter jumps to the next match after the selected span (expanding its ancestors), Shift+Enter back.
  findInput.addEventListener('keydown', ev => {
    if (ev.key !== 'Enter' || state.view !== 'timeline') return;
    ev.preventDefault();
    const found = matches();
    const hits = model.spans.filter(sp => found.has(sp.spanID));
    if (!hits.length) return;
    const at = model.byId.get(state.span);
    const i = at ? at.index : -1;
    const next = ev.shiftKey
      ? [...hits].reverse().find(sp => sp.index < i) || hits[hits.length - 1]
      : hits.find(sp => sp.index > i) || hits[0];
    select(next);
  });

  function showView() {
    viewButtons.forEach(b => b.classList.toggle('active', b.dataset.view === state.view));
    for (const id of ['collapse-all', 'expand-all']) document.getElementById(id).hidden = state.view !== 'timeline';
    tl = null;
    if (state.view === 'graph') {
      const g = callGraph(model);
      mount(body, h('div', { class: 'panel graph', id: 'trace-graph', style: { 'margin-top': '10px' } },
        renderGraph(g.nodes.map(n => ({ ...n, lines: [`${n.count} span(s)`] })),
          g.edges.map(e => ({ ...e, label: e.count > 1 ? `×${e.count}` : '' })))));
    } else if (state.view === 'stats') {
      mount(body, statsTable(model));
    } else if (state.view === 'json') {
      mount(body, jsonView(model));
    } else {
      tl = timeline(model, {
        selected: state.span, collapsed: state.collapsed, matches: matches(), range: state.range,
        onSelect: select,
        onToggle: span => {
          if (state.collapsed.has(span.spanID)) state.collapsed.delete(span.spanID); else state.collapsed.add(span.spanID);
          saveUrl();
          tl.update({ collapsed: state.collapsed });
        },
        onRange: r => { state.range = r; saveUrl(); tl.update({ range: r }); },
      });
      mount(body, h('div', { class: 'legend' },
        model.services.map(svc => h('span', {}, h('span', { class: 'chip' }, h('span', { class: 'swatch', style: { background: model.colors.get(svc) } }), svc))),
        h('span', {}, h('span', { class: 'cp-swatch' }), ' critical path'),
        h('span', {}, h('span', { class: 'err', style: { color: '#d92d20', 'font-weight': 700 } }, '!'), ' error')),
      tl.element, detail);
      tl.update({});
      renderDetail();
      const span = model.byId.get(state.span);
      if (span) tl.scrollTo(span);
      updateFind();
    }
  }
  showView();
}

function parseRange(text) {
  const parts = (text || '').split(',').map(Number);
  if (parts.length === 2 && parts.every(x => x >= 0 && x <= 1) && parts[0] < parts[1]) return parts;
  return [0, 1];
}

function findMatches(model, text) {
  const q = (text || '').trim().toLowerCase();
  const out = new Set();
  if (!q) return out;
  const has = v => String(v ?? '').toLowerCase().includes(q);
  const kvHas = list => (list || []).some(kv => has(kv.key) || has(kv.value));
  for (const span of model.spans) {
    if (has(span.operationName) || has(span.serviceName) || has(span.spanID) || kvHas(span.tags)
      || kvHas(span.process.tags) || span.logs.some(l => kvHas(l.fields))) {
      out.add(span.spanID);
    }
  }
  return out;
}

function header(model, state) {
  const item = (label, value, id) => h('div', { dataset: { field: id } }, h('dt', {}, label), h('dd', {}, value));
  return h('div', { class: 'panel trace-header', id: 'trace-header', dataset: { traceId: model.traceID } },
    h('h1', {}, h('span', { class: 'trace-name' }, model.name), h('span', { class: 'tid' }, model.traceID),
      state.uploaded ? h('span', { class: 'chip', style: { 'margin-left': '8px' } }, 'uploaded') : null),
    h('dl', {},
      item('Trace Start', formatTime(model.start), 'start'),
      item('Duration', formatDuration(model.duration), 'duration'),
      item('Services', String(model.services.length), 'services'),
      item('Depth', String(model.depth), 'depth'),
      item('Total Spans', String(model.spans.length), 'spans'),
      model.errors ? item('Errors', String(model.errors), 'errors') : null),
    model.warnings.length ? h('div', { class: 'warnings' }, model.warnings.join('; ')) : null);
}

function statsTable(model) {
  const rows = statistics(model);
  const cols = [['service', 'Service'], ['operation', 'Operation'], ['count', 'Count'], ['total', 'Total'],
    ['avg', 'Avg'], ['min', 'Min'], ['max', 'Max'], ['self', 'Self time'], ['errors', 'Errors']];
  const tbody = h('tbody');
  let sortKey = 'total';
  let desc = true;
  const fmt = (k, v) => ['total', 'avg', 'min', 'max', 'self'].includes(k) ? formatDuration(v) : String(v);
  const draw = () => {
    const sorted = rows.slice().sort((a, b) => {
      const x = a[sortKey];
      const y = b[sortKey];
      const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
      return desc ? -c : c;
    });
    mount(tbody, sorted.map(r => h('tr', {}, cols.map(([k]) => h('td', { dataset: { col: k } }, fmt(k, r[k]))))));
  };
  draw();
  return h('div', { class: 'panel', style: { 'margin-top': '10px', overflow: 'auto' } },
    h('table', { class: 'stats', id: 'trace-stats' },
      h('thead', {}, h('tr', {}, cols.map(([k, label]) => h('th', { onclick: () => {
        desc = sortKey === k ? !desc : true;
        sortKey = k;
        draw();
      } }, label)))), tbody));
}

function jsonView(model) {
  const text = JSON.stringify({ data: [model.raw] }, null, 2);
  const download = h('button', { type: 'button', id: 'json-download', onclick: () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = h('a', { href: url, download: `trace-${model.traceID}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } }, 'Download JSON');
  return h('div', { class: 'panel json-view', style: { 'margin-top': '10px' } },
    h('div', { class: 'bar' }, download, h('span', { class: 'muted' }, `${model.spans.length} spans, ${(text.length / 1024).toFixed(0)} KiB`)),
    h('pre', { id: 'trace-json' }, text));
}
