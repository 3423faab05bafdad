'use strict';
// The emulator's test controls seen from the official SDK (docs/emulator.md): its calls in the request
// journal (without its token), a fault rule making hms.rooms.create reject the way the SDK reports any
// error, and the event inbox answering a long poll once an emulator peer joins.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../lib/server');
const { sdkFor, rejection, assertErrorBody, raw } = require('../lib/hms');
const { Emulator } = require('../lib/live');
const { Controls, assertEnvelope, assertJournalEntry } = require('../lib/emulator');

let server;
let hms;
let wire;
let emu;
let controls;

before(async () => {
  server = await startServer({ name: 'emulator' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
  controls = new Controls(emu);
});
after(async () => { if (server) await server.stop(); });

test("the SDK's calls appear in the journal, newest first, with their bodies and without the token", async () => {
  await hms.rooms.create({ name: 'journal-a' }); // the SDK mints its token on its first call
  await controls.clearRequests();
  const room = await hms.rooms.create({ name: 'journal-b', description: 'seen' });
  await hms.rooms.retrieveById(room.id);
  await hms.rooms.update(room.id, { description: 'changed' });

  const entries = await controls.requests();
  entries.forEach(assertJournalEntry);
  assert.deepEqual(entries.map((e) => `${e.method} ${e.path} ${e.status}`), [
    `POST /v2/rooms/${room.id} 200`,
    `GET /v2/rooms/${room.id} 200`,
    'POST /v2/rooms 200',
  ]);
  assert.deepEqual(JSON.parse(entries[2].body), { name: 'journal-b', description: 'seen' });
  assert.deepEqual(JSON.parse(entries[0].body), { description: 'changed' });
  assert.equal(entries[1].body, '');
  const headerNames = Object.keys(entries[0].headers).map((h) => h.toLowerCase());
  assert.ok(headerNames.includes('content-type'), JSON.stringify(entries[0].headers));
  assert.ok(!headerNames.includes('authorization'));

  const { token } = await hms.auth.getManagementToken();
  const text = await controls.journalText();
  assert.ok(!text.includes(token), 'the journal never shows the management token');
  assert.ok(!text.includes(token.split('.')[2]), 'nor its signature');

  const posts = await controls.requests('method=POST&path=/v2/rooms/*');
  assert.deepEqual(posts.map((e) => e.path), [`/v2/rooms/${room.id}`]);
});

test('a fault makes hms.rooms.create reject with the injected status and message, times times', async () => {
  const rule = await controls.fault({ method: 'POST', path: '/v2/rooms', status: 503, message: 'injected outage', times: 1 });
  const error = await rejection(hms.rooms.create({ name: 'never-made' }));
  assert.deepEqual(error, { code: 503, name: 'Service Unavailable', message: 'injected outage' });
  assertErrorBody(wire.last().json(), 503, 'injected outage');
  assert.deepEqual(wire.last().json().details, [`injected fault ${rule.id}`]);

  const made = await hms.rooms.create({ name: 'made-after' });
  assert.equal(made.name, 'made-after');
  const names = (await controls.requests('method=POST&path=/v2/rooms')).map((e) => `${e.status} ${JSON.parse(e.body).name}`);
  assert.deepEqual(names.slice(0, 2), ['200 made-after', '503 never-made']);
  const [spent] = await controls.faults();
  assert.equal(spent.remaining, 0);
  assert.equal(spent.injected, 1);
  const [faulted] = await controls.requests('status=503');
  assert.equal(faulted.fault, rule.id);
  await controls.clearFaults();
});

test('without a message the SDK reports the standard text; a 403 fault is retried once by the SDK', async () => {
  await controls.fault({ path: '/v2/rooms/*', method: 'GET', status: 500, times: 1 });
  const room = await hms.rooms.create({});
  const error = await rejection(hms.rooms.retrieveById(room.id));
  // name is the status line's reason phrase (Jetty's), message the body's (the standard text of the status).
  assert.deepEqual(error, { code: 500, name: 'Server Error', message: 'Internal Server Error' });

  // The SDK mints a fresh token and tries again once after a 401 or 403: a one-off 403 goes unnoticed.
  await controls.fault({ path: '/v2/rooms/*', method: 'GET', status: 403, times: 1 });
  const { result, exchanges } = await wire.during(() => hms.rooms.retrieveById(room.id));
  assert.equal(result.id, room.id);
  assert.deepEqual(exchanges.map((e) => e.status), [403, 200]);
  const journal = await controls.requests(`path=/v2/rooms/${room.id}&limit=2`);
  assert.deepEqual(journal.map((e) => e.status), [200, 403]);
  await controls.clearFaults();
});

test('X-Hundred-Fault: a request of the SDK can ask for its own fault', async () => {
  // Added below the SDK's own interceptors (which set the request's headers), at the adapter.
  let fault = 'status=429;message=slow down';
  const adapter = hms.api.axios.defaults.adapter;
  hms.api.axios.defaults.adapter = (config) => {
    config.headers['X-Hundred-Fault'] = fault;
    return adapter(config);
  };
  try {
    const error = await rejection(hms.rooms.create({ name: 'asked' }));
    assert.deepEqual(error, { code: 429, name: 'Too Many Requests', message: 'slow down' });
    assert.deepEqual(wire.last().json().details, ['injected fault X-Hundred-Fault']);
    fault = 'status=abc';
    const bad = await rejection(hms.rooms.create({ name: 'asked' }));
    assert.deepEqual(bad, { code: 400, name: 'Bad Request', message: 'Invalid header' });
  } finally {
    hms.api.axios.defaults.adapter = adapter;
  }
  assert.equal((await hms.rooms.create({ name: 'asked' })).name, 'asked');
});

test('the inbox long-polls until an emulator peer joins, webhook or not, in the webhook envelope', async () => {
  const room = await hms.rooms.create({ name: 'inbox' });
  const { last } = await controls.events();
  const waiting = controls.events(`type=peer.join.success&room_id=${room.id}&wait_seconds=30${last ? `&after=${last}` : ''}`);
  const peer = await emu.join(room.id, { role: 'host', name: 'Ann', user_id: 'u-ann' });
  const page = await waiting;
  assert.equal(page.events.length, 1, JSON.stringify(page));
  const [event] = page.events;
  assertEnvelope(event);
  assert.equal(event.type, 'peer.join.success');
  assert.equal(event.data.peer_id, peer.id);
  assert.equal(event.data.room_id, room.id);
  assert.equal(event.data.user_name, 'Ann');
  assert.equal(page.last, event.id);

  const later = await controls.events(`type=peer.join.success&room_id=${room.id}&wait_seconds=0.5&after=${page.last}`);
  assert.deepEqual(later, { events: [], last: page.last });
  const bad = await raw(server, 'GET', '/emulator/v1/events?wait_seconds=61', { token: (await hms.auth.getManagementToken()).token });
  assertErrorBody(bad.json, 400, 'Invalid query parameter');
});
