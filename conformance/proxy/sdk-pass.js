'use strict';
// Child process of test/proxy.test.js. Runs the official SDK with its DEFAULT base URL
// (https://api.100ms.live/v2) and HTTPS_PROXY=http://127.0.0.1:<port>, so axios sends absolute-form
// request targets (`GET https://api.100ms.live/v2/rooms HTTP/1.1`) over plain HTTP to that port.
//
//   node proxy/sdk-pass.js sentinel   -> one list call, answered by the parent's recording stand-in
//   node proxy/sdk-pass.js hundred    -> a short pass against Hundred itself
//   node proxy/sdk-pass.js guard      -> no proxy: shows the loopback guard refuses a non-loopback target
//
// Prints one JSON line per check: {"check": "...", "ok": true|false, "error": "..."}; exits 1 if any failed.

const guard = require('../lib/loopback-guard'); // first: nothing below may reach past loopback
guard.selfTest();

const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const mode = process.argv[2];
const results = [];
function report(check, error) {
  const line = { check, ok: !error };
  if (error) line.error = String(error && error.stack ? error.stack : JSON.stringify(error));
  results.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
async function check(name, fn) {
  try { await fn(); report(name); } catch (e) { report(name, e); }
}

function preflight() {
  // The proxy must be loopback, both spellings must agree (axios prefers the lower-case one),
  // and nothing may exempt a host from it.
  const upper = process.env.HTTPS_PROXY;
  const lower = process.env.https_proxy;
  assert.ok(upper, 'HTTPS_PROXY is set');
  assert.equal(lower, upper, 'https_proxy equals HTTPS_PROXY');
  const u = new URL(upper);
  assert.equal(u.protocol, 'http:');
  assert.equal(u.hostname, '127.0.0.1');
  assert.ok(Number(u.port) > 0);
  for (const k of ['NO_PROXY', 'no_proxy']) assert.equal(process.env[k], undefined, `${k} must be unset`);
  assert.equal(process.env.HMS_ENV, undefined, 'HMS_ENV must be unset (it changes the base URL)');
}

async function main() {
  if (mode === 'guard') return guardCheck();
  try { preflight(); report('preflight'); } catch (e) { report('preflight', e); return; }

  const { sdkFor, collect, rejection } = require('../lib/hms');
  const server = { accessKey: process.env.CONF_ACCESS_KEY, secret: process.env.CONF_SECRET };
  const { hms, wire } = sdkFor(server, { baseURL: null }); // keep the SDK's own default base URL
  const uniq = () => crypto.randomBytes(4).toString('hex');

  await check('the SDK keeps its default base URL', () => {
    assert.equal(hms.api.axios.defaults.baseURL, 'https://api.100ms.live/v2');
  });
  if (results.some((r) => !r.ok)) return;

  if (mode === 'sentinel') {
    await check('list rooms through the sentinel proxy', async () => {
      const rooms = await collect(hms.rooms.list());
      assert.deepEqual(rooms, []);
      assert.equal(wire.exchanges.length, 1);
      assert.equal(wire.exchanges[0].status, 200);
    });
    return;
  }
  if (mode !== 'hundred') throw new Error(`unknown mode ${mode}`);

  let room;
  await check('create a room', async () => {
    const name = `proxy-${uniq()}`;
    room = await hms.rooms.create({ name, description: 'via proxy' });
    const ex = wire.last();
    assert.equal(ex.baseURL, 'https://api.100ms.live/v2');
    assert.equal(ex.status, 200, ex.raw);
    assert.equal(room.name, name);
    assert.equal(room.description, 'via proxy');
    assert.match(room.id, /^[0-9a-f]{24}$/);
  });
  await check('retrieve it by id and by name', async () => {
    assert.deepEqual(await hms.rooms.retrieveById(room.id), room);
    assert.equal((await hms.rooms.retrieveByName(room.name)).id, room.id);
  });
  await check('update and disable/enable it', async () => {
    const updated = await hms.rooms.update(room.id, { description: 'changed via proxy' });
    assert.equal(updated.description, 'changed via proxy');
    assert.equal((await hms.rooms.enableOrDisable(room.id, false)).enabled, false);
    assert.equal((await hms.rooms.enableOrDisable(room.id, true)).enabled, true);
  });
  await check('iterate the room list over two pages', async () => {
    const made = [room.id];
    for (let i = 0; i < 11; i++) made.push((await hms.rooms.create({ name: `proxy-${uniq()}-${i}` })).id);
    const { result, exchanges } = await wire.during(() => collect(hms.rooms.list()));
    assert.deepEqual(result.map((r) => r.id), [...made].reverse());
    assert.equal(exchanges.length, 2);
    assert.equal(exchanges[1].params.start, exchanges[0].json().last);
  });
  await check('room codes for all roles', async () => {
    const codes = await hms.roomCodes.create(room.id);
    assert.ok(codes.length >= 1);
    for (const c of codes) assert.match(c.code, /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    const listed = await collect(hms.roomCodes.list(room.id));
    assert.deepEqual(listed.map((c) => c.code).sort(), codes.map((c) => c.code).sort());
  });
  await check('a missing room: {code: 404, name: "Not Found", message: "Room not found"}', async () => {
    const error = await rejection(hms.rooms.retrieveById('0123456789abcdef01234567'));
    assert.deepEqual(error, { code: 404, name: 'Not Found', message: 'Room not found' });
  });
  await check('a refused token: 401, then the SDK refreshes and retries', async () => {
    const { sign, managementClaims } = require('../lib/jwt');
    const forged = sign(managementClaims(server.accessKey), 'not-the-secret');
    hms.auth.managementToken = { token: forged };
    const { result, error, exchanges } = await wire.during(() => hms.rooms.retrieveById(room.id));
    assert.ifError(error);
    assert.deepEqual(exchanges.map((e) => e.status), [401, 200]);
    assert.equal(result.id, room.id);
  });
}

// Without any proxy setting, a request to a non-loopback address must die in the guard. The target is
// 0.0.0.0, which Linux treats as this host: even a broken guard would send nothing off the machine.
async function guardCheck() {
  await check('without a proxy, the guard stops axios before it connects anywhere', async () => {
    for (const k of Object.keys(process.env)) assert.ok(!/_proxy$/i.test(k), `${k} must be unset in guard mode`);
    const { sdkFor, rejection } = require('../lib/hms');
    const { hms, wire } = sdkFor({ accessKey: 'a'.repeat(24), secret: 's' }, { baseURL: 'https://0.0.0.0:9/v2' });
    await rejection(hms.rooms.list()[Symbol.asyncIterator]().next());
    assert.equal(wire.exchanges.length, 1);
    const err = wire.exchanges[0].error;
    assert.ok(err, 'the request failed before any response');
    assert.ok(err.code === 'ENONLOOPBACK' || /loopback guard/.test(err.message), `refused by the guard: ${err.code} ${err.message}`);
  });
}

const killer = setTimeout(() => { report('finished in time', new Error('timed out after 30 s')); process.exit(1); }, 30_000);
main()
  .catch((e) => report('unexpected error', e))
  .finally(() => {
    clearTimeout(killer);
    process.exitCode = results.length > 0 && results.every((r) => r.ok) ? 0 : 1;
  });
