'use strict';
// Sessions through the SDK (spec §6): list with filters room_id / active / after / before / id and iteration
// over several pages, retrieve, and the SDK's "active session of a room" helper. Sessions are made by peers
// joining and leaving through the emulator. This file has its own server, so it knows every session.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, collect, rejection, assertErrorBody } = require('../lib/hms');
const { Emulator, assertSessionWire } = require('../lib/live');

let server;
let hms;
let wire;
let emu;
const run = crypto.randomBytes(3).toString('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const EMPTY_PAGE = { limit: 10, data: null, last: '' };

// Rooms: ONE ends with 20 sessions, TWO with 5, EMPTY with none. Batch A (16 closed sessions, both rooms
// interleaved), then a pause with the instant `cut` in its middle, then batch B (7 closed sessions in ONE),
// then one live session in TWO and, newest of all, one in ONE. 25 sessions, each expected object in full.
const rooms = {};
const A = [];
const B = [];
const LIVE = {};
let cut;
const all = () => [...A, ...B, LIVE.two, LIVE.one];
const newestFirst = (sessions) => [...sessions].reverse();
const ids = (sessions) => sessions.map((s) => s.id);
const inRoom = (room) => (s) => s.room_id === room.id;

/** The expected wire form of a session in `room` with these history entries (join order). */
function expectedSession(room, sessionId, entries, active) {
  const peers = {};
  for (const e of entries) peers[e.id] = e;
  const times = entries.flatMap((e) => [e.joined_at, e.left_at]).filter(Boolean).sort((x, y) => Date.parse(x) - Date.parse(y));
  return {
    id: sessionId, room_id: room.id, customer_id: room.customer_id, app_id: room.app_id, active, peers,
    created_at: entries[0].joined_at, updated_at: times[times.length - 1],
  };
}

/** One peer joins `room` and leaves: a closed session of one peer. */
async function closedSession(room, n) {
  const peer = await emu.join(room.id, { role: 'guest', name: `p${n}`, user_id: `u${n}` });
  const entry = await emu.leave(room.id, peer.id);
  assert.equal(entry.joined_at, peer.joined_at);
  return expectedSession(room, entry.session_id, [entry], false);
}

before(async () => {
  server = await startServer({ name: 'sessions' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
  for (const key of ['one', 'two', 'empty']) {
    await hms.rooms.create({ name: `sess-${run}-${key}` });
    rooms[key] = wire.last().json();
  }
  let n = 0;
  for (let i = 0; i < 12; i++) {
    A.push(await closedSession(rooms.one, n++));
    if (i % 3 === 2) A.push(await closedSession(rooms.two, n++));
  }
  await sleep(300);
  cut = new Date().toISOString();
  await sleep(300);
  for (let i = 0; i < 7; i++) B.push(await closedSession(rooms.one, n++));

  const tess = await emu.join(rooms.two.id, { role: 'host', name: 'Tess', user_id: 'u-tess' });
  const twoSession = (await hms.sessions.retrieveActiveByRoom(rooms.two.id)).id;
  LIVE.two = expectedSession(rooms.two, twoSession, [sessionPeer(tess, twoSession, 'host')], true);

  // ONE's live session: Ann stays, Bob leaves and joins again (a new peer id), so three history entries.
  const ann = await emu.join(rooms.one.id, {
    role: 'host', name: 'Ann', user_id: 'u-ann', metadata: '{"seat":1}', tracks: [{ type: 'audio' }],
  });
  const bob1 = await emu.join(rooms.one.id, { role: 'guest', name: 'Bob', user_id: 'u-bob' });
  const bob1Left = await emu.leave(rooms.one.id, bob1.id);
  const bob2 = await emu.join(rooms.one.id, { role: 'guest', name: 'Bob', user_id: 'u-bob' });
  const oneSession = bob1Left.session_id;
  LIVE.one = expectedSession(rooms.one, oneSession,
    [sessionPeer(ann, oneSession, 'host'), bob1Left, sessionPeer(bob2, oneSession, 'guest')], true);
});
after(async () => { if (server) await server.stop(); });

/** The history entry of a connected peer, from the emulator's join answer. */
function sessionPeer(peer, sessionId, role) {
  return { id: peer.id, session_id: sessionId, name: peer.name, role, user_id: peer.user_id, user: peer.user_id, joined_at: peer.joined_at };
}

/** The GET /sessions exchanges made while iterating `filters`, and the items the iterator yielded. */
async function iterate(filters) {
  const { result, error, exchanges } = await wire.during(() => collect(hms.sessions.list(filters)));
  if (error) assert.fail(`GET /sessions ${JSON.stringify(filters)} -> ${JSON.stringify(error)}: ${exchanges.map((e) => `${e.status} ${e.raw}`).join(' | ')}`);
  for (const ex of exchanges) {
    assert.equal(ex.method, 'GET');
    assert.equal(ex.url, '/sessions');
    assert.equal(ex.status, 200, `${JSON.stringify(ex.params)} -> ${ex.status} ${ex.raw}`);
  }
  return { items: result, pages: exchanges.map((ex) => ({ params: ex.params, body: ex.json() })) };
}

test('setup: 25 sessions, ids growing with creation order, three rooms', () => {
  assert.equal(all().length, 25);
  assert.equal(new Set(ids(all())).size, 25, 'every join after the last leave opened a new session');
  assert.deepEqual(ids(all()), [...ids(all())].sort(), 'session ids are time-ordered (§1.5)');
  assert.equal(all().filter(inRoom(rooms.one)).length, 20);
  assert.equal(all().filter(inRoom(rooms.two)).length, 5);
});

test('iterate every session with the default limit: pages of 10, 10, 5, newest first, exact objects', async () => {
  const { items, pages } = await iterate(undefined);
  assert.deepEqual(pages.map((p) => p.body.data.length), [10, 10, 5]);
  const wireItems = pages.flatMap((p) => p.body.data);
  for (const s of wireItems) assertSessionWire(s);
  assert.deepEqual(wireItems, newestFirst(all()));
  for (let i = 0; i < pages.length; i++) {
    const { params, body } = pages[i];
    assert.deepEqual(Object.keys(body), ['limit', 'data', 'last']);
    assert.equal(body.limit, 10);
    assert.equal(body.last, body.data[body.data.length - 1].id, '`last` is the id of the page\'s final item');
    assert.equal(params.start, i === 0 ? undefined : pages[i - 1].body.last, 'the SDK passes the previous `last` as `start`');
  }
  // Peers maps keep join order (spec §1.10): Ann, the Bob who left, the Bob who came back.
  assert.deepEqual(Object.keys(wireItems[0].peers), Object.keys(LIVE.one.peers));
  // The SDK turns only top-level `*_at` of a response into Dates; a list's items keep their strings.
  assert.deepEqual(items, wireItems);
  assert.equal(typeof items[0].created_at, 'string');
});

test('filter room_id: 20 sessions of one room, two full pages and then the empty page', async () => {
  const { items, pages } = await iterate({ room_id: rooms.one.id });
  assert.deepEqual(items, newestFirst(all().filter(inRoom(rooms.one))));
  assert.equal(pages.length, 3, `requests: ${pages.map((p) => JSON.stringify(p.params)).join(' ')}`);
  for (const p of pages) assert.equal(p.params.room_id, rooms.one.id, 'the filter goes with every page');
  assert.equal(pages[2].params.start, pages[1].body.last);
  assert.deepEqual(pages[2].body, EMPTY_PAGE);

  assert.deepEqual((await iterate({ room_id: rooms.two.id })).items, newestFirst(all().filter(inRoom(rooms.two))));
});

test('filter room_id of a room without sessions, or of no room: {"limit":10,"data":null,"last":""}', async () => {
  for (const roomId of [rooms.empty.id, 'ffffffffffffffffffffffff']) {
    const { items, pages } = await iterate({ room_id: roomId });
    assert.deepEqual(items, []);
    assert.equal(pages.length, 1);
    assert.deepEqual(pages[0].body, EMPTY_PAGE);
  }
});

test('filter active: true finds the live sessions, false the ended ones; combined with room_id', async () => {
  assert.deepEqual((await iterate({ active: true })).items, [LIVE.one, LIVE.two]);
  assert.equal(wire.last().params.active, true);
  const ended = await iterate({ active: false, limit: 100 });
  assert.deepEqual(ended.items, newestFirst([...A, ...B]));
  assert.deepEqual((await iterate({ room_id: rooms.two.id, active: true })).items, [LIVE.two]);
  assert.deepEqual((await iterate({ room_id: rooms.two.id, active: false })).items,
    newestFirst(A.filter(inRoom(rooms.two))));
  assert.deepEqual((await iterate({ room_id: rooms.empty.id, active: true })).items, []);
});

test('no default for active: the unfiltered list holds ended and live sessions alike (decisions.md)', async () => {
  const page = await hms.api.get('/sessions', { limit: 100 });
  assert.deepEqual(page.data.map((s) => s.active), newestFirst(all()).map((s) => s.active));
  assert.ok(page.data.some((s) => s.active) && page.data.some((s) => !s.active));
});

test('iterate with limit=15: pages of 15 and 10; limit is clamped to 10..100 and echoed', async () => {
  const { items, pages } = await iterate({ limit: 15 });
  assert.deepEqual(ids(items), ids(newestFirst(all())));
  assert.deepEqual(pages.map((p) => p.body.data.length), [15, 10]);
  assert.deepEqual(pages.map((p) => p.body.limit), [15, 15]);
  const small = await hms.api.get('/sessions', { limit: 5 });
  assert.equal(small.limit, 10);
  assert.equal(small.data.length, 10);
  const big = await hms.api.get('/sessions', { limit: 500 });
  assert.equal(big.limit, 100);
  assert.deepEqual(ids(big.data), ids(newestFirst(all())));
  assert.equal(big.last, big.data[24].id);
});

test('start is exclusive', async () => {
  const expected = ids(newestFirst(all()));
  const fromMiddle = await hms.api.get('/sessions', { start: expected[4] });
  assert.deepEqual(ids(fromMiddle.data), expected.slice(5, 15));
  assert.deepEqual(await hms.api.get('/sessions', { start: '000000000000000000000000' }), EMPTY_PAGE);
});

test('filter after / before: on the session start, inclusive; combined with room_id', async () => {
  const expectedB = ids(newestFirst([...B, LIVE.two, LIVE.one]));
  assert.deepEqual(ids((await iterate({ after: cut })).items), expectedB, `after=${cut}`);
  assert.deepEqual(ids((await iterate({ before: cut })).items), ids(newestFirst(A)), `before=${cut}`);
  // Inclusive bounds: created_at >= after, created_at <= before.
  assert.deepEqual(ids((await iterate({ after: B[0].created_at })).items), expectedB, `after=${B[0].created_at}`);
  assert.deepEqual(ids((await iterate({ before: A[A.length - 1].created_at })).items), ids(newestFirst(A)));
  const window = await iterate({ after: B[2].created_at, before: B[5].created_at });
  assert.deepEqual(ids(window.items), ids(newestFirst(B.slice(2, 6))));
  const twoBefore = await iterate({ room_id: rooms.two.id, before: cut });
  assert.deepEqual(ids(twoBefore.items), ids(newestFirst(A.filter(inRoom(rooms.two)))));
  assert.deepEqual(ids((await iterate({ room_id: rooms.two.id, after: cut })).items), [LIVE.two.id]);
});

test('the SDK drops Date-typed filters from the query string: pass after/before as ISO strings', async () => {
  // Its query serializer sends strings, numbers, booleans and arrays only; a Date is an object without length.
  const { items, pages } = await iterate({ after: new Date(Date.now() + 3_600_000), limit: 100 });
  assert.equal(pages.length, 1);
  assert.deepEqual(ids(items), ids(newestFirst(all())), 'an hour-ahead `after` would have matched nothing');
});

test('filter id (legacy page): that session only', async () => {
  const page = await hms.api.get('/sessions', { id: A[3].id });
  assert.deepEqual(page, { limit: 10, data: [A[3]], last: A[3].id });
});

test('invalid filters: 400 Invalid query parameter, naming the field in details', async () => {
  for (const [params, field] of [
    [{ active: 'maybe' }, 'active'],
    [{ after: 'yesterday' }, 'after'],
    [{ before: '2024-13-45' }, 'before'],
    [{ limit: 'ten' }, 'limit'],
  ]) {
    const error = await rejection(hms.api.get('/sessions', params));
    const ex = wire.last();
    assert.deepEqual(error, { code: 400, name: 'Bad Request', message: 'Invalid query parameter' },
      `GET /sessions ${JSON.stringify(params)} -> ${ex.status} ${ex.raw}`);
    assertErrorBody(ex.json(), 400, 'Invalid query parameter');
    assert.ok(ex.json().details.some((d) => d.includes(field)), `details should name "${field}": ${ex.raw}`);
  }
});

test('retrieve a live session: GET /sessions/{id}, peers in join order, no left_at while connected', async () => {
  const { result: got, exchanges } = await wire.during(() => hms.sessions.retrieveById(LIVE.one.id));
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].method, 'GET');
  assert.equal(exchanges[0].url, `/sessions/${LIVE.one.id}`);
  assert.equal(exchanges[0].status, 200);
  const body = exchanges[0].json();
  assertSessionWire(body);
  assert.deepEqual(body, LIVE.one);
  const [ann, bob1, bob2] = Object.keys(body.peers);
  assert.deepEqual(Object.keys(body.peers), Object.keys(LIVE.one.peers));
  assert.ok(!('left_at' in body.peers[ann]), 'a connected peer has no left_at');
  assert.ok('left_at' in body.peers[bob1]);
  assert.notEqual(bob1, bob2, 'a re-join is a new peer id');
  assert.equal(body.peers[bob1].user_id, body.peers[bob2].user_id);
  assert.equal(body.updated_at, body.peers[bob2].joined_at, 'updated_at is the last change');
  // The SDK's view: top-level *_at as Dates, nested peers untouched.
  assert.ok(got.created_at instanceof Date && got.updated_at instanceof Date);
  assert.equal(got.created_at.getTime(), Date.parse(body.created_at));
  assert.equal(got.updated_at.getTime(), Date.parse(body.updated_at));
  assert.deepEqual(got.peers, body.peers);
  assert.equal(got.active, true);
});

test('retrieve an ended session: active false, every peer has left_at, updated_at is the last leave', async () => {
  const s = B[3];
  const got = await hms.sessions.retrieveById(s.id);
  const body = wire.last().json();
  assertSessionWire(body);
  assert.deepEqual(body, s);
  assert.equal(got.active, false);
  const [peer] = Object.values(body.peers);
  assert.equal(body.updated_at, peer.left_at);
  assert.ok(Date.parse(peer.left_at) >= Date.parse(peer.joined_at));
});

test('retrieve a missing session: the SDK throws {code: 404, name: "Not Found", message: "Session not found"}', async () => {
  for (const missing of ['0123456789abcdef01234567', 'no-such-session']) {
    const { error, exchanges } = await wire.during(() => hms.sessions.retrieveById(missing));
    assert.equal(exchanges.length, 1, 'a 404 is not retried');
    assert.equal(exchanges[0].status, 404, exchanges[0].raw);
    assertErrorBody(exchanges[0].json(), 404, 'Session not found');
    assert.deepEqual(error, { code: 404, name: 'Not Found', message: 'Session not found' });
  }
});

test('retrieveActiveByRoom: GET /sessions?room_id=&active=true, the first item', async () => {
  const { result, exchanges } = await wire.during(() => hms.sessions.retrieveActiveByRoom(rooms.one.id));
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].url, '/sessions');
  assert.deepEqual(exchanges[0].params, { room_id: rooms.one.id, active: true });
  assert.deepEqual(exchanges[0].json(), { limit: 10, data: [LIVE.one], last: LIVE.one.id });
  assert.deepEqual(result, LIVE.one);
});

test('retrieveActiveByRoom of a room without a live session: empty page, the SDK throws its own error', async () => {
  const { error, exchanges } = await wire.during(() => hms.sessions.retrieveActiveByRoom(rooms.empty.id));
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].status, 200);
  assert.deepEqual(exchanges[0].json(), EMPTY_PAGE);
  assert.ok(error instanceof Error);
  assert.equal(error.message, `No active Session found in the room with id - ${rooms.empty.id}`);
});

// Last, because it adds sessions the tests above do not expect.
test('lifecycle: the last leave closes the session, the next join opens a new one', async () => {
  const room = rooms.empty;
  const ann = await emu.join(room.id, { role: 'host', name: 'Ann' });
  assert.equal(ann.user_id, ann.id, 'without user_id the peer id stands in');
  const first = await hms.sessions.retrieveActiveByRoom(room.id);
  assert.equal(first.active, true);
  assert.deepEqual(first.peers, { [ann.id]: sessionPeer(ann, first.id, 'host') });
  assert.equal(first.created_at, ann.joined_at);

  const left = await emu.leave(room.id, ann.id);
  const closed = await hms.sessions.retrieveById(first.id);
  assert.deepEqual(wire.last().json(), expectedSession(room, first.id, [left], false));
  assert.equal(closed.active, false);
  const none = await rejection(hms.sessions.retrieveActiveByRoom(room.id));
  assert.equal(none.message, `No active Session found in the room with id - ${room.id}`);

  const again = await emu.join(room.id, { role: 'host', name: 'Ann' });
  const second = await hms.sessions.retrieveActiveByRoom(room.id);
  assert.notEqual(second.id, first.id);
  assert.ok(second.id > first.id, 'the newer session has the greater id');
  assert.deepEqual(Object.keys(second.peers), [again.id]);
  assert.deepEqual(ids((await iterate({ room_id: room.id })).items), [second.id, first.id]);
});
