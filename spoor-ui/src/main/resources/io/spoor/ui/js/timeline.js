// The trace timeline: a minimap with range selection and a virtualised span tree. Only the rows in
// view (plus a margin) exist in the DOM, so a trace of tens of thousands of spans scrolls smoothly;
// collapsed subtrees cost nothing until expanded.
import { h, mount } from './dom.js';
import { formatDuration } from './format.js';

export const ROW = 26;
const OVERSCAN = 12;

/**
 * opts: {selected, collapsed:Set, matches:Set, range:[a,b], onSelect(span), onToggle(span),
 * onRange([a,b])}. Returns {element, update(opts), scrollTo(span)}.
 */
export function timeline(model, opts) {
  let o = opts;
  let visible = [];
  const spacer = h('div', { class: 'tl-spacer' });
  const scroll = h('div', { class: 'tl-scroll', id: 'timeline-scroll' }, spacer);
  const ticks = h('div', { class: 'tl-ticks' });
  const panel = h('div', { class: 'panel timeline', id: 'timeline' },
    h('div', { class: 'tl-head' }, h('div', {}, 'Service & Operation'), ticks), scroll);
  const mini = minimap(model, () => o.range, r => o.onRange(r));
  const element = h('div', {}, mini.element, panel);

  const window_ = () => {
    const [a, b] = o.range;
    return [model.start + a * model.duration, model.start + b * model.duration];
  };

  function computeVisible() {
    visible = [];
    let skipDepth = Infinity;
    for (const span of model.spans) {
      if (span.depth > skipDepth) continue;
      skipDepth = o.collapsed.has(span.spanID) ? span.depth : Infinity;
      visible.push(span);
    }
    spacer.style.height = visible.length * ROW + 'px';
    panel.dataset.rowCount = String(visible.length);
    panel.dataset.spanCount = String(model.spans.length);
  }

  function drawTicks() {
    const [t0, t1] = window_();
    mount(ticks, [0, 0.25, 0.5, 0.75, 1].map(f =>
      h('span', { style: { left: f * 100 + '%' } }, formatDuration(t0 - model.start + f * (t1 - t0)))));
  }

  function row(span, i) {
    const [t0, t1] = window_();
    const span_ = Math.max(t1 - t0, 1);
    const left = (span.startTime - t0) / span_ * 100;
    const width = Math.max(span.duration / span_ * 100, 0.05);
    const color = model.colors.get(span.serviceName);
    const hasKids = span.children.length > 0;
    const collapsed = o.collapsed.has(span.spanID);
    const cls = ['tl-row', o.selected === span.spanID ? 'selected' : '', o.matches.has(span.spanID) ? 'match' : '',
      span.error ? 'has-error' : ''].filter(Boolean).join(' ');
    const toggle = hasKids
      ? h('button', { class: 'toggle', type: 'button', title: collapsed ? 'Expand' : 'Collapse',
        onclick: ev => { ev.stopPropagation(); o.onToggle(span); } }, collapsed ? '▶' : '▼')
      : h('span', { class: 'toggle' });
    return h('div', { class: cls, style: { top: i * ROW + 'px' }, dataset: { spanId: span.spanID, depth: span.depth, index: i },
      onclick: () => o.onSelect(span) },
    h('div', { class: 'tl-name', style: { 'padding-left': Math.min(span.depth, 30) * 14 + 'px' } },
      toggle,
      h('span', { class: 'svc-mark', style: { background: color } }),
      span.error ? h('span', { class: 'err', title: 'error' }, '!') : null,
      h('span', { class: 'svc' }, span.serviceName),
      h('span', { class: 'op' }, span.operationName),
      collapsed ? h('span', { class: 'kids' }, `(${countDescendants(span)})`) : null),
    h('div', { class: 'tl-bar-cell' },
      h('div', { class: 'tl-bar' + (span.critical ? ' cp' : '') + (span.error ? ' error' : ''),
        style: { left: left + '%', width: width + '%', background: color } }),
      span.logs.map(l => h('div', { class: 'tl-log', style: { left: (l.timestamp - t0) / span_ * 100 + '%' } })),
      h('span', { class: 'tl-bar-label' + (left + width > 80 && left < 10 ? ' inside' : ''), style: labelPosition(left, width) },
        formatDuration(span.duration))));
  }

  let pending = false;
  function drawRows() {
    pending = false;
    const first = Math.max(0, Math.floor(scroll.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(visible.length, Math.ceil((scroll.scrollTop + (scroll.clientHeight || 600)) / ROW) + OVERSCAN);
    const rows = [];
    for (let i = first; i < last; i++) rows.push(row(visible[i], i));
    mount(spacer, rows);
  }
  scroll.addEventListener('scroll', () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(drawRows);
    }
  });

  function update(next) {
    o = { ...o, ...next };
    computeVisible();
    drawTicks();
    mini.draw();
    drawRows();
  }

  function scrollTo(span) {
    const i = visible.indexOf(span);
    if (i < 0) return;
    const top = i * ROW;
    if (top < scroll.scrollTop || top > scroll.scrollTop + scroll.clientHeight - ROW) {
      scroll.scrollTop = Math.max(0, top - scroll.clientHeight / 3);
    }
    drawRows();
  }

  update({});
  return { element, update, scrollTo, redraw: drawRows };
}

// Right of the bar when there is room, else left of it, else inside its right end.
function labelPosition(left, width) {
  if (left + width <= 80) return { left: (left + width) + '%', 'padding-left': '4px' };
  if (left >= 10) return { right: (100 - left) + '%', 'padding-right': '4px' };
  return { right: Math.max(0, 100 - left - width) + '%', 'margin-right': '3px' };
}

function countDescendants(span) {
  let n = 0;
  const stack = [...span.children];
  while (stack.length) {
    const s = stack.pop();
    n++;
    stack.push(...s.children);
  }
  return n;
}

function minimap(model, getRange, onRange) {
  const canvas = h('canvas', { height: 60 });
  const sel = h('div', { class: 'sel' });
  const reset = h('button', { class: 'reset', type: 'button', hidden: true, id: 'minimap-reset',
    onclick: ev => { ev.stopPropagation(); onRange([0, 1]); } }, 'Reset zoom');
  const element = h('div', { class: 'panel minimap', id: 'minimap', title: 'Drag to zoom the timeline' }, canvas, sel, reset);
  let dragStart = null;
  const frac = ev => {
    const r = element.getBoundingClientRect();
    return Math.min(1, Math.max(0, (ev.clientX - r.left) / r.width));
  };
  element.addEventListener('mousedown', ev => {
    if (ev.target === reset) return;
    dragStart = frac(ev);
    showSel(dragStart, dragStart);
  });
  window.addEventListener('mousemove', ev => { if (dragStart !== null) showSel(dragStart, frac(ev)); });
  window.addEventListener('mouseup', ev => {
    if (dragStart === null) return;
    const a = Math.min(dragStart, frac(ev));
    const b = Math.max(dragStart, frac(ev));
    dragStart = null;
    if (b - a > 0.002) onRange([a, b]); else draw();
  });
  function showSel(a, b) {
    sel.style.left = Math.min(a, b) * 100 + '%';
    sel.style.width = Math.abs(b - a) * 100 + '%';
    sel.hidden = false;
  }
  function draw() {
    const [a, b] = getRange();
    const zoomed = a > 0 || b < 1;
    reset.hidden = !zoomed;
    if (zoomed) showSel(a, b); else sel.hidden = true;
    const width = element.clientWidth || 1000;
    canvas.width = width;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, width, 60);
    const n = model.spans.length;
    const rowH = Math.max(60 / Math.max(n, 1), 0.5);
    const d = Math.max(model.duration, 1);
    model.spans.forEach((span, i) => {
      ctx.fillStyle = model.colors.get(span.serviceName);
      ctx.fillRect((span.startTime - model.start) / d * width, i / Math.max(n, 1) * 60,
        Math.max(span.duration / d * width, 1), Math.max(rowH, 1));
    });
  }
  return { element, draw };
}
