// The Jaeger query API, under the base path the server wrote into index.html.

const meta = document.querySelector('meta[name="spoor-base-path"]');
export const BASE = meta ? meta.getAttribute('content') : '';

export class ApiError extends Error {}

async function get(path, params) {
  const url = new URL(BASE + '/api/' + path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('cannot reach the query service: ' + e.message);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`${response.status} ${response.statusText}: not JSON`);
  }
  if (!response.ok || (body.errors && body.errors.length && body.data === null)) {
    const msg = (body.errors || []).map(e => e.msg).join('; ') || response.statusText;
    throw new ApiError(`${response.status}: ${msg}`);
  }
  return body;
}

export async function services() {
  return (await get('services')).data || [];
}

export async function operations(service) {
  return (await get('services/' + encodeURIComponent(service) + '/operations')).data || [];
}

/** Summaries of the matching traces (root, times, counts per service), never the traces themselves. */
export async function searchTraceSummaries(params) {
  return (await get('trace-summaries', params)).data || [];
}

export async function trace(id) {
  const data = (await get('traces/' + encodeURIComponent(id))).data || [];
  if (!data.length) throw new ApiError('404: trace not found');
  return data[0];
}

export async function dependencies(endTs, lookbackMs) {
  return (await get('dependencies', { endTs, lookback: lookbackMs })).data || [];
}
