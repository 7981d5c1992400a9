// Compare two traces: their span trees merged by the service/operation path from the root. Each
// node shows whether it occurs only in A, only in B or in both, and for matched nodes the change of
// the mean duration from A to B.
import * as api from './api.js';
import { h, mount } from './dom.js';
import { formatDuration } from './format.js';
import { navigate } from './router.js';
import { buildTrace } from './trace-model.js';
import { renderGraph } from './graph.js';
import { uploadedTrace } from './upload.js';

async function load(id) {
  return buildTrace(uploadedTrace(id) || await api.trace(id));
}

function pathNodes(model) {
  const nodes = new Map();
  const keyOf = new Map();
  for (const span of model.spans) {
    const own = span.serviceName + '\u0000' + span.operationName;
    const key = span.parent ? keyOf.get(span.parent.spanID) + '\u0001' + own : own;
    keyOf.set(span.spanID, key);
    const n = nodes.get(key) || { key, parent: span.parent ? keyOf.get(span.parent.spanID) : null,
      service: span.serviceName, operation: span.operationName, count: 0, total: 0 };
    n.count++;
    n.total += span.duration;
    nodes.set(key, n);
  }
  return nodes;
}

/** The merged nodes {id, service, operation, inA, inB, countA, countB, avgA, avgB, delta} and edges. */
export function mergeTraces(a, b) {
  const na = pathNodes(a);
  const nb = pathNodes(b);
  const merged = [];
  const edges = [];
  for (const key of new Set([...na.keys(), ...nb.keys()])) {
    const x = na.get(key);
    const y = nb.get(key);
    const any = x || y;
    const avgA = x ? x.total / x.count : null;
    const avgB = y ? y.total / y.count : null;
    merged.push({ id: key, service: any.service, operation: any.operation, inA: !!x, inB: !!y,
      countA: x ? x.count : 0, countB: y ? y.count : 0, avgA, avgB,
      delta: x && y ? avgB - avgA : null });
    if (any.parent) edges.push({ from: any.parent, to: key });
  }
  return { nodes: merged, edges };
}

export async function renderCompare(root, params) {
  const a = params.get('a') || '';
  const b = params.get('b') || '';
  const inputA = h('input', { id: 'compare-a', placeholder: 'Trace A id', value: a });
  const inputB = h('input', { id: 'compare-b', placeholder: 'Trace B id', value: b });
  const form = h('form', { class: 'panel compare-form', id: 'compare-form' },
    h('b', {}, 'Compare'), inputA, h('span', {}, 'with'), inputB,
    h('button', { class: 'primary', type: 'submit', id: 'compare-submit' }, 'Compare'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    navigate('/compare', { a: inputA.value.trim(), b: inputB.value.trim() });
  });
  const out = h('div', { style: { 'margin-top': '10px' } });
  mount(root, form, out);
  if (!a || !b) {
    mount(out, h('div', { class: 'panel empty' }, 'Enter two trace ids to compare them.'));
    return;
  }
  mount(out, h('div', { class: 'panel empty' }, 'Loading…'));
  let ta;
  let tb;
  try {
    [ta, tb] = await Promise.all([load(a), load(b)]);
  } catch (e) {
    mount(out, h('div', { class: 'panel banner error', id: 'compare-error' }, e.message));
    return;
  }
  const { nodes, edges } = mergeTraces(ta, tb);
  const gnodes = nodes.map(n => {
    const cls = n.inA && n.inB ? 'both' : n.inA ? 'only-a' : 'only-b';
    let note = n.inA && n.inB ? (n.delta >= 0 ? '+' : '') + formatDuration(n.delta) : n.inA ? 'only A' : 'only B';
    if (n.inA && n.inB && n.countA !== n.countB) note += ` (${n.countA}→${n.countB})`;
    return { id: n.id, title: n.service, subtitle: n.operation, cls, note,
      noteCls: n.delta > 0 ? 'delta-up' : n.delta < 0 ? 'delta-down' : '',
      lines: [`A: ${n.countA} span(s)${n.avgA !== null ? ', avg ' + formatDuration(n.avgA) : ''}`,
        `B: ${n.countB} span(s)${n.avgB !== null ? ', avg ' + formatDuration(n.avgB) : ''}`] };
  });
  const counts = { a: nodes.filter(n => n.inA && !n.inB).length, b: nodes.filter(n => n.inB && !n.inA).length,
    ab: nodes.filter(n => n.inA && n.inB).length };
  mount(out, h('div', { class: 'panel', id: 'compare-result' },
    h('div', { class: 'compare-legend' },
      h('span', { class: 'trace-a' }, h('b', {}, 'A: '), `${ta.name} (${formatDuration(ta.duration)}, ${ta.spans.length} spans)`),
      h('span', { class: 'trace-b' }, h('b', {}, 'B: '), `${tb.name} (${formatDuration(tb.duration)}, ${tb.spans.length} spans)`)),
    h('div', { class: 'compare-legend' },
      h('span', { class: 'swatch-item a' }, `only in A (${counts.a})`),
      h('span', { class: 'swatch-item b' }, `only in B (${counts.b})`),
      h('span', { class: 'swatch-item ab' }, `in both (${counts.ab})`),
      h('span', { class: 'muted' }, 'the time on a node is the change of its mean duration from A to B')),
    h('div', { class: 'graph' }, renderGraph(gnodes, edges))));
}
