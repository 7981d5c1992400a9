// A small layered (left to right) graph layout drawn as SVG; used by the dependency graph, the
// trace graph and the compare view. Nodes: {id, title, subtitle?, lines?, cls?, color?};
// edges: {from, to, label?}.
import { s } from './dom.js';

const NODE_W = 200;
const NODE_H = 46;
const GAP_X = 90;
const GAP_Y = 22;

export function layout(nodes, edges) {
  const ids = nodes.map(n => n.id);
  const out = new Map(ids.map(id => [id, []]));
  const inc = new Map(ids.map(id => [id, []]));
  for (const e of edges) {
    if (!out.has(e.from) || !out.has(e.to) || e.from === e.to) continue;
    out.get(e.from).push(e.to);
    inc.get(e.to).push(e.from);
  }
  // Drop back edges (found by depth-first search) so cycles still get layers.
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
  const pos = new Map();
  layers.forEach(l => l.forEach((id, i) => pos.set(id, i)));
  for (let pass = 0; pass < 4; pass++) {
    for (let li = 1; li < layers.length; li++) {
      const bary = id => {
        const ps = inc.get(id).filter(p => layer.get(p) < li);
        return ps.length ? ps.reduce((a, p) => a + pos.get(p), 0) / ps.length : pos.get(id);
      };
      layers[li].sort((a, b) => bary(a) - bary(b));
      layers[li].forEach((id, i) => pos.set(id, i));
    }
  }
  const tallest = Math.max(1, ...layers.map(l => l.length));
  const height = tallest * (NODE_H + GAP_Y) + GAP_Y;
  const coords = new Map();
  layers.forEach((l, li) => {
    const offset = (height - l.length * (NODE_H + GAP_Y) + GAP_Y) / 2;
    l.forEach((id, i) => coords.set(id, { x: 20 + li * (NODE_W + GAP_X), y: offset + i * (NODE_H + GAP_Y) }));
  });
  return { coords, width: 40 + layers.length * (NODE_W + GAP_X) - GAP_X, height: Math.max(height, NODE_H + 40) };
}

/** Renders the graph; onNode(node) is called on a click. */
export function renderGraph(nodes, edges, { onNode, selected } = {}) {
  const { coords, width, height } = layout(nodes, edges);
  const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'graph-svg' },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#94a3b8' }))));
  for (const e of edges) {
    const a = coords.get(e.from);
    const b = coords.get(e.to);
    if (!a || !b) continue;
    let d;
    let lx;
    let ly;
    if (e.from === e.to) {
      d = `M ${a.x + NODE_W - 30} ${a.y} c 20 -30 50 -10 30 10`;
      lx = a.x + NODE_W;
      ly = a.y - 12;
    } else {
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2;
      const x2 = b.x;
      const y2 = b.y + NODE_H / 2;
      const backward = x2 <= x1;
      const c = backward ? 80 : Math.max(30, (x2 - x1) / 2);
      d = backward
        ? `M ${x1} ${y1} C ${x1 + c} ${y1 - 60}, ${x2 - c} ${y2 - 60}, ${x2} ${y2}`
        : `M ${x1} ${y1} C ${x1 + c} ${y1}, ${x2 - c} ${y2}, ${x2} ${y2}`;
      lx = (x1 + x2) / 2;
      ly = (y1 + y2) / 2 - (backward ? 48 : 4);
    }
    svg.append(s('g', { class: 'edge', dataset: { edge: e.from + '->' + e.to, count: e.count ?? '' } },
      s('path', { d, 'marker-end': 'url(#arrow)' }),
      e.label ? s('text', { x: lx, y: ly, 'text-anchor': 'middle' }, e.label) : null));
  }
  for (const n of nodes) {
    const p = coords.get(n.id);
    const cls = ['node', n.cls, selected === n.id ? 'selected' : ''].filter(Boolean).join(' ');
    const g = s('g', { class: cls, transform: `translate(${p.x},${p.y})`, dataset: { node: n.id } },
      s('title', {}, [n.title, n.subtitle, ...(n.lines || [])].filter(Boolean).join('\n')),
      s('rect', { width: NODE_W, height: NODE_H, rx: 6 }),
      n.color ? s('rect', { width: 6, height: NODE_H, rx: 3, fill: n.color, stroke: 'none' }) : null,
      s('text', { x: 14, y: n.subtitle ? 18 : 28 }, clip(n.title, n.note ? 16 : 26)),
      n.subtitle ? s('text', { x: 14, y: 35, class: 'small' }, clip(n.subtitle, 30)) : null,
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
