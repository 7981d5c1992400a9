// The service dependency graph for a lookback window; a click on a service keeps only its links.
import * as api from './api.js';
import { h, mount } from './dom.js';
import { navigate } from './router.js';
import { renderGraph } from './graph.js';

const LOOKBACKS = [['1h', 'Last hour', 3_600_000], ['6h', 'Last 6 hours', 21_600_000],
  ['1d', 'Last day', 86_400_000], ['2d', 'Last 2 days', 172_800_000], ['7d', 'Last 7 days', 604_800_000]];

export async function renderDependencies(root, params) {
  const lookback = LOOKBACKS.find(l => l[0] === params.get('lookback')) || LOOKBACKS[2];
  const service = params.get('service') || '';
  const select = h('select', { id: 'deps-lookback' },
    LOOKBACKS.map(([v, label]) => h('option', { value: v, selected: v === lookback[0] }, label)));
  select.addEventListener('change', () => navigate('/dependencies', { lookback: select.value, service }));
  const out = h('div', { class: 'panel graph', id: 'deps-graph', style: { 'margin-top': '10px' } }, 'Loading…');
  mount(root, h('div', { class: 'panel deps-form' }, h('b', {}, 'Service dependencies'), select,
    service ? h('span', { class: 'chip', id: 'deps-filter' }, 'service: ', service, ' ',
      h('a', { href: '#', onclick: ev => { ev.preventDefault(); navigate('/dependencies', { lookback: lookback[0] }); } }, '✕')) : null,
    h('span', { class: 'muted' }, 'Click a service to show only its calls.')), out);
  let links;
  try {
    links = await api.dependencies(Date.now(), lookback[2]);
  } catch (e) {
    mount(out, h('div', { class: 'banner error' }, e.message));
    return;
  }
  if (service) links = links.filter(l => l.parent === service || l.child === service);
  const names = [...new Set(links.flatMap(l => [l.parent, l.child]))].sort();
  if (service && !names.includes(service)) names.push(service);
  out.dataset.nodeCount = String(names.length);
  out.dataset.edgeCount = String(links.length);
  if (!names.length) {
    mount(out, h('div', { class: 'empty' }, 'No service dependencies in this time range.'));
    return;
  }
  mount(out, renderGraph(names.map(n => ({ id: n, title: n })),
    links.map(l => ({ from: l.parent, to: l.child, count: l.callCount, label: String(l.callCount) })), {
      selected: service,
      onNode: n => navigate('/dependencies', { lookback: lookback[0], service: n.id === service ? '' : n.id }),
    }));
}
