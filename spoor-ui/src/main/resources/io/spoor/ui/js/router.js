// URL <-> view. Paths are relative to the base path; every view keeps its state in the query string.
import { BASE } from './api.js';

let handler = () => {};

export function onRoute(fn) {
  handler = fn;
  window.addEventListener('popstate', () => handler(current()));
}

/** {path: '/trace/abc', params: URLSearchParams} for the location, without the base path. */
export function current() {
  let path = window.location.pathname;
  if (BASE && path.startsWith(BASE)) path = path.slice(BASE.length);
  if (!path.startsWith('/')) path = '/' + path;
  return { path, params: new URLSearchParams(window.location.search) };
}

export function href(path, params) {
  const q = params ? new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  return BASE + path + (q ? '?' + q : '');
}

/** Goes to a new view (new history entry) and renders it. */
export function navigate(path, params) {
  window.history.pushState(null, '', href(path, params));
  handler(current());
}

/** Records view state in the URL without a new history entry or a re-render. */
export function replaceParams(params) {
  const { path } = current();
  window.history.replaceState(null, '', href(path, params));
}
