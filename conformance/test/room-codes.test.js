'use strict';
// Room codes through the SDK (spec §4) and the room code -> app token exchange (spec §2.3).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, collect, rejection, raw, assertErrorBody, ROOM_CODE, RFC3339_UTC, UUID4 } = require('../lib/hms');
const { decode, verifies } = require('../lib/jwt');

let server;
let hms;
let wire;
let room;
let allCodes; // from "create for all roles"
const known = new Map(); // every code of `room` seen so far: code -> role
const uniq = () => crypto.randomBytes(4).toString('hex');
const MISSING_ROOM = '0123456789abcdef01234567';

before(async () => {
  server = await startServer({ name: 'room-codes' });
  ({ hms, wire } = sdkFor(server));
  room = await hms.rooms.create({ name: `codes-${uniq()}` });
});
after(async () => { if (server) await server.stop(); });

function assertCodeWire(code, roomId) {
  const where = JSON.stringify(code);
  assert.deepEqual(Object.keys(code).sort(), ['code', 'created_at', 'enabled', 'role', 'room_id', 'updated_at'], where);
  assert.match(code.code, ROOM_CODE, `code format xxx-xxxx-xxx: ${where}`);
  assert.equal(code.room_id, roomId);
  assert.equal(typeof code.role, 'string');
  assert.ok(code.role.length > 0);
  assert.equal(typeof code.enabled, 'boolean');
  assert.match(code.created_at, RFC3339_UTC, where);
  assert.match(code.updated_at, RFC3339_UTC, where);
}

test('create for all roles: POST /room-codes/room/{id} -> {"data":[code per role]}', async () => {
  const { result, error, exchanges } = await wire.during(() => hms.roomCodes.create(room.id));
  assert.ifError(error);
  assert.equal(exchanges.length, 1);
  const ex = exchanges[0];
  assert.equal(ex.method, 'POST');
  assert.equal(ex.url, `/room-codes/room/${room.id}`);
  assert.equal(ex.status, 200, ex.raw);
  const body = ex.json();
  assert.deepEqual(Object.keys(body), ['data'], 'no limit/last on create (§4.2)');
  assert.ok(Array.isArray(body.data) && body.data.length >= 1, ex.raw);
  for (const code of body.data) {
    assertCodeWire(code, room.id);
    assert.equal(code.enabled, true);
  }
  assert.equal(new Set(body.data.map((c) => c.role)).size, body.data.length, 'one code per role');
  assert.equal(new Set(body.data.map((c) => c.code)).size, body.data.length, 'codes are distinct');
  assert.deepEqual(result.map((c) => c.code), body.data.map((c) => c.code));
  allCodes = body.data;
  for (const c of allCodes) known.set(c.code, c.role);
});

test('create for all roles covers exactly the roles of the room\'s template', async () => {
  assert.ok(allCodes, 'needs the codes from the previous test');
  const template = await hms.api.get(`/templates/${room.template_id}`);
  assert.equal(wire.last().status, 200, `GET /templates/${room.template_id} -> ${wire.last().raw}`);
  assert.deepEqual(allCodes.map((c) => c.role).sort(), Object.keys(template.roles).sort());
});

test('create for one role: POST /room-codes/room/{id}/role/{role} -> one code object', async () => {
  assert.ok(allCodes, 'needs the codes from the first test');
  const role = allCodes[0].role;
  const code = await hms.roomCodes.createForRole(room.id, role);
  const ex = wire.last();
  assert.equal(ex.url, `/room-codes/room/${room.id}/role/${role}`);
  assert.equal(ex.status, 200, ex.raw);
  const body = ex.json();
  assertCodeWire(body, room.id);
  assert.equal(body.role, role);
  assert.equal(body.enabled, true);
  assert.equal(code.code, body.code);
  known.set(body.code, role); // a new code, or (the spec does not say) the role's existing one
  const listed = await collect(hms.roomCodes.list(room.id, { role }));
  assert.ok(listed.some((c) => c.code === body.code), `the new code is listed for role ${role}`);
  for (const c of listed) assert.equal(c.role, role);
});

test('list: GET /room-codes/room/{id} pages {limit,data,last} over every code', async () => {
  assert.ok(allCodes, 'needs the codes from the first test');
  const { result: listed, exchanges } = await wire.during(() => collect(hms.roomCodes.list(room.id)));
  const body = exchanges[0].json();
  assert.equal(exchanges[0].status, 200);
  assert.deepEqual(Object.keys(body), ['limit', 'data', 'last']);
  assert.equal(body.limit, 10);
  for (const c of body.data) assertCodeWire(c, room.id);
  const listedCodes = new Set(listed.map((c) => c.code));
  for (const c of allCodes) assert.ok(listedCodes.has(c.code), `code ${c.code} (${c.role}) is listed`);
  assert.deepEqual([...listedCodes].sort(), [...known.keys()].sort(), 'exactly the codes created so far');
  assert.equal(listed.length, known.size, 'no code listed twice');
});

test('enable/disable: POST /room-codes/code {code, enabled}; the enabled filter follows', async () => {
  assert.ok(allCodes, 'needs the codes from the first test');
  const target = allCodes[allCodes.length - 1];
  await new Promise((r) => setTimeout(r, 20));
  const off = await hms.roomCodes.enableOrDisable(target.code, false);
  const ex = wire.last();
  assert.equal(ex.url, '/room-codes/code');
  assert.deepEqual(JSON.parse(ex.requestBody), { code: target.code, enabled: false });
  assert.equal(ex.status, 200, ex.raw);
  const body = ex.json();
  assertCodeWire(body, room.id);
  assert.equal(body.code, target.code);
  assert.equal(body.role, target.role);
  assert.equal(body.enabled, false);
  assert.equal(off.enabled, false);
  assert.equal(body.created_at, target.created_at);
  assert.ok(Date.parse(body.updated_at) > Date.parse(target.updated_at), 'updated_at is when `enabled` last changed');

  const disabled = await collect(hms.roomCodes.list(room.id, { enabled: false }));
  assert.deepEqual(disabled.map((c) => c.code), [target.code]);
  const enabled = await collect(hms.roomCodes.list(room.id, { enabled: true }));
  assert.ok(!enabled.some((c) => c.code === target.code));
  assert.equal(enabled.length, known.size - 1);

  const on = await hms.roomCodes.enableOrDisable(target.code, true);
  assert.equal(on.enabled, true);
  assert.deepEqual(await collect(hms.roomCodes.list(room.id, { enabled: false })), []);
});

test('room code errors: Room not found, Role not found, Code not found, Invalid body parameter', async () => {
  const cases = [
    [() => hms.roomCodes.create(MISSING_ROOM), 404, 'Room not found'],
    [() => hms.roomCodes.createForRole(MISSING_ROOM, 'host'), 404, 'Room not found'],
    [() => collect(hms.roomCodes.list(MISSING_ROOM)), 404, 'Room not found'],
    [() => hms.roomCodes.createForRole(room.id, 'no-such-role'), 404, 'Role not found'],
    [() => hms.roomCodes.enableOrDisable('zzz-zzzz-zzz', false), 404, 'Code not found'],
    [() => hms.api.post('/room-codes/code', { code: allCodes[0].code, enabled: false, colour: 'red' }), 400, 'Invalid body parameter'],
    [() => hms.api.post('/room-codes/code', { code: allCodes[0].code, enabled: 'no' }), 400, 'Invalid body parameter'],
  ];
  const names = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };
  for (const [call, status, message] of cases) {
    const error = await rejection(call());
    const ex = wire.last();
    assert.deepEqual(error, { code: status, name: names[status], message }, `${ex.method} ${ex.url} -> ${ex.status} ${ex.raw}`);
    assertErrorBody(ex.json(), status, message);
  }
  // The rejected update changed nothing.
  assert.deepEqual(await collect(hms.roomCodes.list(room.id, { enabled: false })), []);
});

test('room codes of a disabled room: 403 Room is disabled', async () => {
  const other = await hms.rooms.create({ name: `codes-disabled-${uniq()}` });
  await hms.rooms.enableOrDisable(other.id, false);
  for (const call of [() => hms.roomCodes.create(other.id), () => collect(hms.roomCodes.list(other.id))]) {
    const { error, exchanges } = await wire.during(call);
    assert.ok(error, 'the call must fail');
    // The SDK retries a 403 once with a fresh management token; both answers must be the same 403.
    assert.ok(exchanges.length >= 1);
    for (const ex of exchanges) {
      assert.equal(ex.status, 403, `${ex.method} ${ex.url} -> ${ex.status} ${ex.raw}`);
      assertErrorBody(ex.json(), 403, 'Room is disabled');
    }
    assert.deepEqual(error, { code: 403, name: 'Forbidden', message: 'Room is disabled' });
  }
});

test('POST /v2/token {code, user_id} exchanges an enabled room code for an app token', async () => {
  assert.ok(allCodes, 'needs the codes from the first test');
  const code = allCodes[0];
  const res = await raw(server, 'POST', '/v2/token', { token: null, body: { code: code.code, user_id: 'user-42' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(Object.keys(res.json), ['token']);
  const { token } = res.json;
  assert.ok(verifies(token, server.secret), 'the app token is signed with the workspace secret (HS256)');
  const { header, payload } = decode(token);
  assert.equal(header.alg, 'HS256');
  assert.equal(payload.access_key, server.accessKey);
  assert.equal(payload.type, 'app');
  assert.equal(payload.version, 2);
  assert.equal(payload.room_id, room.id);
  assert.equal(payload.role, code.role);
  assert.equal(payload.user_id, 'user-42');
  assert.match(payload.jti, UUID4);
  const now = Math.floor(Date.now() / 1000);
  assert.ok(Number.isInteger(payload.iat) && payload.iat <= now + 5);
  assert.ok(Number.isInteger(payload.nbf) && payload.nbf <= now + 5);
  assert.ok(Number.isInteger(payload.exp) && payload.exp > now + 60);
});

test('POST /v2/token refuses a disabled code and an unknown code', async () => {
  assert.ok(allCodes, 'needs the codes from the first test');
  const code = allCodes[0];
  await hms.roomCodes.enableOrDisable(code.code, false);
  try {
    for (const c of [code.code, 'zzz-zzzz-zzz']) {
      const res = await raw(server, 'POST', '/v2/token', { token: null, body: { code: c, user_id: 'user-42' } });
      assert.ok(res.status >= 400 && res.status < 500, `POST /v2/token {code:"${c}"} -> ${res.status} ${res.text}`);
      assert.ok(!('token' in (res.json || {})), res.text);
      assertErrorBody(res.json, res.status);
    }
  } finally {
    await hms.roomCodes.enableOrDisable(code.code, true);
  }
});
