// Formatting of durations (µs) and times (µs since epoch).

export function formatDuration(us) {
  if (us === undefined || us === null || Number.isNaN(us)) return '';
  const abs = Math.abs(us);
  const sign = us < 0 ? '-' : '';
  if (abs < 1000) return sign + trim(abs) + 'µs';
  if (abs < 1_000_000) return sign + trim(abs / 1000) + 'ms';
  if (abs < 60_000_000) return sign + trim(abs / 1_000_000) + 's';
  const minutes = Math.floor(abs / 60_000_000);
  return sign + minutes + 'm ' + trim((abs - minutes * 60_000_000) / 1_000_000) + 's';
}

function trim(n) {
  return String(Number(n.toFixed(n >= 100 ? 0 : 2)));
}

export function formatTime(us) {
  const d = new Date(us / 1000);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatRelative(us, nowMs = Date.now()) {
  const sec = Math.round((nowMs - us / 1000) / 1000);
  if (sec < 5) return 'just now';
  if (sec < 60) return sec + ' seconds ago';
  if (sec < 3600) return Math.round(sec / 60) + ' minutes ago';
  if (sec < 86400) return Math.round(sec / 3600) + ' hours ago';
  return Math.round(sec / 86400) + ' days ago';
}

/** Parses "1.5ms", "200us", "2s", "100" (µs) into µs; NaN when unreadable. */
export function parseDuration(text) {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(us|µs|ms|s|m|h)?\s*$/.exec(text || '');
  if (!m) return NaN;
  const n = parseFloat(m[1]);
  const unit = { us: 1, 'µs': 1, ms: 1e3, s: 1e6, m: 6e7, h: 3.6e9 }[m[2] || 'us'];
  return Math.round(n * unit);
}

const PALETTE = ['#17B8BE', '#F8DCA1', '#B7885E', '#FFCB99', '#F89570', '#829AE3', '#E79FD5', '#1E96BE',
  '#89DAC1', '#B3AD9E', '#12939A', '#DDB27C', '#88572C', '#FF9833', '#EF5D28', '#162A65', '#DA70BF',
  '#125C77', '#4DC19C', '#776E57'];

/** A stable colour per service, in the order services are first met. */
export class ServiceColors {
  constructor() { this.map = new Map(); }
  get(service) {
    if (!this.map.has(service)) this.map.set(service, PALETTE[this.map.size % PALETTE.length]);
    return this.map.get(service);
  }
}
