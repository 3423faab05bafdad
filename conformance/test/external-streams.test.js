'use strict';
// External streams through the SDK (spec §11): every method of hms.externalStreams (start, stop, stopAll,
// retrieve, list) against the built jar, what each sends and gets, and the SDK's errors. This file has its
// own server and freezes its clock, so the job phases move only when a test moves them.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, collect, rejection, assertErrorBody } = require('../lib/hms');
const { EXTERNAL_STREAM_KEYS, freezeClock, advanceClock, assertJobWire } = require('../lib/streams');

let server;
let hms;
let wire;
const run = crypto.randomBytes(3).toString('hex');
let n = 0;
const YOUTUBE = 'rtmp://a.rtmp.youtube.com/live2/k0jv-329m-1y7f-ktth-ck48';
const TWITCH = 'rtmps://live.twitch.tv/app/live_1234';

async function newRoom() {
  const room = await hms.rooms.create({ name: `ext-${run}-${n++}` });
  return room.id;
}

function lastStream() {
  const stream = wire.last().json();
  assertJobWire(stream, EXTERNAL_STREAM_KEYS);
  assert.ok(Array.isArray(stream.rtmp_urls));
  assert.equal(typeof stream.recording, 'boolean');
  assert.deepEqual(Object.keys(stream.resolution), ['width', 'height']);
  return stream;
}

before(async () => {
  server = await startServer({ name: 'external-streams' });
  ({ hms, wire } = sdkFor(server));
  await freezeClock(server, hms);
});

after(async () => {
  if (server) await server.stop();
});

test('start: POST /external-streams/room/{id}/start answers the stream, starting, with the defaults filled', async () => {
  const roomId = await newRoom();
  const started = await hms.externalStreams.start(roomId, { rtmp_urls: [YOUTUBE, TWITCH] });
  const ex = wire.last();
  assert.equal(ex.method, 'POST');
  assert.equal(ex.url, `/external-streams/room/${roomId}/start`);
  assert.deepEqual(JSON.parse(ex.requestBody), { rtmp_urls: [YOUTUBE, TWITCH] });
  const stream = lastStream();
  assert.equal(stream.status, 'starting');
  assert.deepEqual(stream.rtmp_urls, [YOUTUBE, TWITCH]);
  assert.equal(stream.recording, false);
  assert.deepEqual(stream.resolution, { width: 1280, height: 720 });
  assert.equal(stream.started_at, null);
  assert.equal(stream.recording_assets, null);
  assert.equal(started.id, stream.id);
  assert.ok(started.created_at instanceof Date);

  const again = await rejection(hms.externalStreams.start(roomId, { rtmp_urls: [YOUTUBE] }));
  assert.deepEqual(again, { code: 400, name: 'Bad Request', message: 'Invalid request' });
  assert.deepEqual(wire.last().json().details, ['external stream already running']);
  await hms.externalStreams.stop(stream.id);
});

test('start: the documented limits reach the SDK as 400 Invalid body param', async () => {
  const roomId = await newRoom();
  const cases = [
    [{}, 'rtmp_urls is required: 1 to 3 rtmp:// or rtmps:// URLs'],
    [{ rtmp_urls: ['rtmp://a/1', 'rtmp://a/2', 'rtmp://a/3', 'rtmp://a/4'] }, 'rtmp_urls must have at most 3 URLs'],
    [{ rtmp_urls: ['https://a.example/live/key'] }, 'rtmp_urls[0] must be an rtmp:// or rtmps:// URL'],
    [{ rtmp_urls: ['rtmp://a.example'] }, 'rtmp_urls[0] must end in a stream key (rtmp://server.com/app/STREAM_KEY)'],
    [{ rtmp_urls: [YOUTUBE], resolution: { width: 1921, height: 1080 } },
      'resolution 1921x1080 is out of range: landscape from 500x480 to 1920x1080, portrait from 500x500 to 1080x1920'],
    [{ rtmp_urls: [YOUTUBE], resolution: { width: 499, height: 500 } },
      'resolution 499x500 is out of range: landscape from 500x480 to 1920x1080, portrait from 500x500 to 1080x1920'],
    [{ rtmp_urls: [YOUTUBE], meeting_url: 'ftp://x/y' }, 'meeting_url must be an absolute http or https URL'],
  ];
  for (const [params, detail] of cases) {
    const error = await rejection(hms.externalStreams.start(roomId, params));
    assert.deepEqual(error, { code: 400, name: 'Bad Request', message: 'Invalid body param' }, JSON.stringify(params));
    const body = wire.last().json();
    assertErrorBody(body, 400, 'Invalid body param');
    assert.deepEqual(body.details, [detail], JSON.stringify(params));
  }
  for (const resolution of [{ width: 500, height: 480 }, { width: 1080, height: 1920 }]) {
    const ok = await hms.externalStreams.start(await newRoom(), { rtmp_urls: [YOUTUBE], resolution, recording: true });
    assert.deepEqual(ok.resolution, resolution);
    assert.equal(ok.recording, true);
    await hms.externalStreams.stop(ok.id);
  }
  const missing = await rejection(hms.externalStreams.start('0123456789abcdef01234567', { rtmp_urls: [YOUTUBE] }));
  assert.deepEqual(missing, { code: 404, name: 'Not Found', message: 'Room not found' });
});

test('retrieve and stop, then the recording: a room-composite MP4 of the streamed time and size', async () => {
  const roomId = await newRoom();
  const { id } = await hms.externalStreams.start(roomId,
    { rtmp_urls: [YOUTUBE], recording: true, resolution: { width: 1920, height: 1080 }, meeting_url: 'https://example.test/m' });
  await advanceClock(server, hms, 0.2);
  const got = await hms.externalStreams.retrieve(id);
  assert.equal(wire.last().url, `/external-streams/${id}`);
  assert.equal(lastStream().status, 'running');
  assert.equal(got.meeting_url, 'https://example.test/m');
  assert.ok(got.started_at instanceof Date);
  await advanceClock(server, hms, 30);

  const stopped = await hms.externalStreams.stop(id);
  assert.equal(wire.last().method, 'POST');
  assert.equal(wire.last().url, `/external-streams/${id}/stop`);
  assert.equal(lastStream().status, 'stopping');
  assert.equal(stopped.stopped_by, '');
  await advanceClock(server, hms, 0.5);
  await hms.externalStreams.retrieve(id);
  const done = lastStream();
  assert.equal(done.status, 'completed');
  assert.deepEqual(done.recording_assets.map((a) => a.type), ['room-composite', 'chat']);
  const mp4 = done.recording_assets[0];
  assert.equal(mp4.duration, 30);
  assert.deepEqual(mp4.metadata, { resolution: { width: 1920, height: 1080 } });
  const presigned = await hms.api.get(`/recording-assets/${mp4.id}/presigned-url`);
  const file = Buffer.from(await (await fetch(presigned.url)).arrayBuffer());
  assert.equal(file.length, mp4.size);
  assert.equal(file.subarray(4, 8).toString('latin1'), 'ftyp');

  const notRunning = await rejection(hms.externalStreams.stop(id));
  assert.deepEqual(notRunning, { code: 400, name: 'Bad Request', message: 'Invalid request' });
  assert.deepEqual(wire.last().json().details, ['external stream is completed, not running']);
  const gone = await rejection(hms.externalStreams.retrieve('0123456789abcdef01234567'));
  assert.deepEqual(gone, { code: 404, name: 'Not Found', message: 'External stream not found' });
});

test('stopAll: POST /external-streams/room/{id}/stop; the SDK hands back the stopped streams', async () => {
  const roomId = await newRoom();
  const { id } = await hms.externalStreams.start(roomId, { rtmp_urls: [YOUTUBE] });
  const stopped = await hms.externalStreams.stopAll(roomId);
  const ex = wire.last();
  assert.equal(ex.url, `/external-streams/room/${roomId}/stop`);
  const body = ex.json();
  assert.deepEqual(Object.keys(body), ['error', 'data', 'limit', 'last']);
  assert.equal(body.error, '');
  assert.equal(body.last, id);
  assertJobWire(body.data[0], EXTERNAL_STREAM_KEYS);
  assert.deepEqual(stopped.map((s) => s.id), [id]);
  await hms.externalStreams.stopAll(roomId);
  assert.deepEqual(wire.last().json(), { error: '', data: null, limit: 10, last: '' });
  const missing = await rejection(hms.externalStreams.stopAll('0123456789abcdef01234567'));
  assert.deepEqual(missing, { code: 404, name: 'Not Found', message: 'Room not found' });
});

test('list: the SDK iterates every page, with room_id, session_id and status filters', async () => {
  const rooms = [];
  const ids = [];
  for (let i = 0; i < 11; i++) {
    rooms.push(await newRoom());
    ids.push((await hms.externalStreams.start(rooms[i], { rtmp_urls: [YOUTUBE] })).id);
  }
  await advanceClock(server, hms, 0.2);
  const running = await collect(hms.externalStreams.list({ status: 'running' }));
  assert.deepEqual(running.map((s) => s.id), [...ids].reverse());
  const pages = wire.exchanges.filter((e) => e.url === '/external-streams').slice(-2);
  assert.equal(pages[1].params.start, pages[0].json().last);
  for (const item of pages[0].json().data) assertJobWire(item, EXTERNAL_STREAM_KEYS);
  const one = await collect(hms.externalStreams.list({ room_id: rooms[2] }));
  assert.deepEqual(one.map((s) => s.id), [ids[2]]);
  assert.deepEqual((await collect(hms.externalStreams.list({ session_id: one[0].session_id }))).map((s) => s.id), [ids[2]]);
  for (const roomId of rooms) await hms.externalStreams.stopAll(roomId);
  await advanceClock(server, hms, 0.5);
  const completed = await collect(hms.externalStreams.list({ status: 'completed', limit: 20 }));
  assert.ok(ids.every((id) => completed.some((s) => s.id === id)));
  assert.equal(wire.last().params.limit, 20);
  const bad = await rejection(collect(hms.externalStreams.list({ status: 'on' })));
  assert.deepEqual(bad, { code: 400, name: 'Bad Request', message: 'Invalid query parameter' });
});
