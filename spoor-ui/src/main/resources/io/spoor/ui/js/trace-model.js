// Turns a trace in Jaeger's UI JSON into a tree with the derived facts every view needs.
import { ServiceColors } from './format.js';

export function isErrorSpan(span) {
  return span.tags.some(t => (t.key === 'error' && (t.value === true || t.value === 'true'))
    || (t.key === 'otel.status_code' && t.value === 'ERROR'));
}

/** Parses a file or API payload into a list of raw traces: {data:[...]}, [...], or one trace. */
export function rawTraces(json) {
  const list = Array.isArray(json) ? json : Array.isArray(json && json.data) ? json.data : [json];
  const traces = list.filter(t => t && typeof t === 'object' && Array.isArray(t.spans));
  if (!traces.length) throw new Error('no traces in this file (expected Jaeger JSON: {"data": [{"traceID", "spans", "processes"}]})');
  return traces;
}

export function buildTrace(raw) {
  const processes = raw.processes || {};
  const byId = new Map();
  const spans = (raw.spans || []).map(r => {
    const process = processes[r.processID] || r.process || { serviceName: 'unknown', tags: [] };
    const span = {
      raw: r, spanID: r.spanID, traceID: r.traceID, operationName: String(r.operationName ?? ''),
      serviceName: String(process.serviceName ?? ''), process,
      startTime: Number(r.startTime), duration: Number(r.duration),
      tags: r.tags || [], logs: r.logs || [], references: r.references || [], warnings: r.warnings || [],
      children: [], parent: null, depth: 0, critical: false, selfTime: 0,
    };
    span.endTime = span.startTime + span.duration;
    span.error = isErrorSpan(span);
    if (!byId.has(span.spanID)) byId.set(span.spanID, span);
    return span;
  });
  const roots = [];
  for (const span of byId.values()) {
    const ref = span.references.find(x => x.refType === 'CHILD_OF' && byId.has(x.spanID))
      || span.references.find(x => byId.has(x.spanID));
    const parent = ref && ref.spanID !== span.spanID ? byId.get(ref.spanID) : null;
    if (parent && !isAncestor(span, parent)) {
      span.parent = parent;
      parent.children.push(span);
    } else {
      roots.push(span);
    }
  }
  const byStart = (a, b) => a.startTime - b.startTime;
  roots.sort(byStart);
  const ordered = [];
  let maxDepth = 0;
  const stack = roots.slice().reverse();
  while (stack.length) {
    const span = stack.pop();
    span.depth = span.parent ? span.parent.depth + 1 : 0;
    maxDepth = Math.max(maxDepth, span.depth);
    span.index = ordered.length;
    ordered.push(span);
    span.children.sort(byStart);
    for (let i = span.children.length - 1; i >= 0; i--) stack.push(span.children[i]);
  }
  let start = Infinity;
  let end = -Infinity;
  const colors = new ServiceColors();
  const serviceCounts = new Map();
  for (const span of ordered) {
    start = Math.min(start, span.startTime);
    end = Math.max(end, span.endTime);
    colors.get(span.serviceName);
    serviceCounts.set(span.serviceName, (serviceCounts.get(span.serviceName) || 0) + 1);
    span.selfTime = selfTime(span);
  }
  for (const root of roots) markCritical(root);
  const root = roots[0];
  return {
    raw, traceID: raw.traceID, spans: ordered, spanCount: ordered.length, byId, roots, root,
    start: ordered.length ? start : 0, end: ordered.length ? end : 0,
    duration: ordered.length ? end - start : 0, depth: ordered.length ? maxDepth + 1 : 0,
    services: [...serviceCounts.keys()], serviceCounts, colors,
    errors: ordered.filter(s => s.error).length,
    warnings: raw.warnings || [],
    name: root ? `${root.serviceName}: ${root.operationName}` : '(empty trace)',
  };
}

/** The search list's view of a trace summary from /api/trace-summaries: what buildTrace gives, minus spans. */
export function summaryModel(summary) {
  const colors = new ServiceColors();
  const serviceCounts = new Map();
  for (const service of summary.services || []) {
    colors.get(service.name);
    serviceCounts.set(service.name, service.spanCount);
  }
  return {
    traceID: summary.traceID, start: Number(summary.startTime), duration: Number(summary.duration),
    spanCount: summary.spanCount, errors: summary.errorCount, serviceCounts, colors,
    name: `${summary.rootServiceName}: ${summary.rootOperationName}`,
  };
}

function isAncestor(span, candidate) {
  for (let p = candidate; p; p = p.parent) if (p === span) return true;
  return false;
}

function selfTime(span) {
  const intervals = span.children
    .map(c => [Math.max(c.startTime, span.startTime), Math.min(c.endTime, span.endTime)])
    .filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [a, b] of intervals) {
    if (a > curEnd) {
      if (curEnd > curStart) covered += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else {
      curEnd = Math.max(curEnd, b);
    }
  }
  if (curEnd > curStart) covered += curEnd - curStart;
  return Math.max(0, span.duration - covered);
}

// The critical path: from the end of a span, walk back through the child that finished last before
// that point, then continue from where that child started.
function markCritical(root) {
  const stack = [[root, root.endTime]];
  while (stack.length) {
    const [span, bound] = stack.pop();
    span.critical = true;
    let t = Math.min(span.endTime, bound);
    const kids = span.children.slice().sort((a, b) => b.endTime - a.endTime);
    for (const child of kids) {
      if (t <= span.startTime) break;
      if (child.startTime >= t) continue;
      stack.push([child, t]);
      t = child.startTime;
    }
  }
}

/** Statistics by service and operation: count, total, avg, min, max, self time. */
export function statistics(model) {
  const groups = new Map();
  for (const span of model.spans) {
    const key = span.serviceName + '\u0000' + span.operationName;
    let g = groups.get(key);
    if (!g) {
      g = { service: span.serviceName, operation: span.operationName, count: 0, total: 0, self: 0,
        min: Infinity, max: 0, errors: 0 };
      groups.set(key, g);
    }
    g.count++;
    g.total += span.duration;
    g.self += span.selfTime;
    g.min = Math.min(g.min, span.duration);
    g.max = Math.max(g.max, span.duration);
    if (span.error) g.errors++;
  }
  return [...groups.values()].map(g => ({ ...g, avg: g.total / g.count }))
    .sort((a, b) => b.total - a.total);
}

/** The service/operation call graph: nodes and parent→child edges with call counts. */
export function callGraph(model) {
  const nodes = new Map();
  const edges = new Map();
  const nodeKey = s => s.serviceName + '\u0000' + s.operationName;
  for (const span of model.spans) {
    const k = nodeKey(span);
    const n = nodes.get(k) || { id: k, title: span.serviceName, subtitle: span.operationName, count: 0, errors: 0,
      color: model.colors.get(span.serviceName) };
    n.count++;
    if (span.error) n.errors++;
    nodes.set(k, n);
    if (span.parent) {
      const ek = nodeKey(span.parent) + '\u0001' + k;
      const e = edges.get(ek) || { from: nodeKey(span.parent), to: k, count: 0 };
      e.count++;
      edges.set(ek, e);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
