'use strict';
// RTMP ingest stream keys (spec §12) through the SDK's generic calls (it has no typed wrappers for them):
// create, get, disable, reset, the room's enabled state, the documented errors as the SDK reports them, and
// the emulator's broadcaster on a key (ingest webhooks' data in its answers; the ingest's peer in the room).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../lib/server');
const { sdkFor, rejection, assertErrorBody, HEX24, RFC3339_UTC } = require('../lib/hms');
const { Emulator } = require('../lib/live');
const { rtmpInRoom, assertStreamKeyWire } = require('../lib/ingestsip');

let server;
let hms;
let wire;
let emu;

before(async () => {
  server = await startServer({ name: 'stream-keys' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
});
after(async () => { if (server) await server.stop(); });

const keyPath = (roomId) => `/stream-keys/room/${roomId}`;

test('create answers the key object (200); get answers {data: [key], last: id} with no limit', async () => {
  const room = await hms.rooms.create({});
  const { result, exchanges } = await wire.during(() => hms.api.post(keyPath(room.id)));
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].status, 200);
  const key = exchanges[0].json();
  assertStreamKeyWire(key, { roomId: room.id });
  assert.equal(key.url, 'rtmp://127.0.0.1/live');
  assert.equal(key.created_at, key.updated_at);
  assert.equal(result.id, key.id);

  await hms.api.get(keyPath(room.id));
  const page = wire.last().json();
  assert.deepEqual(Object.keys(page), ['data', 'last']);
  assert.deepEqual(page.data, [key]);
  assert.equal(page.last, key.id);
});

test('a second create is 400 Active key already exists; disable answers 200 {code: 200, message}', async () => {
  const room = await hms.rooms.create({});
  const first = await hms.api.post(keyPath(room.id));
  const again = await rejection(hms.api.post(keyPath(room.id)));
  assert.deepEqual(again, { code: 400, name: 'Bad Request', message: 'Active key already exists' });
  assertErrorBody(wire.last().json(), 400, 'Active key already exists');

  const { result, exchanges } = await wire.during(() => hms.api.post(`${keyPath(room.id)}/disable`));
  assert.equal(exchanges[0].status, 200);
  assert.deepEqual(result, { code: 200, message: 'key disabled successfully' });

  const none = await rejection(hms.api.get(keyPath(room.id)));
  assert.deepEqual(none, { code: 404, name: 'Not Found', message: 'No active key found' });
  const gone = await rejection(hms.api.post(`${keyPath(room.id)}/disable`));
  assert.deepEqual(gone, { code: 404, name: 'Not Found', message: 'Key not found' });

  // Reset = disable, then create: a new id and a new key.
  const second = await hms.api.post(keyPath(room.id));
  assert.notEqual(second.id, first.id);
  assert.notEqual(second.key, first.key);
});

test('a disabled room answers 403 Room is disabled (not active); enabled again, the same key is back', async () => {
  const room = await hms.rooms.create({});
  await hms.api.post(keyPath(room.id));
  const key = wire.last().json();
  await hms.rooms.enableOrDisable(room.id, false);
  for (const call of [() => hms.api.get(keyPath(room.id)), () => hms.api.post(keyPath(room.id)),
    () => hms.api.post(`${keyPath(room.id)}/disable`)]) {
    const { error, exchanges } = await wire.during(call);
    assert.deepEqual(error, { code: 403, name: 'Forbidden', message: 'Room is disabled (not active)' });
    // The SDK retries a 403 once with a fresh management token (spec §1.3): the same answer twice.
    assert.deepEqual(exchanges.map((e) => e.status), [403, 403]);
    assertErrorBody(exchanges[1].json(), 403, 'Room is disabled (not active)');
  }
  await hms.rooms.enableOrDisable(room.id, true);
  await hms.api.get(keyPath(room.id));
  assert.deepEqual(wire.last().json().data, [key]);
});

test('unknown rooms are 404 Room not found for all three calls', async () => {
  for (const call of [() => hms.api.get(keyPath('0123456789abcdef01234567')),
    () => hms.api.post(keyPath('0123456789abcdef01234567')), () => hms.api.post(`${keyPath('nope')}/disable`)]) {
    const error = await rejection(call());
    assert.deepEqual(error, { code: 404, name: 'Not Found', message: 'Room not found' });
  }
});

test('the emulator broadcaster: start (ingest.start.success), the peer in the room, stop (ingest.end.success)', async () => {
  const roomId = await rtmpInRoom(hms);
  const key = await hms.api.post(keyPath(roomId));
  const ingest = (body) => emu.ok('POST', `/emulator/v1/stream-keys/${key.key}/ingest`, body);

  const started = await ingest({ action: 'start' });
  assert.equal(started.type, 'ingest.start.success');
  assert.deepEqual(Object.keys(started.data),
    ['account_id', 'app_id', 'ingest_id', 'room_id', 'started_at', 'stream_id', 'template_id']);
  assert.match(started.data.ingest_id, HEX24);
  assert.match(started.data.stream_id, HEX24);
  assert.match(started.data.started_at, RFC3339_UTC);
  assert.equal(started.data.room_id, roomId);

  const peers = await hms.activeRooms.retrieveActivePeers(roomId);
  const [peer] = Object.values(peers);
  assert.equal(Object.keys(peers).length, 1);
  assert.equal(peer.role, 'broadcaster');
  assert.equal(peer.user_id, key.id);
  const session = await hms.sessions.retrieveActiveByRoom(roomId);
  assert.ok(session.active);

  const again = await ingest({ action: 'start' });
  assert.deepEqual([again.type, again.data.error_message], ['ingest.start.failure', 'already connected']);

  const ended = await ingest({ action: 'stop' });
  assert.equal(ended.type, 'ingest.end.success');
  assert.deepEqual(Object.keys(ended.data), ['account_id', 'app_id', 'completed_at', 'duration', 'ingest_id',
    'last_disconnected_at', 'reason', 'room_id', 'started_at', 'stream_id', 'template_id']);
  assert.equal(ended.data.reason, 'stream closed');
  assert.equal(ended.data.ingest_id, started.data.ingest_id);
  assert.equal(typeof ended.data.duration, 'number');
  const noRoom = await rejection(hms.activeRooms.retrieve(roomId));
  assert.equal(noRoom.code, 404);
});

test('the emulator broadcaster is refused on a disabled key and on a template without HLS', async () => {
  const roomId = await rtmpInRoom(hms);
  const key = await hms.api.post(keyPath(roomId));
  await hms.api.post(`${keyPath(roomId)}/disable`);
  const refused = await emu.ok('POST', `/emulator/v1/stream-keys/${key.key}/ingest`, { action: 'start' });
  assert.deepEqual(refused, {
    type: 'ingest.start.failure',
    data: { account_id: refused.data.account_id, app_id: refused.data.app_id, error_message: 'stream key disabled',
      room_id: roomId, template_id: refused.data.template_id },
  });

  const plain = await hms.rooms.create({});
  const plainKey = await hms.api.post(keyPath(plain.id));
  const noHls = await emu.ok('POST', `/emulator/v1/stream-keys/${plainKey.key}/ingest`, { action: 'start' });
  assert.equal(noHls.data.error_message, 'no hls destinations');

  const unknown = await emu.call('POST', '/emulator/v1/stream-keys/00000000000000000000000000000000/ingest',
    { action: 'start' });
  assert.equal(unknown.status, 404);
  assertErrorBody(unknown.json, 404, 'Key not found');
});
