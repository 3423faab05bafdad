'use strict';
// Idempotency-Key and --rate-limit (issue 7; docs/idempotency-and-rate-limits.md) as a user of the official
// SDK meets them: a header on the SDK's own axios makes a retried create answer the first answer (the same
// bytes, one room), another body with the key is refused 422, and a server started with --rate-limit 5/s
// answers the sixth call of a frozen second 429 "rate limit exceeded, retry after 1 seconds", which the SDK
// reports as {code: 429, ...}, as it would the analytics webhook endpoints' documented 429.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, rejection, collect, assertErrorBody } = require('../lib/hms');
const { withKey, Clock } = require('../lib/idempotency');
const { Emulator } = require('../lib/live');

let server;
let limited;

before(async () => {
  [server, limited] = await Promise.all([
    startServer({ name: 'idempotency' }),
    startServer({ name: 'idempotency-rate-limit', extraArgs: ['--rate-limit', '5/s'] }),
  ]);
});
after(async () => {
  await Promise.all([server, limited].filter(Boolean).map((s) => s.stop()));
});

async function roomsDescribed(hms, description) {
  const all = await collect(hms.rooms.list());
  return all.filter((r) => r.description === description);
}

test('the SDK\'s axios with an Idempotency-Key: a repeated create answers the first answer and makes one room', async () => {
  const { hms, wire } = sdkFor(server);
  const key = crypto.randomUUID();
  const description = `idem-${crypto.randomBytes(4).toString('hex')}`;
  const send = () => withKey(hms, key, () => hms.api.axios.post('/rooms', { description }));

  const { result: first, exchanges: [one] } = await wire.during(send);
  const { result: again, exchanges: [two] } = await wire.during(send);
  assert.equal(one.status, 200, one.raw);
  assert.equal(two.status, 200, two.raw);
  assert.equal(two.raw, one.raw, 'the same bytes');
  assert.equal(two.headers['idempotent-replayed'], 'true');
  assert.equal(one.headers['idempotent-replayed'], undefined);
  assert.equal(two.headers['content-type'], one.headers['content-type']);
  assert.deepEqual(again.data, first.data);
  assert.equal((await roomsDescribed(hms, description)).length, 1, 'one room made');

  // without the header, the same call makes another room; a header given per request never leaves the SDK
  await hms.api.axios.post('/rooms', { description });
  await hms.api.axios.post('/rooms', { description }, { headers: { 'Idempotency-Key': key } });
  assert.equal((await roomsDescribed(hms, description)).length, 3);
});

test('a key on the SDK\'s typed methods: a retried send-message sends once; another body with the key is 422', async () => {
  const { hms, wire } = sdkFor(server);
  const key = crypto.randomUUID();
  const room = await withKey(hms, key, () => hms.rooms.create({ description: 'typed' }));
  const replay = await withKey(hms, key, () => hms.rooms.create({ description: 'typed' }));
  assert.deepEqual(replay, room);
  assert.equal(wire.last().headers['idempotent-replayed'], 'true');

  const emulator = new Emulator(server, hms);
  await emulator.join(room.id, { role: 'host', name: 'Ann' });
  const active = await hms.activeRooms.retrieve(room.id);
  const messageKey = crypto.randomUUID();
  for (let i = 0; i < 2; i++) {
    await withKey(hms, messageKey, () => hms.activeRooms.sendMessage(room.id, { message: 'once' }));
  }
  assert.equal(wire.last().headers['idempotent-replayed'], 'true');
  const record = await emulator.messages(active.session.id);
  assert.deepEqual(record.map((m) => m.message), ['once'], 'sent once');

  const error = await rejection(withKey(hms, key, () => hms.rooms.create({ description: 'another body' })));
  assert.equal(error.code, 422, JSON.stringify(error));
  assert.equal(error.message, 'Idempotency key reused');
  assertErrorBody(wire.last().json(), 422, 'Idempotency key reused');
  assert.deepEqual(wire.last().json().details, ['Idempotency-Key was first used with another request body']);

  const bad = await rejection(withKey(hms, 'k'.repeat(256), () => hms.rooms.create({ description: 'typed' })));
  assert.equal(bad.code, 400, JSON.stringify(bad));
  assert.equal(bad.message, 'Invalid header');
});

test('--rate-limit 5/s: the sixth call of a frozen second is 429 with Retry-After, as the SDK reports it', async () => {
  const { hms, wire } = sdkFor(limited);
  const clock = new Clock(limited, hms);
  await clock.freeze();
  for (let i = 0; i < 5; i++) await hms.api.get('/rooms');

  const { error, exchanges } = await wire.during(() => hms.rooms.create({ description: 'too many' }));
  assert.ok(error, 'the sixth call fails');
  assert.equal(exchanges.length, 1, 'the SDK does not retry a 429');
  assert.deepEqual({ code: error.code, message: error.message },
    { code: 429, message: 'rate limit exceeded, retry after 1 seconds' });
  assert.equal(exchanges[0].status, 429);
  assert.equal(exchanges[0].headers['retry-after'], '1');
  assertErrorBody(exchanges[0].json(), 429, 'rate limit exceeded, retry after 1 seconds');

  // the analytics webhook endpoints' documented 429 (spec §13.2, §13.3) is the same answer
  const history = await rejection(hms.api.get('/analytics/webhooks'));
  assert.equal(history.code, 429);
  assert.equal(history.message, 'rate limit exceeded, retry after 1 seconds');
  const replay = await rejection(hms.api.post('/analytics/webhooks/replay', {}));
  assert.equal(replay.code, 429);

  // the bucket follows the server clock: a fifth of a second is one more call
  await clock.advance(0.2);
  const room = await hms.rooms.create({ description: 'after the wait' });
  assert.equal(room.description, 'after the wait');
  await rejection(hms.api.get('/rooms'));
});
