'use strict';
// Listing rooms through the SDK's iterator: cursor pagination over several pages, and the filters
// enabled / name / template_id / after / before (spec §1.4, §3.4; decisions.md "Pagination").
// This file has its own server, so it knows every room that exists.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, collect, rejection, assertErrorBody, HEX24 } = require('../lib/hms');
const { assertRoomWire } = require('../lib/rooms');

let server;
let hms;
let wire;
const run = crypto.randomBytes(3).toString('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// 45 rooms: batch A (25) then, after a pause with the instant `cut` in its middle, batch B (20).
// Five are disabled (none at a batch boundary), so 40 are enabled: 4 full pages of 10 and then an empty page.
const A = [];
const B = [];
let cut;
const DISABLED = new Set();
const all = () => [...A, ...B];
const newestFirst = (rooms) => [...rooms].reverse();
const ids = (rooms) => rooms.map((r) => r.id);
const enabledOnly = (rooms) => rooms.filter((r) => !DISABLED.has(r.id));

before(async () => {
  server = await startServer({ name: 'rooms-list' });
  ({ hms, wire } = sdkFor(server));
  for (let i = 0; i < 25; i++) {
    await hms.rooms.create({ name: `list-${run}-a${String(i).padStart(2, '0')}` });
    A.push(wire.last().json());
  }
  await sleep(600);
  cut = new Date().toISOString();
  await sleep(600);
  for (let i = 0; i < 20; i++) {
    await hms.rooms.create({ name: `list-${run}-b${String(i).padStart(2, '0')}` });
    B.push(wire.last().json());
  }
  for (const room of [A[3], A[11], A[19], B[6], B[13]]) {
    await hms.rooms.enableOrDisable(room.id, false);
    DISABLED.add(room.id);
  }
});
after(async () => { if (server) await server.stop(); });

/** The GET /rooms exchanges made while iterating `filters`, and the items the iterator yielded. */
async function iterate(filters) {
  const { result, error, exchanges } = await wire.during(() => collect(hms.rooms.list(filters)));
  assert.ifError(error);
  for (const ex of exchanges) {
    assert.equal(ex.method, 'GET');
    assert.equal(ex.url, '/rooms');
    assert.equal(ex.status, 200, `${JSON.stringify(ex.params)} -> ${ex.status} ${ex.raw}`);
  }
  return { items: result, pages: exchanges.map((ex) => ({ params: ex.params, body: ex.json() })) };
}

test('setup: 45 distinct rooms with ids that grow with creation order', () => {
  assert.equal(new Set(ids(all())).size, 45);
  for (const room of all()) assertRoomWire(room);
  const sorted = [...ids(all())].sort();
  assert.deepEqual(ids(all()), sorted, 'ids are time-ordered: a later room has a greater id (§1.5, decisions.md)');
});

test('iterate all enabled rooms with the default limit: 4 pages of 10, then an empty page ends it', async () => {
  const { items, pages } = await iterate(undefined);
  assert.deepEqual(ids(items), ids(newestFirst(enabledOnly(all()))), 'newest first, disabled rooms hidden by default');
  assert.equal(pages.length, 5, `requests made: ${pages.map((p) => JSON.stringify(p.params)).join(' ')}`);
  for (let i = 0; i < 4; i++) {
    const { params, body } = pages[i];
    assert.deepEqual(Object.keys(body), ['limit', 'data', 'last']);
    assert.equal(body.limit, 10);
    assert.equal(body.data.length, 10);
    assert.equal(body.last, body.data[9].id, '`last` is the id of the page\'s final item');
    assert.equal(params.start, i === 0 ? undefined : pages[i - 1].body.last, 'the SDK passes the previous `last` as `start`');
    for (const room of body.data) assertRoomWire(room);
  }
  assert.equal(pages[4].params.start, pages[3].body.last);
  assert.deepEqual(pages[4].body, { limit: 10, data: null, last: '' }, 'an empty page is {"limit":10,"data":null,"last":""}');
});

test('iterate with limit=15: pages of 15, 15, 10; a short page ends the iteration', async () => {
  const { items, pages } = await iterate({ limit: 15 });
  assert.deepEqual(ids(items), ids(newestFirst(enabledOnly(all()))));
  assert.deepEqual(pages.map((p) => p.body.data.length), [15, 15, 10]);
  assert.deepEqual(pages.map((p) => p.body.limit), [15, 15, 15]);
  assert.equal(pages[2].body.last, items[items.length - 1].id);
});

test('limit is clamped to 10..100 and echoed', async () => {
  const small = await hms.api.get('/rooms', { limit: 5 });
  assert.equal(wire.last().status, 200);
  assert.equal(small.limit, 10);
  assert.equal(small.data.length, 10);
  const big = await hms.api.get('/rooms', { limit: 500 });
  assert.equal(big.limit, 100);
  assert.equal(big.data.length, 40);
  assert.equal(big.last, big.data[39].id);
  const hundred = await hms.api.get('/rooms', { limit: 100 });
  assert.deepEqual(ids(hundred.data), ids(newestFirst(enabledOnly(all()))));
});

test('start is exclusive; an unknown start is placed where its id would sort', async () => {
  const expected = ids(newestFirst(enabledOnly(all())));
  const fromMiddle = await hms.api.get('/rooms', { start: expected[4] });
  assert.deepEqual(ids(fromMiddle.data), expected.slice(5, 15));
  const fromTop = await hms.api.get('/rooms', { start: 'ffffffffffffffffffffffff' });
  assert.deepEqual(ids(fromTop.data), expected.slice(0, 10));
  const pastEnd = await hms.api.get('/rooms', { start: '000000000000000000000000' });
  assert.deepEqual(pastEnd, { limit: 10, data: null, last: '' });
});

test('filter enabled=false: only the 5 disabled rooms, newest first', async () => {
  const { items, pages } = await iterate({ enabled: false });
  assert.equal(pages.length, 1);
  assert.equal(pages[0].params.enabled, false);
  assert.deepEqual(ids(items), ids(newestFirst(all().filter((r) => DISABLED.has(r.id)))));
  for (const room of items) assert.equal(room.enabled, false);
});

test('filter enabled=true: the same 40 rooms as the default', async () => {
  const { items } = await iterate({ enabled: true, limit: 100 });
  assert.deepEqual(ids(items), ids(newestFirst(enabledOnly(all()))));
  for (const room of items) assert.equal(room.enabled, true);
});

test('filter name: the exact name only, and a disabled room only with enabled=false', async () => {
  const target = B[2];
  const { items } = await iterate({ name: target.name });
  assert.deepEqual(ids(items), [target.id]);
  const prefix = await hms.api.get('/rooms', { name: `list-${run}-b0` });
  assert.deepEqual(prefix, { limit: 10, data: null, last: '' }, 'name is not a prefix match');
  const disabled = B[6];
  assert.deepEqual(await hms.api.get('/rooms', { name: disabled.name }), { limit: 10, data: null, last: '' });
  const found = await hms.api.get('/rooms', { name: disabled.name, enabled: false });
  assert.deepEqual(ids(found.data), [disabled.id]);
});

test('filter after / before (created_at, inclusive)', async () => {
  const expectedB = ids(newestFirst(enabledOnly(B)));
  const expectedA = ids(newestFirst(enabledOnly(A)));
  assert.deepEqual(ids((await iterate({ after: cut })).items), expectedB, `after=${cut}`);
  assert.deepEqual(ids((await iterate({ before: cut })).items), expectedA, `before=${cut}`);

  // Bounds are inclusive: created_at >= after, created_at <= before.
  assert.deepEqual(ids((await iterate({ after: B[0].created_at })).items), expectedB, `after=${B[0].created_at}`);
  assert.deepEqual(ids((await iterate({ before: A[24].created_at })).items), expectedA, `before=${A[24].created_at}`);
  const window = await iterate({ after: B[2].created_at, before: B[5].created_at });
  assert.deepEqual(ids(window.items), ids(newestFirst(B.slice(2, 6))));

  // Combined with enabled=false.
  const disabledB = await iterate({ after: cut, enabled: false });
  assert.deepEqual(ids(disabledB.items), ids(newestFirst(B.filter((r) => DISABLED.has(r.id)))));
});

test('filter template_id: every room made without template_id is on the default template', async () => {
  const templateId = A[0].template_id;
  assert.match(templateId, HEX24);
  for (const room of all()) assert.equal(room.template_id, templateId);
  const { items } = await iterate({ template_id: templateId, limit: 100 });
  assert.deepEqual(ids(items), ids(newestFirst(enabledOnly(all()))));
});

test('invalid filters: 400 Invalid query parameter, naming the field in details', async () => {
  for (const [params, field] of [
    [{ enabled: 'maybe' }, 'enabled'],
    [{ after: 'yesterday' }, 'after'],
    [{ before: '2024-13-45' }, 'before'],
    [{ limit: 'ten' }, 'limit'],
  ]) {
    const error = await rejection(hms.api.get('/rooms', params));
    const ex = wire.last();
    assert.deepEqual(error, { code: 400, name: 'Bad Request', message: 'Invalid query parameter' },
      `GET /rooms ${JSON.stringify(params)} -> ${ex.status} ${ex.raw}`);
    const body = ex.json();
    assertErrorBody(body, 400, 'Invalid query parameter');
    assert.ok(body.details.some((d) => d.includes(field)), `details should name "${field}": ${ex.raw}`);
  }
});

// Last, because it adds rooms the tests above do not expect.
test('filter template_id: rooms on a second template (POST /v2/templates) are told apart', async () => {
  const { result: template, error } = await wire.during(
    () => hms.api.post('/templates', { name: `conf-${run}-second`, roles: { host: {}, guest: {} } }));
  if (error) assert.fail(`POST /v2/templates -> ${wire.last().status} ${wire.last().raw}`);
  assert.equal(wire.last().status, 200, `POST /templates -> ${wire.last().status} ${wire.last().raw}`);
  assert.match(template.id, HEX24);
  const r1 = await hms.rooms.create({ name: `list-${run}-t1`, template_id: template.id });
  const r2 = await hms.rooms.create({ name: `list-${run}-t2`, template_id: template.id });
  assert.equal(r1.template_id, template.id);
  assert.equal(r1.template, template.name, 'the deprecated `template` key holds the template name');
  const { items } = await iterate({ template_id: template.id });
  assert.deepEqual(ids(items), [r2.id, r1.id]);
  const onDefault = await iterate({ template_id: A[0].template_id, limit: 100 });
  assert.deepEqual(ids(onDefault.items), ids(newestFirst(enabledOnly(all()))));
});
