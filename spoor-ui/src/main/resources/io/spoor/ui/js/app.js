// Entry point: routes the URL to a view, and wires the top bar (open by id, upload).
import { h, mount } from './dom.js';
import { current, navigate, onRoute, href } from './router.js';
import { renderSearch } from './search.js';
import { renderTrace } from './trace.js';
import { renderCompare } from './compare.js';
import { renderDependencies } from './dependencies.js';
import { readTraceFile } from './upload.js';

const app = document.getElementById('app');
const banner = document.getElementById('banner');

function showBanner(text, kind) {
  mount(banner, text);
  banner.className = 'banner ' + (kind || '');
  banner.hidden = !text;
}

async function render({ path, params }) {
  showBanner('');
  const section = path.split('/')[1] || 'search';
  document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('current', a.dataset.nav === section));
  document.title = 'Spoor';
  window.scrollTo(0, 0);
  try {
    if (path === '/' || path === '/search' || path === '/index.html') {
      await renderSearch(app, params);
    } else if (path.startsWith('/trace/')) {
      await renderTrace(app, decodeURIComponent(path.slice('/trace/'.length)), params);
    } else if (path === '/compare' || path.startsWith('/compare/')) {
      const pair = path.slice('/compare/'.length).split('...');
      if (pair.length === 2) { params.set('a', pair[0]); params.set('b', pair[1]); }
      await renderCompare(app, params);
    } else if (path === '/dependencies') {
      await renderDependencies(app, params);
    } else {
      mount(app, h('div', { class: 'panel empty' }, 'No such page: ', path, ' ',
        h('a', { href: href('/search') }, 'Go to search')));
    }
  } catch (e) {
    mount(app, h('div', { class: 'panel banner error' }, 'Error: ', e.message));
  }
  document.body.dataset.ready = path;
}

document.addEventListener('click', ev => {
  const a = ev.target.closest('a[data-link]');
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  navigate('/' + a.getAttribute('href'));
});

document.getElementById('lookup-form').addEventListener('submit', ev => {
  ev.preventDefault();
  const input = document.getElementById('lookup-id');
  const id = input.value.trim().toLowerCase();
  if (!/^[0-9a-f]{1,32}$/.test(id)) {
    showBanner(`Trace ID: "${input.value}" (expected: 1 to 32 hex digits)`, 'error');
    return;
  }
  input.value = '';
  navigate('/trace/' + id);
});

const upload = document.getElementById('upload-input');
upload.addEventListener('change', async () => {
  const file = upload.files[0];
  upload.value = '';
  if (!file) return;
  try {
    const traces = await readTraceFile(file);
    if (traces.length === 1) navigate('/trace/' + traces[0].traceID);
    else navigate('/search', { source: 'upload' });
  } catch (e) {
    showBanner(e.message, 'error');
  }
});

onRoute(render);
render(current());
