// The details of one span: tags, process tags, logs (times relative to the trace start),
// references and warnings. All values are rendered as text.
import { h } from './dom.js';
import { formatDuration } from './format.js';
import { href } from './router.js';

function valueText(kv) {
  if (kv.value === null || kv.value === undefined) return '';
  return typeof kv.value === 'object' ? JSON.stringify(kv.value) : String(kv.value);
}

function kvTable(list, cls) {
  if (!list.length) return h('div', { class: 'muted' }, 'none');
  return h('table', { class: 'kv ' + (cls || '') },
    h('tbody', {}, list.map(kv => h('tr', { dataset: { key: kv.key } }, h('td', {}, kv.key), h('td', {}, valueText(kv))))));
}

export function spanDetail(model, span, { onSelectSpan }) {
  const logs = span.logs.slice().sort((a, b) => a.timestamp - b.timestamp);
  return h('div', { class: 'panel detail', id: 'span-detail', dataset: { spanId: span.spanID } },
    h('h3', {}, h('span', { class: 'svc' }, span.serviceName), ': ', h('span', { class: 'op' }, span.operationName)),
    h('div', { class: 'sub' },
      h('span', {}, 'Duration: ', h('b', {}, formatDuration(span.duration))),
      h('span', {}, 'Start: ', h('b', {}, formatDuration(span.startTime - model.start))),
      h('span', {}, 'Self time: ', h('b', {}, formatDuration(span.selfTime))),
      h('span', {}, 'Span ID: ', h('b', { class: 'mono' }, span.spanID)),
      span.critical ? h('span', {}, 'On the critical path') : null,
      span.error ? h('span', { class: 'chip error' }, 'error') : null),
    h('section', { class: 'tags' }, h('h4', {}, `Tags (${span.tags.length})`), kvTable(span.tags, 'span-tags')),
    h('section', { class: 'process' }, h('h4', {}, `Process: ${span.serviceName}`), kvTable(span.process.tags || [], 'process-tags')),
    h('section', { class: 'logs' }, h('h4', {}, `Logs (${logs.length})`),
      logs.length ? logs.map(log => h('div', { class: 'log-entry' },
        h('div', { class: 'ts' }, '+' + formatDuration(log.timestamp - model.start)),
        kvTable(log.fields || [], 'log-fields'))) : h('div', { class: 'muted' }, 'none')),
    h('section', { class: 'references' }, h('h4', {}, `References (${span.references.length})`),
      span.references.length ? h('ul', {}, span.references.map(ref => {
        const local = ref.traceID === model.traceID && model.byId.get(ref.spanID);
        const text = local ? `${local.serviceName}: ${local.operationName}` : `trace ${ref.traceID}`;
        const link = h('a', { href: local ? href('/trace/' + model.traceID, { span: ref.spanID }) : href('/trace/' + ref.traceID),
          class: 'ref-link', dataset: { spanId: ref.spanID } }, text);
        if (local) link.addEventListener('click', ev => { ev.preventDefault(); onSelectSpan(local); });
        return h('li', {}, ref.refType, ' ', link, ' ', h('span', { class: 'mono muted' }, ref.spanID));
      })) : h('div', { class: 'muted' }, 'none')),
    span.warnings.length ? h('section', { class: 'span-warnings' }, h('h4', {}, 'Warnings'),
      span.warnings.map(w => h('div', { class: 'warnings' }, w))) : null);
}
