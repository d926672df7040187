// The viewer page: the live sessions list, and the session being watched (frames, episode reward, return per
// episode, the agent's reported metrics, recordings). It only ever asks the server what to show.

import { decodeBinary, socketUrl } from './protocol.js';
import { paint } from './painters.js';
import { Chart } from './chart.js';

const $ = (id) => document.getElementById(id);
const COLOURS = ['#d9480f', '#2b8a3e', '#862e9c', '#1864ab', '#c2255c', '#5c940d'];

const state = {
  ws: null,
  watching: null,
  env: '',
  returns: new Chart($('returns-chart'), 'return per episode'),
  metrics: new Map(),
  /** Latest-value painting: while one frame is being drawn, only the newest waiting one is kept. */
  painting: false,
  nextFrame: null,
  framesDrawn: 0,
  /** Colours of the watched session's indexed frames; the server sends them before the first frame needing them. */
  palette: null,
  recording: null,
};

function connect() {
  const ws = new WebSocket(socketUrl(window.location));
  ws.binaryType = 'arraybuffer';
  state.ws = ws;
  let opened = false;
  ws.onopen = () => {
    opened = true;
    $('connection').textContent = 'connected';
    $('error').hidden = true;
    if (state.watching) send({ type: 'watch', session: state.watching, fps: fps() });
  };
  ws.onclose = () => {
    $('connection').textContent = opened ? 'disconnected; retrying…' : 'refused or unreachable; retrying…';
    if (!opened && new URLSearchParams(window.location.search).has('token')) showError('The server refused this page: is the ?token= right?');
    setTimeout(connect, 2000);
  };
  ws.onmessage = (e) => (typeof e.data === 'string' ? onText(JSON.parse(e.data)) : onBinary(decodeBinary(e.data)));
}

function send(msg) {
  if (state.ws?.readyState === WebSocket.OPEN) state.ws.send(JSON.stringify(msg));
}

const fps = () => Number($('fps').value);

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

function onText(msg) {
  switch (msg.type) {
    case 'sessions':
      return listSessions(msg.sessions);
    case 'watching':
      return startWatching(msg);
    case 'palette':
      if (msg.session === state.watching) state.palette = msg.colours;
      return;
    case 'curves':
      return addCurves(msg);
    case 'recording':
      return msg.error ? ($('record-status').textContent = `not recorded: ${msg.error}`) : ($('record-status').textContent = 'recording the next episode…');
    case 'closed':
      $('watch-title').textContent += ' (closed)';
      state.watching = null;
      return;
    case 'error':
      return showError(msg.message);
  }
}

function onBinary({ header, payload }) {
  if (header.type === 'frame' && header.session === state.watching) {
    state.nextFrame = { header, payload };
    if (!state.painting) paintNext();
  } else if (header.type === 'recording') {
    saveRecording(header, payload);
  }
}

async function paintNext() {
  state.painting = true;
  while (state.nextFrame) {
    const { header, payload } = state.nextFrame;
    state.nextFrame = null;
    await paint($('frame').getContext('2d'), header, payload, state.palette);
    state.framesDrawn++;
    $('frame').dataset.frames = String(state.framesDrawn);
    $('episode').textContent = String(header.episodes + 1);
    $('episode-return').textContent = round(header.episodeReturn);
    $('last-return').textContent = header.lastReturn === null ? '–' : round(header.lastReturn);
    $('steps').textContent = String(header.steps);
  }
  state.painting = false;
}

const round = (v) => (v === null || v === undefined ? '–' : String(Math.round(v * 1000) / 1000));

function listSessions(sessions) {
  const body = $('sessions').tBodies[0];
  body.replaceChildren(
    ...sessions.map((s) => {
      const tr = document.createElement('tr');
      tr.dataset.session = s.id;
      tr.classList.toggle('selected', s.id === state.watching);
      const env = s.numEnvs > 1 ? `${s.env} ×${s.numEnvs}` : s.env;
      for (const text of [env, s.client, s.episodes, s.lastReturn === null ? '–' : round(s.lastReturn), s.stepsPerSecond]) {
        const td = document.createElement('td');
        td.textContent = String(text);
        tr.append(td);
      }
      tr.onclick = () => send({ type: 'watch', session: s.id, fps: fps() });
      return tr;
    }),
  );
  $('no-sessions').hidden = sessions.length > 0;
}

function startWatching(msg) {
  const changed = msg.session !== state.watching;
  state.watching = msg.session;
  state.env = msg.env;
  $('watch-panel').hidden = false;
  $('watch-title').textContent = `${msg.env} · ${msg.session.slice(0, 8)}`;
  for (const tr of $('sessions').tBodies[0].rows) tr.classList.toggle('selected', tr.dataset.session === msg.session);
  if (!changed) return;
  state.palette = null;
  state.returns.clear();
  state.returns.setReference(msg.rewardThreshold);
  for (const { chart } of state.metrics.values()) chart.canvas.remove();
  state.metrics.clear();
  $('record-status').textContent = '';
}

function addCurves(msg) {
  if (msg.session !== state.watching) return;
  if (msg.returns.length) state.returns.add(msg.returns);
  for (const [name, points] of Object.entries(msg.metrics)) {
    let m = state.metrics.get(name);
    if (!m) {
      const canvas = document.createElement('canvas');
      canvas.className = 'chart';
      canvas.width = 560;
      canvas.height = 160;
      canvas.dataset.metric = name;
      $('charts').append(canvas);
      m = { chart: new Chart(canvas, name, COLOURS[state.metrics.size % COLOURS.length]) };
      state.metrics.set(name, m);
    }
    m.chart.add(points);
  }
}

function saveRecording(header, payload) {
  const url = URL.createObjectURL(new Blob([payload], { type: 'image/apng' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${header.env}-episode-${header.episode}.png`;
  a.textContent = `${a.download} (${header.frames} frames)`;
  $('record-status').replaceChildren('saved ', a);
  a.click();
}

function drawCharts() {
  for (const chart of [state.returns, ...[...state.metrics.values()].map((m) => m.chart)]) {
    chart.draw();
    chart.canvas.dataset.points = String(chart.points.length);
  }
  requestAnimationFrame(drawCharts);
}

$('fps').oninput = () => {
  $('fps-value').textContent = String(fps());
  if (state.watching) send({ type: 'rate', fps: fps() });
};
$('record').onclick = () => send({ type: 'record' });

connect();
requestAnimationFrame(drawCharts);
