'use strict';
// Management tokens (spec §2.1, decisions.md "Tokens"): what the server refuses, and that the official
// SDK, holding a token the server refuses, gets a 401, mints a new token and retries transparently.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer, newAccessKey } = require('../lib/server');
const { sdkFor, raw, assertErrorBody } = require('../lib/hms');
const { sign, decode, verifies, managementClaims } = require('../lib/jwt');

let server;
const uniq = () => crypto.randomBytes(4).toString('hex');
const now = () => Math.floor(Date.now() / 1000);

before(async () => { server = await startServer({ name: 'auth' }); });
after(async () => { if (server) await server.stop(); });

/**
 * Runs `fn` with the SDK's own expiry check seeing a clock `skewSeconds` behind the real one,
 * i.e. as on a client machine whose clock runs slow. The SDK only re-mints a cached token itself
 * when `exp + 30 s` has passed by its clock; with a slow clock it keeps sending an expired one.
 */
function withSlowClientClock(hms, skewSeconds) {
  const check = hms.auth.isTokenExpired.bind(hms.auth);
  hms.auth.isTokenExpired = (token) => {
    const realNow = Date.now;
    Date.now = () => realNow() - skewSeconds * 1000;
    try { return check(token); } finally { Date.now = realNow; }
  };
}

/** Asserts that `exchanges` are: the refused token answered 401, then one retry with a fresh, valid token. */
function assertRefreshedAfter401(exchanges, refusedToken, detailPattern) {
  assert.equal(exchanges.length, 2, `expected the refused call and one retry, got: ${exchanges.map((e) => `${e.status} ${e.raw}`).join(' | ')}`);
  const [first, retry] = exchanges;
  assert.equal(first.authorization, `Bearer ${refusedToken}`, 'the first request carried the injected token');
  assert.equal(first.status, 401, `the refused token is answered 401: ${first.raw}`);
  const body = first.json();
  assertErrorBody(body, 401, 'Token validation error');
  if (detailPattern) assert.ok(body.details.some((d) => detailPattern.test(d)), `details give the reason (${detailPattern}): ${first.raw}`);

  const fresh = retry.authorization.replace(/^Bearer /, '');
  assert.notEqual(fresh, refusedToken, 'the retry carries a newly minted token');
  assert.ok(verifies(fresh, server.secret));
  assert.equal(decode(fresh).payload.type, 'management');
  assert.equal(retry.method, first.method);
  assert.equal(retry.url, first.url);
  assert.equal(retry.status, 200, retry.raw);
  return fresh;
}

test('an expired management token held by the SDK: 401 Token validation error, then a transparent refresh and retry', async () => {
  const { hms, wire } = sdkFor(server);
  const expired = sign(managementClaims(server.accessKey, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 }), server.secret);
  withSlowClientClock(hms, 3600);
  hms.auth.managementToken = { token: expired }; // where the SDK caches its token
  assert.equal((await hms.auth.getManagementToken()).token, expired, 'the SDK would send the expired token');

  const name = `auth-expired-${uniq()}`;
  const { result: room, error, exchanges } = await wire.during(() => hms.rooms.create({ name }));
  assert.ifError(error);
  const fresh = assertRefreshedAfter401(exchanges, expired, /expired/i);
  assert.equal(room.name, name);
  assert.equal(hms.auth.managementToken.token, fresh, 'the SDK now caches the new token');

  const next = await wire.during(() => hms.rooms.retrieveById(room.id));
  assert.equal(next.exchanges.length, 1, 'later calls use the new token straight away');
  assert.equal(next.exchanges[0].authorization, `Bearer ${fresh}`);
  assert.equal(next.exchanges[0].status, 200);
  assert.equal(next.result.id, room.id);
});

test('a token signed with another secret: 401, then refresh and retry', async () => {
  const { hms, wire } = sdkFor(server);
  const forged = sign(managementClaims(server.accessKey), 'not-the-secret');
  hms.auth.managementToken = { token: forged };
  const { result, error, exchanges } = await wire.during(() => collectRooms(hms));
  assert.ifError(error);
  assertRefreshedAfter401(exchanges, forged);
  assert.ok(Array.isArray(result));
});

async function collectRooms(hms) {
  const out = [];
  for await (const r of hms.rooms.list()) out.push(r);
  return out;
}

test('the SDK\'s own tokens carry the documented management claims and are accepted', async () => {
  const { hms, wire } = sdkFor(server);
  await hms.rooms.create({ name: `auth-claims-${uniq()}` });
  assert.equal(wire.last().status, 200);
  const token = wire.last().authorization.replace(/^Bearer /, '');
  const { payload } = decode(token);
  assert.equal(payload.access_key, server.accessKey);
  assert.equal(payload.type, 'management');
  assert.equal(payload.version, 2);
});

const refused = [
  ['no Authorization header', () => null],
  ['a token that is not a JWT', () => 'not-a-jwt'],
  ['an expired token (beyond the 60 s leeway)', () => sign(managementClaims(server.accessKey, { iat: now() - 3600, nbf: now() - 3600, exp: now() - 120 }), server.secret)],
  ['a token not valid before 10 minutes from now', () => sign(managementClaims(server.accessKey, { nbf: now() + 600, iat: now() + 600 }), server.secret)],
  ['a token signed with another secret', () => sign(managementClaims(server.accessKey), 'wrong')],
  ['a token with alg "none"', () => sign(managementClaims(server.accessKey), server.secret, { alg: 'none', typ: 'JWT' })],
  ['a token of an unknown access key', () => sign(managementClaims(newAccessKey()), server.secret)],
];
for (const [what, makeToken] of refused) {
  test(`refused with 401 Token validation error: ${what}`, async () => {
    const res = await raw(server, 'GET', '/v2/rooms', { token: makeToken() });
    assert.equal(res.status, 401, res.text);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assertErrorBody(res.json, 401, 'Token validation error');
  });
}

test('a token expired less than 60 s ago is still accepted (clock-skew leeway)', async () => {
  const token = sign(managementClaims(server.accessKey, { iat: now() - 3600, nbf: now() - 3600, exp: now() - 20 }), server.secret);
  const res = await raw(server, 'GET', '/v2/rooms', { token });
  assert.equal(res.status, 200, res.text);
});

test('an app token on the management API: 403', async () => {
  const appToken = sign({
    access_key: server.accessKey, type: 'app', version: 2, room_id: '0123456789abcdef01234567', role: 'host',
    iat: now() - 10, nbf: now() - 10, exp: now() + 3600, jti: crypto.randomUUID(),
  }, server.secret);
  const res = await raw(server, 'GET', '/v2/rooms', { token: appToken });
  assert.equal(res.status, 403, res.text);
  assertErrorBody(res.json, 403);
});

test('a workspace whose secret is short (user-supplied credentials) works with the SDK', async () => {
  const small = await startServer({ name: 'auth-short-secret', secret: 'tiny' });
  try {
    const { hms, wire } = sdkFor(small);
    const room = await hms.rooms.create({ name: `auth-short-${uniq()}` });
    assert.equal(wire.last().status, 200);
    assert.deepEqual(await hms.rooms.retrieveById(room.id), room);
    assert.equal(wire.exchanges.length, 2, 'no 401 along the way');
  } finally {
    await small.stop();
  }
});
