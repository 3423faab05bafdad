'use strict';
// Rooms through the official SDK: create, retrieve by id and by name, update, enable/disable,
// and the errors the SDK surfaces (spec §3, decisions.md).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, rejection, assertErrorBody, UUID4, RFC3339_UTC } = require('../lib/hms');
const { assertRoomWire } = require('../lib/rooms');

let server;
let hms;
let wire;
const uniq = () => crypto.randomBytes(4).toString('hex');

before(async () => {
  server = await startServer({ name: 'rooms' });
  ({ hms, wire } = sdkFor(server));
});
after(async () => { if (server) await server.stop(); });

test('create: POST /rooms answers 200 with the documented room object', async () => {
  const name = `conf-create-${uniq()}`;
  const { result: room, error, exchanges } = await wire.during(() => hms.rooms.create({ name, description: 'first' }));
  assert.ifError(error);
  assert.equal(exchanges.length, 1);
  const ex = exchanges[0];
  assert.equal(ex.method, 'POST');
  assert.equal(ex.url, '/rooms');
  assert.equal(ex.status, 200, `create answers 200 (not 201): ${ex.raw}`);
  assert.match(ex.headers['content-type'], /^application\/json/);
  const body = ex.json();
  assertRoomWire(body);
  assert.equal(body.name, name);
  assert.equal(body.description, 'first');
  assert.equal(body.enabled, true);
  assert.equal(body.large_room, false);
  assert.equal(body.recording_source_template, true, 'no recording_info given: the room follows its template (§3.2)');
  // What the SDK hands back: the same object, with *_at turned into Dates.
  assert.equal(room.id, body.id);
  assert.ok(room.created_at instanceof Date && !Number.isNaN(room.created_at.getTime()));
  assert.equal(room.created_at.getTime(), Date.parse(body.created_at));
});

test('create without a name: the name is a generated UUID v4', async () => {
  const room = await hms.rooms.create({ description: 'nameless' });
  assert.match(room.name, UUID4);
  assertRoomWire(wire.last().json());
});

test('create with an existing name returns that room, updated (upsert by name, case-insensitive)', async () => {
  const name = `conf-upsert-${uniq()}`;
  const first = await hms.rooms.create({ name, description: 'a' });
  const second = await hms.rooms.create({ name, description: 'b' });
  assert.equal(second.id, first.id);
  assert.equal(second.description, 'b');
  const again = await hms.rooms.retrieveById(first.id);
  assert.equal(again.description, 'b');
  const upper = await hms.rooms.create({ name: name.toUpperCase() });
  assert.equal(upper.id, first.id, 'room names are case-insensitive (§3.1)');
});

test('create with recording_info: the room stops following its template and echoes it', async () => {
  const room = await hms.rooms.create({ name: `conf-rec-${uniq()}`, recording_info: { enabled: true } });
  const body = wire.last().json();
  assert.equal(body.recording_source_template, false);
  assert.deepEqual(body.recording_info, { enabled: true });
  assert.equal(room.recording_info.enabled, true);
});

test('retrieve by id: GET /rooms/{id} returns the same object create returned', async () => {
  const created = await hms.rooms.create({ name: `conf-get-${uniq()}`, description: 'get me' });
  const createdWire = wire.last().json();
  const { result: got, exchanges } = await wire.during(() => hms.rooms.retrieveById(created.id));
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].method, 'GET');
  assert.equal(exchanges[0].url, `/rooms/${created.id}`);
  assert.equal(exchanges[0].status, 200);
  assert.deepEqual(exchanges[0].json(), createdWire);
  assert.deepEqual(got, created);
});

test('retrieve by name: GET /rooms?name= finds exactly that room', async () => {
  const name = `conf-byname-${uniq()}`;
  const created = await hms.rooms.create({ name });
  await hms.rooms.create({ name: `${name}-other` });
  const { result: got, exchanges } = await wire.during(() => hms.rooms.retrieveByName(name));
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].url, '/rooms');
  assert.deepEqual(exchanges[0].params, { name });
  const page = exchanges[0].json();
  assert.equal(page.limit, 10);
  assert.equal(page.data.length, 1, `name is an exact match: ${exchanges[0].raw}`);
  assert.equal(page.last, created.id);
  assert.equal(got.id, created.id);
  assert.equal(got.name, name);
  assertRoomWire(page.data[0]);
});

test('retrieve by an unknown name: empty page {"limit":10,"data":null,"last":""}, SDK throws its own error', async () => {
  const name = `conf-nosuch-${uniq()}`;
  const { error, exchanges } = await wire.during(() => hms.rooms.retrieveByName(name));
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].status, 200);
  assert.deepEqual(exchanges[0].json(), { limit: 10, data: null, last: '' });
  assert.ok(error instanceof Error);
  assert.equal(error.message, `No Room found with passed in name - ${name}`);
});

test('update: POST /rooms/{id} changes the given fields and returns the full room', async () => {
  const created = await hms.rooms.create({ name: `conf-upd-${uniq()}`, description: 'before' });
  const createdWire = wire.last().json();
  await new Promise((r) => setTimeout(r, 20));
  const newName = `conf-upd-renamed-${uniq()}`;
  const updated = await hms.rooms.update(created.id, {
    name: newName, description: 'after', size: 100, max_duration_seconds: 3600,
  });
  const body = wire.last().json();
  assert.equal(wire.last().status, 200);
  assertRoomWire(body);
  assert.equal(body.id, created.id);
  assert.equal(body.name, newName);
  assert.equal(body.description, 'after');
  assert.equal(body.size, 100);
  assert.equal(body.max_duration_seconds, 3600);
  assert.equal(body.enabled, true);
  assert.equal(body.template_id, createdWire.template_id);
  assert.equal(body.created_at, createdWire.created_at);
  assert.ok(Date.parse(body.updated_at) > Date.parse(createdWire.updated_at),
    `updated_at moves on update: ${createdWire.updated_at} -> ${body.updated_at}`);
  assert.deepEqual(await hms.rooms.retrieveById(created.id), updated);
  assert.equal((await hms.rooms.retrieveByName(newName)).id, created.id);
});

test('disable and enable: POST /rooms/{id} {"enabled":false|true}; disabled rooms hidden from the default list', async () => {
  const name = `conf-toggle-${uniq()}`;
  const created = await hms.rooms.create({ name });

  const disabled = await hms.rooms.enableOrDisable(created.id, false);
  assert.deepEqual(JSON.parse(wire.last().requestBody), { enabled: false });
  assert.equal(wire.last().status, 200);
  assertRoomWire(wire.last().json());
  assert.equal(disabled.id, created.id);
  assert.equal(disabled.enabled, false);
  assert.equal((await hms.rooms.retrieveById(created.id)).enabled, false);

  // The list's enabled filter defaults to true (§3.4, decisions.md).
  const hidden = await rejection(hms.rooms.retrieveByName(name));
  assert.equal(hidden.message, `No Room found with passed in name - ${name}`);
  const shown = await hms.api.get('/rooms', { name, enabled: false });
  assert.equal(shown.data.length, 1);
  assert.equal(shown.data[0].id, created.id);
  assert.equal(shown.data[0].enabled, false);

  const enabled = await hms.rooms.enableOrDisable(created.id, true);
  assert.equal(enabled.enabled, true);
  assert.equal((await hms.rooms.retrieveById(created.id)).enabled, true);
  assert.equal((await hms.rooms.retrieveByName(name)).id, created.id);
});

test('retrieve a missing room: the SDK throws {code: 404, name: "Not Found", message: "Room not found"}', async () => {
  const missing = '0123456789abcdef01234567';
  const { error, exchanges } = await wire.during(() => hms.rooms.retrieveById(missing));
  assert.equal(exchanges.length, 1, 'a 404 is not retried');
  assert.equal(exchanges[0].status, 404);
  assert.match(exchanges[0].headers['content-type'], /^application\/json/);
  assertErrorBody(exchanges[0].json(), 404, 'Room not found');
  assert.deepEqual(error, { code: 404, name: 'Not Found', message: 'Room not found' });
});

test('update a missing room: 404 Room not found', async () => {
  const error = await rejection(hms.rooms.update('0123456789abcdef01234568', { description: 'x' }));
  assert.deepEqual(error, { code: 404, name: 'Not Found', message: 'Room not found' });
  assertErrorBody(wire.last().json(), 404, 'Room not found');
});

test('create: the documented validation errors (§3.2) reach the SDK as {code: 400, message}', async () => {
  const cases = [
    [{ max_duration_seconds: 100 }, 'Invalid body param: max_duration_seconds less than 120 seconds'],
    [{ max_duration_seconds: 50000 }, 'Invalid body param: max_duration_seconds greater than 43200 seconds'],
    [{ size: 3000 }, 'Invalid body param', 'Invalid body param: room size greater than 2500, set large_room flag as true'],
    [{ size: 25000, large_room: true }, 'Invalid body param', 'Invalid body param: room size greater than 20000'],
    [{ region: 'mars' }, 'Error: region not supported'],
    [{ template: 'some-template' }, 'Invalid body param: template. Use template_id'],
    [{ template_id: 'ffffffffffffffffffffffff' }, 'Error: template not found'],
  ];
  for (const [payload, message, detail] of cases) {
    const name = `conf-invalid-${uniq()}`;
    const error = await rejection(hms.rooms.create({ name, ...payload }));
    const ex = wire.last();
    assert.deepEqual(error, { code: 400, name: 'Bad Request', message },
      `POST /rooms ${JSON.stringify(payload)} -> ${ex.status} ${ex.raw}`);
    const body = ex.json();
    assertErrorBody(body, 400, message);
    if (detail) assert.ok(body.details.includes(detail), `details should include "${detail}": ${ex.raw}`);
    const page = await hms.api.get('/rooms', { name });
    assert.equal(page.data, null, `a rejected create must not create the room: ${JSON.stringify(payload)}`);
  }
});

test('room timestamps are RFC 3339 UTC without trailing fractional zeros', async () => {
  await hms.rooms.create({ name: `conf-ts-${uniq()}` });
  const body = wire.last().json();
  assert.match(body.created_at, RFC3339_UTC);
  assert.match(body.updated_at, RFC3339_UTC);
  const skew = Math.abs(Date.parse(body.created_at) - Date.now());
  assert.ok(skew < 60_000, `created_at is now (UTC): ${body.created_at}`);
});
