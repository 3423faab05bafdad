'use strict';
// The dashboard in a real browser against the built jar: sign-in (and its refusal), a room created from the
// page, a peer joined through the emulator appearing without a reload and removed from the page, a failed
// webhook replayed, an asset downloaded, a live stream playing in a <video>, and a change without the CSRF
// header refused. A screenshot of each page goes to target/screenshots/, or to docs/screenshots/ (the README's)
// with UPDATE_SCREENSHOTS=1, so that a test run does not change committed files. (A template's page, with its
// editor's errors, is template-errors.test.js.)

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const hundred = require('../lib/hundred');
const { launch, screenshot } = require('../lib/browser');

const ACCESS_KEY = 'e2e-access-key';
const SECRET = 'e2e-secret-0123456789abcdef';
const WAIT = { timeout: 15_000 };

let server;
let api;
let browser;
let page;
let receiver;
const received = [];
let answerStatus = 500;

async function shot(name) {
  await screenshot(page, name);
}

/** Waits (polling, with a deadline) until check() holds. */
async function until(check, what, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    assert.ok(Date.now() < deadline, `${what} (within ${ms} ms)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function go(hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
}

before(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      received.push({ status: answerStatus, body: JSON.parse(body) });
      res.writeHead(answerStatus).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  [server, browser] = await Promise.all([
    hundred.start({ accessKey: ACCESS_KEY, secret: SECRET, extra: ['--webhook-retries', 'none', '--webhook-horizon', 'none'] }),
    launch(),
  ]);
  api = hundred.client(server.url, ACCESS_KEY, SECRET);
  await api('POST', '/emulator/v1/webhook', { url: `http://127.0.0.1:${receiver.address().port}/hook` });
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (receiver) receiver.close();
});

test('a wrong secret is refused and shows nothing', async () => {
  await page.goto(`${server.url}/dashboard/`);
  await page.locator('input[name=access_key]').fill(ACCESS_KEY);
  await page.locator('input[name=secret]').fill('not-the-secret');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Invalid credentials' }).waitFor(WAIT);
  assert.equal(await page.getByRole('link', { name: 'Rooms' }).count(), 0);
  const cookies = await browser.context.cookies();
  assert.equal(cookies.length, 0, 'no cookie after a refused sign-in');
  await shot('sign-in');
});

test('signing in sets an HttpOnly SameSite=Strict cookie and shows the rooms', async () => {
  await page.locator('input[name=secret]').fill(SECRET);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Rooms' }).waitFor(WAIT);
  const [cookie] = await browser.context.cookies();
  assert.equal(cookie.name, 'hundred_dashboard');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(cookie.path, '/');
  assert.ok(cookie.expires > Date.now() / 1000, 'the cookie expires');
  assert.equal(await page.evaluate(() => document.cookie), '', 'the page cannot read it');
});

test('a room created from the page is listed', async () => {
  await page.locator('form[aria-label="Create room"] input[name=name]').fill('e2e-room');
  await page.getByLabel('Description').fill('made in the browser');
  await page.getByRole('button', { name: 'Create room' }).click();
  await page.getByTestId('rooms').getByRole('link', { name: 'e2e-room' }).waitFor(WAIT);
  const { data } = await api('GET', '/v2/rooms?name=e2e-room');
  assert.equal(data[0].description, 'made in the browser');
  await shot('rooms');
});

test('a peer joined through the emulator appears without a reload and is removed from the page', async () => {
  await page.getByTestId('rooms').getByRole('link', { name: 'e2e-room' }).click();
  await page.locator('[data-testid=live-state][data-connected=true]').waitFor(WAIT);
  assert.equal(await page.getByRole('form', { name: 'Join a peer' }).count(), 1, 'the emulator join form is there');
  const { data } = await api('GET', '/v2/rooms?name=e2e-room');
  const room = data[0].id;
  const marker = await page.evaluate(() => { window.notReloaded = true; return true; });
  assert.ok(marker);
  const peer = await api('POST', `/emulator/v1/rooms/${room}/peers`, { role: 'host', name: 'ada', tracks: [{ type: 'audio' }] });
  const row = page.getByTestId('peers').locator('tr', { hasText: peer.id });
  await row.waitFor(WAIT);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  await row.getByRole('button', { name: 'Mute' }).click();
  await row.getByText('audio (muted)').waitFor(WAIT);
  await shot('room');
  await row.getByRole('button', { name: 'Remove' }).click();
  await row.waitFor({ state: 'detached', ...WAIT });
  const { peers } = await api('GET', `/v2/active-rooms/${room}/peers`).catch(() => ({ peers: {} }));
  assert.equal(peers[peer.id], undefined, 'the peer left');
});

test('a state-changing call without the CSRF header is refused', async () => {
  const answer = await page.evaluate(async () => {
    const res = await fetch('/v2/rooms', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'csrf-less' }) });
    return { status: res.status, body: await res.json() };
  });
  assert.equal(answer.status, 403);
  assert.deepEqual(Object.keys(answer.body), ['code', 'message', 'details']);
  assert.equal(answer.body.message, 'CSRF token missing or invalid');
  const { data } = await api('GET', '/v2/rooms?name=csrf-less');
  assert.equal(data, null, 'nothing was created');
});

test('a failed webhook delivery is replayed from the page', async () => {
  // The room's first event (its session opening) fails for good at once: no retries, no horizon.
  await until(() => received.some((r) => r.status === 500 && r.body.type === 'session.open.success'),
    'the session opening was delivered to a receiver answering 500', 30_000);
  answerStatus = 200;
  await go('#/webhooks');
  await page.getByLabel('Status').selectOption('failed');
  await page.getByLabel('Event').fill('session.open.success');
  await page.getByRole('button', { name: 'Apply' }).click();
  const row = page.getByTestId('deliveries').locator('tr', { hasText: 'status code 500' }).first();
  await row.waitFor(WAIT);
  await row.getByTestId('attempts').locator('summary').click();
  await row.getByTestId('attempts').locator('li', { hasText: '500' }).waitFor(WAIT);
  await shot('webhooks');
  await row.getByRole('button', { name: 'Replay' }).click();
  await page.getByTestId('replay').waitFor(WAIT);
  await until(() => received.some((r) => r.status === 200 && r.body.is_replay === true
    && r.body.type === 'session.open.success'), 'the replay reached the receiver', 30_000);
});

test('a recording advanced to completion leaves an asset that downloads', async () => {
  const room = (await api('POST', '/v2/rooms', { name: 'e2e-recorded' })).id;
  await api('POST', `/emulator/v1/rooms/${room}/peers`, { role: 'host', name: 'bob' });
  const recording = await api('POST', `/v2/recordings/room/${room}/start`, {});
  await go('#/media');
  const row = page.getByTestId('recordings').locator('tr', { hasText: recording.id });
  // Timers move a job on by themselves too: advance from whatever state it shows until it is completed.
  for (let i = 0; i < 6; i++) {
    const state = await row.locator('.badge').innerText();
    if (state === 'completed') break;
    await row.getByTestId('advance').click();
    try {
      await row.locator('.badge').filter({ hasNotText: new RegExp(`^${state}$`) }).waitFor(WAIT);
    } catch (e) {
      await page.screenshot({ path: path.join(__dirname, '../target/failed-recording.png') });
      throw e;
    }
  }
  await row.locator('.badge', { hasText: /^completed$/ }).waitFor(WAIT);
  const asset = page.getByTestId('assets').locator('tr', { hasText: recording.id }).first();
  await asset.waitFor(WAIT);
  await shot('recordings');
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), asset.getByTestId('download').click()]);
  const file = await download.path();
  assert.ok(fs.statSync(file).size > 0, 'the downloaded asset has bytes');
});

test('a running live stream plays in the page: native HLS, H.264 at the rendition\'s size', async () => {
  const room = await api('POST', '/v2/rooms', { name: 'e2e-live' });
  // one rendition, so the size the browser decodes is known whichever it would pick
  await api('POST', `/v2/templates/${room.template_id}/destinations`, { hlsDestinations: { main: {
    layers: [{ width: 640, height: 360 }], playlistType: 'live', numPlaylistSegments: 3 } } });
  await api('POST', `/emulator/v1/rooms/${room.id}/peers`, { role: 'host', name: 'dee' });
  const stream = await api('POST', `/v2/live-streams/room/${room.id}/start`, {});
  const deadline = Date.now() + 15_000;
  for (;;) { // the job's timer (0.2 s by default) makes it running; an advance could race it into stopping
    const { status } = await api('GET', `/v2/live-streams/${stream.id}`);
    if (status === 'running') break;
    assert.ok(Date.now() < deadline && status === 'starting', `the stream is running (it is ${status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await go('#/sessions');
  await go('#/media'); // a fresh visit reads the streams again
  const row = page.getByTestId('live-streams').locator('tr', { hasText: stream.id });
  await row.getByTestId('play').click();
  const video = page.getByTestId('hls-video');
  await video.waitFor(WAIT);
  // segments are 2 s and published once complete, so the first picture comes a few seconds in
  const playing = Date.now() + 30_000;
  let seen;
  for (;;) {
    seen = await video.evaluate((v) => ({ width: v.videoWidth, height: v.videoHeight, time: v.currentTime,
      error: v.error && `${v.error.code} ${v.error.message}` }));
    assert.equal(seen.error, null, 'the video element reports no error');
    if (seen.width === 640 && seen.time > 0) break;
    if (Date.now() > playing) {
      await page.screenshot({ path: path.join(__dirname, '../target/failed-live-stream.png') });
      assert.fail(`the video plays at 640x360 (within 30 s): ${JSON.stringify(seen)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(seen.height, 360);
  await shot('live-stream');
  await api('POST', `/v2/live-streams/${stream.id}/stop`, {});
});

test('the API reference is rendered from the one document, each answer with its exact messages', async () => {
  await go('#/reference');
  const v2 = page.getByTestId('reference');
  await v2.waitFor(WAIT);
  const room = v2.locator('tr', { has: page.locator('code', { hasText: /^\/v2\/rooms\/\{room_id\}$/ }) })
    .filter({ has: page.locator('code', { hasText: /^GET$/ }) });
  await room.locator('summary').click();
  await room.getByText('Room not found', { exact: true }).waitFor(WAIT);
  assert.ok(await v2.locator('tbody tr').count() >= 97, 'every /v2 operation is listed');
  const emulator = page.getByTestId('reference-emulator');
  await emulator.waitFor(WAIT);
  assert.ok(await emulator.locator('tbody tr').count() >= 40, 'every /emulator/v1 operation is listed');
  const server = page.getByTestId('reference-server');
  await server.locator('code', { hasText: /^\/gateway\/v1\/peer$/ }).waitFor(WAIT);
  assert.ok(await server.locator('tbody tr').count() >= 12, 'the server\'s own paths are listed');
});

test('every other page renders (screenshots)', async () => {
  for (const [hash, heading, name] of [
    ['#/templates', 'Templates', 'templates'],
    ['#/sessions', 'Sessions', 'sessions'],
    ['#/journal', 'Request journal', 'journal'],
    ['#/inbox', 'Event inbox', 'inbox'],
    ['#/emulator', 'Emulator', 'emulator'],
    ['#/reference', 'API reference', 'reference'],
  ]) {
    await go(hash);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor(WAIT);
    await page.waitForLoadState('networkidle');
    await shot(name);
  }
});
