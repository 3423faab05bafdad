'use strict';
// Wire behaviour shared by every endpoint (spec §1, decisions.md "Wire format"): error bodies for
// unknown routes, wrong methods and bad JSON; body-less POSTs; empty list pages (sessions).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../lib/server');
const { sdkFor, raw, collect, assertErrorBody, UUID4 } = require('../lib/hms');
const { assertRoomWire } = require('../lib/rooms');

let server;

before(async () => { server = await startServer({ name: 'http' }); });
after(async () => { if (server) await server.stop(); });

test('unknown route under /v2: 404 in the error shape', async () => {
  const res = await raw(server, 'GET', '/v2/no-such-resource');
  assert.equal(res.status, 404, res.text);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  assertErrorBody(res.json, 404);
});

test('wrong method on a known route: 405 in the error shape', async () => {
  const res = await raw(server, 'DELETE', '/v2/rooms');
  assert.equal(res.status, 405, res.text);
  assertErrorBody(res.json, 405);
});

test('malformed JSON body: 400 Invalid body param', async () => {
  const res = await raw(server, 'POST', '/v2/rooms', { body: '{"name": ' });
  assert.equal(res.status, 400, res.text);
  assertErrorBody(res.json, 400, 'Invalid body param');
});

test('a POST with no payload accepts an empty body, {} and null', async () => {
  for (const body of [undefined, '{}', 'null']) {
    const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };
    const res = await raw(server, 'POST', '/v2/rooms', { body, headers });
    assert.equal(res.status, 200, `POST /v2/rooms with body ${JSON.stringify(body)} -> ${res.status} ${res.text}`);
    assertRoomWire(res.json);
    assert.match(res.json.name, UUID4);
  }
});

test('unknown fields in a room create are ignored', async () => {
  const res = await raw(server, 'POST', '/v2/rooms', { body: { name: 'http-unknown-field', colour: 'teal' } });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.name, 'http-unknown-field');
  assert.ok(!('colour' in res.json));
});

test('sessions: the SDK iterates an empty list; the page is {"limit":10,"data":null,"last":""}', async () => {
  const { hms, wire } = sdkFor(server);
  const { result, error, exchanges } = await wire.during(() => collect(hms.sessions.list()));
  if (error) assert.fail(`GET /v2/sessions -> ${JSON.stringify(error)}: ${exchanges.map((e) => `${e.status} ${e.raw}`).join(' | ')}`);
  assert.deepEqual(result, []);
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0].url, '/sessions');
  assert.equal(exchanges[0].status, 200, exchanges[0].raw);
  assert.deepEqual(exchanges[0].json(), { limit: 10, data: null, last: '' });
});
