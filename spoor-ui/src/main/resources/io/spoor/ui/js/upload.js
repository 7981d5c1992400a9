// Traces opened from a local Jaeger JSON file. They never go to the server: they are kept in this
// page (and in sessionStorage when they fit, so a reload of the same tab still finds them).
import { rawTraces } from './trace-model.js';

const KEY = 'spoor.uploaded';
const traces = new Map();

try {
  for (const t of JSON.parse(sessionStorage.getItem(KEY) || '[]')) traces.set(t.traceID, t);
} catch (e) { /* nothing stored, or storage disabled */ }

export function uploaded() {
  return [...traces.values()];
}

export function uploadedTrace(id) {
  return traces.get(id) || traces.get(String(id).replace(/^0+/, ''));
}

/** Reads a File; resolves to the list of traces it holds (also remembered for this tab). */
export async function readTraceFile(file) {
  const text = await file.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file.name}: not JSON (${e.message})`);
  }
  const list = rawTraces(json);
  for (const t of list) traces.set(t.traceID, t);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(uploaded()));
  } catch (e) { /* too big for sessionStorage: kept in memory only */ }
  return list;
}
