// The freezer's live temperature, on the @yujian/realtime client package.
import { RealtimeClient, State, defineChannel, realtimeUrl } from '@yujian/realtime';

/** DATA carries one reading; INITIAL_DATA is the latest reading (this service's snapshot), not a list. */
const freezer = defineChannel('instruments.freezer-1');
const WINDOW_MS = 120_000;
const readings = [];
const $ = (id) => document.getElementById(id);

function tokenFromPage() {
  const hash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (hash) {
    sessionStorage.setItem('token', hash);
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem('token');
}

function show(reading) {
  const at = Date.parse(reading.timestamp);
  if (readings.length > 0 && at <= readings[readings.length - 1].at) return;
  readings.push({ at, value: reading.temperatureC });
  while (readings.length > 0 && readings[0].at < at - WINDOW_MS) readings.shift();
  $('temperature').textContent = reading.temperatureC.toFixed(1);
  $('read-at').textContent = `read at ${new Date(at).toLocaleTimeString()}`;
  draw();
}

function draw() {
  const svg = $('chart');
  const [w, h, left, bottom] = [600, 220, 44, 20];
  const last = readings[readings.length - 1].at;
  const values = readings.map((r) => r.value);
  const min = Math.floor(Math.min(...values) - 0.5);
  const max = Math.ceil(Math.max(...values) + 0.5);
  const x = (at) => left + ((at - (last - WINDOW_MS)) / WINDOW_MS) * (w - left - 8);
  const y = (v) => 8 + ((max - v) / (max - min)) * (h - bottom - 16);
  const points = readings.map((r) => `${x(r.at).toFixed(1)},${y(r.value).toFixed(1)}`).join(' ');
  const ticks = [0, 30, 60, 90, 120].map((s) => {
    const tx = x(last - s * 1000);
    return `<text x="${tx}" y="${h - 4}" text-anchor="middle">${s === 0 ? 'now' : `-${s}s`}</text>`;
  });
  svg.innerHTML = `<line class="axis" x1="${left}" y1="${h - bottom}" x2="${w}" y2="${h - bottom}"/>`
    + `<text x="${left - 6}" y="${y(max) + 4}" text-anchor="end">${max} °C</text>`
    + `<text x="${left - 6}" y="${y(min) + 4}" text-anchor="end">${min} °C</text>`
    + ticks.join('') + `<polyline class="line" points="${points}"/>`;
}

function problem(text) {
  $('problem').hidden = !text;
  $('problem').textContent = text ?? '';
}

function start(token) {
  $('sign-in').hidden = true;
  $('live').hidden = false;
  const client = new RealtimeClient({ url: realtimeUrl(), getToken: () => token });
  client.on('state', (s) => {
    $('state').textContent = s.state;
    $('state').dataset.state = s.state;
    if (s.state === State.GaveUp) {
      problem(s.reason === 'auth-required' ? 'The token was refused: sign out and paste a valid one.'
        : `Stopped reconnecting (${s.reason}).`);
    } else if (s.state === State.Connected) {
      problem(null);
    }
  });
  client.subscribe(freezer, {
    onInitialData: (latest) => show(latest),
    onData: (reading) => show(reading),
    onSubscriptionFailed: ({ reason }) => problem(reason === 'ACCESS_DENIED'
      ? 'Your role may not read the instruments (members and above may).' : `Subscription refused: ${reason}`),
  });
  client.connect();
  $('sign-out').onclick = () => {
    client.disconnect();
    sessionStorage.removeItem('token');
    location.reload();
  };
}

const token = tokenFromPage();
if (token) {
  start(token);
} else {
  $('sign-in').hidden = false;
  $('sign-in').onsubmit = (event) => {
    event.preventDefault();
    const pasted = $('token').value.trim();
    sessionStorage.setItem('token', pasted);
    start(pasted);
  };
}
