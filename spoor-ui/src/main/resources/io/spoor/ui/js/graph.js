// A small layered (left to right) graph layout drawn as SVG; used by the dependency graph, the
// trace graph and the compare view. Nodes: {id, title, subtitle?, lines?, cls?, color?};
// edges: {from, to, label?}.
import { s } from './dom.js';

const NODE_W = 180;
const NODE_H = 46;
const DUMMY_H = 12;
const GAP_X = 70;
const GAP_Y = 22;
const DUMMY = '\u0002';

/**
 * Layers nodes left to right by longest path (back edges of cycles set aside), threads edges that
 * span several layers through placeholder points so they pass between nodes, and orders each layer
 * by the mean position of its neighbours. Returns node coordinates and one route per edge.
 */
export function layout(nodes, edges) {
  const ids = nodes.map(n => n.id);
  const out = new Map(ids.map(id => [id, []]));
  for (const e of edges) {
    if (out.has(e.from) && out.has(e.to) && e.from !== e.to) out.get(e.from).push(e.to);
  }
  const back = backEdges(ids, out);
  const layer = new Map(ids.map(id => [id, 0]));
  const indeg = new Map(ids.map(id => [id, 0]));
  for (const id of ids) for (const t of out.get(id)) if (!back.has(id + '\u0001' + t)) indeg.set(t, indeg.get(t) + 1);
  const queue = ids.filter(id => indeg.get(id) === 0);
  while (queue.length) {
    const id = queue.shift();
    for (const t of out.get(id)) {
      if (back.has(id + '\u0001' + t)) continue;
      layer.set(t, Math.max(layer.get(t), layer.get(id) + 1));
      indeg.set(t, indeg.get(t) - 1);
      if (indeg.get(t) === 0) queue.push(t);
    }
  }
  const layers = [];
  for (const id of ids) (layers[layer.get(id)] ||= []).push(id);
  const preds = new Map(ids.map(id => [id, []]));
  const succs = new Map(ids.map(id => [id, []]));
  const link = (a, b) => { succs.get(a).push(b); preds.get(b).push(a); };
  const chains = edges.map((e, i) => {
    if (!out.has(e.from) || !out.has(e.to)) return null;
    if (e.from === e.to) return { self: true };
    if (back.has(e.from + '\u0001' + e.to) || layer.get(e.to) <= layer.get(e.from)) return { back: true };
    const chain = [e.from];
    let prev = e.from;
    for (let l = layer.get(e.from) + 1; l < layer.get(e.to); l++) {
      const d = DUMMY + i + ':' + l;
      layer.set(d, l);
      layers[l].push(d);
      preds.set(d, []);
      succs.set(d, []);
      link(prev, d);
      chain.push(d);
      prev = d;
    }
    link(prev, e.to);
    chain.push(e.to);
    return { chain };
  });
  const pos = new Map();
  layers.forEach(l => l.forEach((id, i) => pos.set(id, i)));
  const sortBy = (l, neighbours) => {
    const bary = id => {
      const ns = neighbours.get(id);
      return ns.length ? ns.reduce((a, p) => a + pos.get(p), 0) / ns.length : pos.get(id);
    };
    const keyed = new Map(l.map(id => [id, bary(id)]));
    l.sort((a, b) => keyed.get(a) - keyed.get(b));
    l.forEach((id, i) => pos.set(id, i));
  };
  for (let pass = 0; pass < 6; pass++) {
    if (pass % 2 === 0) for (let li = 1; li < layers.length; li++) sortBy(layers[li], preds);
    else for (let li = layers.length - 2; li >= 0; li--) sortBy(layers[li], succs);
  }
  const heightOf = id => id.startsWith(DUMMY) ? DUMMY_H : NODE_H;
  const layerHeight = l => l.reduce((a, id) => a + heightOf(id) + GAP_Y, 0);
  const inner = Math.max(NODE_H + GAP_Y, ...layers.map(layerHeight));
  const coords = new Map();
  layers.forEach((l, li) => {
    let y = 20 + (inner - layerHeight(l)) / 2;
    for (const id of l) {
      coords.set(id, { x: 20 + li * (NODE_W + GAP_X), y, h: heightOf(id) });
      y += heightOf(id) + GAP_Y;
    }
  });
  const hasBack = chains.some(c => c && c.back);
  const height = inner + 20 + (hasBack ? 50 : 0);
  const routes = chains.map((c, i) => c && route(c, edges[i], coords, inner + 30));
  return { coords, routes, width: 40 + layers.length * (NODE_W + GAP_X) - GAP_X, height };
}

function backEdges(ids, out) {
  const back = new Set();
  const state = new Map();
  for (const id of ids) {
    if (state.has(id)) continue;
    const stack = [[id, 0]];
    state.set(id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = out.get(top[0])[top[1]++];
      if (next === undefined) { state.set(top[0], 2); stack.pop(); continue; }
      if (state.get(next) === 1) back.add(top[0] + '\u0001' + next);
      else if (!state.has(next)) { state.set(next, 1); stack.push([next, 0]); }
    }
  }
  return back;
}

// An SVG path and a label position for one edge.
function route(c, e, coords, below) {
  const a = coords.get(e.from);
  const b = coords.get(e.to);
  if (c.self) {
    return { d: `M ${a.x + NODE_W - 40} ${a.y} c 10 -22 40 -22 30 0`, lx: a.x + NODE_W - 25, ly: a.y - 18 };
  }
  if (c.back) {
    const sx = a.x + NODE_W / 2;
    const tx = b.x + NODE_W / 2;
    return { d: `M ${sx} ${a.y + NODE_H} C ${sx} ${below + 20}, ${tx} ${below + 20}, ${tx} ${b.y + NODE_H}`,
      lx: (sx + tx) / 2, ly: below + 12 };
  }
  const pts = [];
  c.chain.forEach((id, i) => {
    const p = coords.get(id);
    const cy = p.y + p.h / 2;
    if (i === 0) pts.push([p.x + NODE_W, cy]);
    else if (i === c.chain.length - 1) pts.push([p.x, cy]);
    else pts.push([p.x, cy], [p.x + NODE_W, cy]);
  });
  let d = `M ${pts[0][0]} ${pts[0][1]}`;
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1];
    const [x1, y1] = pts[i];
    if (i % 2 === 0) {
      d += ` L ${x1} ${y1}`;
    } else {
      const k = (x1 - x0) / 2;
      d += ` C ${x0 + k} ${y0}, ${x1 - k} ${y1}, ${x1} ${y1}`;
    }
  }
  const [x0, y0] = pts[0];
  const [x1, y1] = pts[1];
  return { d, lx: (x0 + x1) / 2, ly: (y0 + y1) / 2 - 5 };
}

/** Renders the graph; onNode(node) is called on a click. */
export function renderGraph(nodes, edges, { onNode, selected } = {}) {
  const { coords, routes, width, height } = layout(nodes, edges);
  const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'graph-svg' },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#94a3b8' }))));
  edges.forEach((e, i) => {
    const r = routes[i];
    if (!r) return;
    svg.append(s('g', { class: 'edge', dataset: { edge: e.from + '->' + e.to, count: e.count ?? '' } },
      s('path', { d: r.d, 'marker-end': 'url(#arrow)' }),
      e.label ? s('text', { x: r.lx, y: r.ly, 'text-anchor': 'middle' }, e.label) : null));
  });
  for (const n of nodes) {
    const p = coords.get(n.id);
    const cls = ['node', n.cls, selected === n.id ? 'selected' : ''].filter(Boolean).join(' ');
    const g = s('g', { class: cls, transform: `translate(${p.x},${p.y})`, dataset: { node: n.id } },
      s('title', {}, [n.title, n.subtitle, ...(n.lines || [])].filter(Boolean).join('\n')),
      s('rect', { width: NODE_W, height: NODE_H, rx: 6 }),
      n.color ? s('rect', { width: 7, height: NODE_H - 2, x: 1, y: 1, rx: 3, class: 'stripe', style: { fill: n.color } }) : null,
      s('text', { x: 14, y: n.subtitle ? 18 : 28 }, clip(n.title, n.note ? 14 : 23)),
      n.subtitle ? s('text', { x: 14, y: 35, class: 'small' }, clip(n.subtitle, 27)) : null,
      n.note ? s('text', { x: NODE_W - 8, y: 18, 'text-anchor': 'end', class: 'small note ' + (n.noteCls || '') }, n.note) : null);
    if (onNode) g.addEventListener('click', () => onNode(n));
    svg.append(g);
  }
  return svg;
}

function clip(text, n) {
  text = String(text);
  return text.length > n ? text.slice(0, n - 1) + '…' : text;
}
