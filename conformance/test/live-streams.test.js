'use strict';
// Live streams through the SDK (spec §10): every method of hms.liveStreams (start, stop, stopAll, retrieve,
// list, sendTimedMetadata, pauseRecording, resumeRecording) against the built jar, what each sends and gets,
// the SDK's errors, and the playback URL opened as a player would (and by ffprobe when it is installed).
// This file has its own server and freezes its clock, so the job phases move only when a test moves them.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, collect, rejection, assertErrorBody, HEX24 } = require('../lib/hms');
const { LIVE_STREAM_KEYS, freezeClock, advanceClock, assertJobWire, ffprobe, hasFfprobe } = require('../lib/streams');

let server;
let hms;
let wire;
const run = crypto.randomBytes(3).toString('hex');
let n = 0;

async function newRoom() {
  const room = await hms.rooms.create({ name: `live-${run}-${n++}` });
  return room.id;
}

/** The wire form of the last exchange, checked against the documented object. */
function lastStream() {
  const stream = wire.last().json();
  assertJobWire(stream, LIVE_STREAM_KEYS);
  assert.deepEqual(Object.keys(stream.playback), ['url']);
  assert.deepEqual(Object.keys(stream.recording), ['hls_vod', 'single_file_per_layer']);
  return stream;
}

before(async () => {
  server = await startServer({ name: 'live-streams' });
  ({ hms, wire } = sdkFor(server));
  await freezeClock(server, hms);
});

after(async () => {
  if (server) await server.stop();
});

test('start: POST /live-streams/room/{id}/start answers the stream, starting, with its playback URL', async () => {
  const roomId = await newRoom();
  const started = await hms.liveStreams.start(roomId, { recording: { hls_vod: true, single_file_per_layer: false } });
  const ex = wire.last();
  assert.equal(ex.method, 'POST');
  assert.equal(ex.url, `/live-streams/room/${roomId}/start`);
  assert.equal(ex.status, 200);
  const stream = lastStream();
  assert.equal(stream.status, 'starting');
  assert.equal(stream.room_id, roomId);
  assert.equal(stream.started_at, null);
  assert.equal(stream.recording_assets, null);
  assert.deepEqual(stream.recording, { hls_vod: true, single_file_per_layer: false });
  assert.match(stream.playback.url, new RegExp(`^${server.origin}/hls/v1/${stream.id}/[0-9a-f]{32}/master\\.m3u8$`));
  // the built-in template has a "subdomain": the documented room link is made for it
  assert.match(stream.meeting_url, new RegExp(`^https://[a-z0-9-]+\\.app\\.100ms\\.live/preview/${roomId}/__internal_recorder\\?skip_preview=true$`));
  assert.equal(started.id, stream.id);
  assert.ok(started.created_at instanceof Date, 'the SDK turns created_at into a Date');
  assert.equal(started.playback.url, stream.playback.url);

  const again = await rejection(hms.liveStreams.start(roomId, { meeting_url: 'https://example.test/m' }));
  assert.deepEqual(again, { code: 400, name: 'Bad Request', message: 'Invalid request' });
  assert.deepEqual(wire.last().json().details, ['live stream already running']);
  await hms.liveStreams.stop(stream.id);
});

test('start: the documented refusals reach the SDK as {code, message}', async () => {
  const missing = await rejection(hms.liveStreams.start('0123456789abcdef01234567', { meeting_url: 'https://example.test/m' }));
  assert.deepEqual(missing, { code: 404, name: 'Not Found', message: 'Room not found' });
  const template = await hms.api.post('/templates', { name: `api-${run}`, roles: { host: {}, guest: {} } });
  const room = await hms.rooms.create({ name: `live-${run}-api`, template_id: template.id });
  const noUrl = await rejection(hms.liveStreams.start(room.id, {}));
  assert.deepEqual(noUrl, { code: 400, name: 'Bad Request', message: 'Invalid body param' });
  assertErrorBody(wire.last().json(), 400, 'Invalid body param');
  assert.match(wire.last().json().details[0], /^meeting_url is required/);
  const badTranscription = await rejection(hms.liveStreams.start(room.id,
    { meeting_url: 'https://example.test/m', transcription: { modes: ['caption'] } }));
  assert.equal(badTranscription.code, 400);
  assert.deepEqual(wire.last().json().details, ['transcription.modes[0] must be one of recorded, live']);
  const ok = await hms.liveStreams.start(room.id, { meeting_url: 'https://example.test/m' });
  assert.equal(ok.meeting_url, 'https://example.test/m');
  await hms.liveStreams.stop(ok.id);
});

test('retrieve, sendTimedMetadata, pauseRecording, resumeRecording, stop: paths, bodies, answers', async () => {
  const roomId = await newRoom();
  const { id } = await hms.liveStreams.start(roomId, { recording: { hls_vod: true, single_file_per_layer: true } });
  const early = await rejection(hms.liveStreams.sendTimedMetadata(id, { payload: 'too soon', duration: 5 }));
  assert.deepEqual(early, { code: 400, name: 'Bad Request', message: 'Invalid request' });
  assert.deepEqual(wire.last().json().details, ['live stream is starting, not running']);
  await advanceClock(server, hms, 0.2);

  const got = await hms.liveStreams.retrieve(id);
  assert.equal(wire.last().url, `/live-streams/${id}`);
  assert.equal(lastStream().status, 'running');
  assert.ok(got.started_at instanceof Date);

  const cue = await hms.liveStreams.sendTimedMetadata(id, { payload: 'quiz 1', duration: 10 });
  let ex = wire.last();
  assert.equal(ex.method, 'POST');
  assert.equal(ex.url, `/live-streams/${id}/timed-metadata`);
  assert.deepEqual(JSON.parse(ex.requestBody), { payload: 'quiz 1', duration: 10 });
  assert.equal(lastStream().id, id);
  assert.equal(cue.status, 'running');
  const tooLong = await rejection(hms.liveStreams.sendTimedMetadata(id, { payload: 'x'.repeat(101), duration: 10 }));
  assert.deepEqual(tooLong, { code: 400, name: 'Bad Request', message: 'Invalid body param' });
  assert.deepEqual(wire.last().json().details, ['payload must be at most 100 characters']);

  await advanceClock(server, hms, 10);
  const paused = await hms.liveStreams.pauseRecording(id);
  ex = wire.last();
  assert.equal(ex.url, `/live-streams/${id}/pause-recording`);
  assert.equal(lastStream().status, 'running');
  assert.equal(paused.status, 'running');
  const twice = await rejection(hms.liveStreams.pauseRecording(id));
  assert.equal(twice.code, 400);
  assert.deepEqual(wire.last().json().details, ['live stream is already paused']);
  await advanceClock(server, hms, 4);
  await hms.liveStreams.resumeRecording(id);
  assert.equal(wire.last().url, `/live-streams/${id}/resume-recording`);
  assert.equal(lastStream().status, 'running');
  await advanceClock(server, hms, 6);

  const stopped = await hms.liveStreams.stop(id);
  assert.equal(wire.last().url, `/live-streams/${id}/stop`);
  assert.equal(lastStream().status, 'stopping');
  assert.equal(stopped.stopped_by, '');
  await advanceClock(server, hms, 0.5);
  await hms.liveStreams.retrieve(id);
  const done = lastStream();
  assert.equal(done.status, 'completed');
  assert.deepEqual(done.recording_assets.map((a) => a.type), ['room-vod', 'room-composite', 'room-composite',
    'room-composite', 'room-composite', 'chat']);
  const vod = done.recording_assets[0];
  assert.equal(vod.duration, 16); // 20.2 s streamed, 4 s paused
  assert.deepEqual(vod.metadata, { num_layers: '4', max_width: 1280, max_height: 720 });
  assert.deepEqual(done.recording_assets[4].metadata, { resolution: { width: 426, height: 240 }, layer: '3' });
  const presigned = await hms.api.get(`/recording-assets/${vod.id}/presigned-url`);
  const zip = await fetch(presigned.url);
  assert.equal(zip.status, 200);
  assert.equal(Buffer.from(await zip.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK');

  const gone = await rejection(hms.liveStreams.retrieve('0123456789abcdef01234567'));
  assert.deepEqual(gone, { code: 404, name: 'Not Found', message: 'Live stream not found' });
  const notRunning = await rejection(hms.liveStreams.stop(id));
  assert.deepEqual(notRunning, { code: 400, name: 'Bad Request', message: 'Invalid request' });
});

test('the playback URL serves HLS while the stream runs, no token needed, and 404 after', async () => {
  const roomId = await newRoom();
  const stream = await hms.liveStreams.start(roomId, {});
  const url = stream.playback.url;
  const before = await fetch(url);
  assert.equal(before.status, 404);
  assertErrorBody(await before.json(), 404, 'Not found');
  await advanceClock(server, hms, 0.2);
  await advanceClock(server, hms, 12);

  const master = await fetch(url);
  assert.equal(master.status, 200);
  assert.equal(master.headers.get('content-type'), 'application/vnd.apple.mpegurl');
  const text = await master.text();
  assert.match(text, /^#EXTM3U/);
  assert.equal((text.match(/#EXT-X-STREAM-INF/g) || []).length, 4, text);
  const media = await (await fetch(new URL('stream_0/stream.m3u8', url))).text();
  assert.match(media, /#EXT-X-MEDIA-SEQUENCE:1\n/, media); // 6 segments done, a window of 5
  const segment = await fetch(new URL('stream_0/segment5.m4s', url));
  assert.equal(segment.status, 200);
  assert.equal(segment.headers.get('content-type'), 'video/mp4');

  await hms.liveStreams.stop(stream.id);
  assert.equal((await fetch(url)).status, 404);
});

test('ffprobe opens the playback URL like any player (skipped without ffprobe on PATH)',
  { skip: !hasFfprobe() && 'ffprobe is not on PATH' }, async () => {
    const roomId = await newRoom();
    const stream = await hms.liveStreams.start(roomId, {});
    await advanceClock(server, hms, 0.2);
    await advanceClock(server, hms, 20);
    // the master, a media playlist, the init segment and segments, over HTTP from the real server
    const probe = ffprobe(stream.playback.url);
    const video = probe.streams.filter((s) => s.codec_type === 'video');
    assert.ok(video.some((s) => s.width === 1280 && s.height === 720), JSON.stringify(probe.streams));
    assert.ok(probe.streams.some((s) => s.codec_type === 'audio'), `a silent audio track: ${JSON.stringify(probe.streams)}`);
    await hms.liveStreams.stop(stream.id);
  });

test('stopAll: POST /live-streams/room/{id}/stop; the SDK hands back the stopped streams', async () => {
  const roomId = await newRoom();
  const { id } = await hms.liveStreams.start(roomId, {});
  const stopped = await hms.liveStreams.stopAll(roomId);
  const ex = wire.last();
  assert.equal(ex.url, `/live-streams/room/${roomId}/stop`);
  const body = ex.json();
  assert.deepEqual(Object.keys(body), ['error', 'data', 'limit', 'last']);
  assert.equal(body.error, '');
  assert.equal(body.limit, 10);
  assert.equal(body.last, id);
  assertJobWire(body.data[0], LIVE_STREAM_KEYS);
  assert.equal(body.data[0].status, 'stopping');
  assert.ok(Array.isArray(stopped), `stopAll gives an array: ${JSON.stringify(stopped)}`);
  assert.deepEqual(stopped.map((s) => s.id), [id]);
  await hms.liveStreams.stopAll(roomId);
  assert.deepEqual(wire.last().json(), { error: '', data: null, limit: 10, last: '' });
  const missing = await rejection(hms.liveStreams.stopAll('0123456789abcdef01234567'));
  assert.deepEqual(missing, { code: 404, name: 'Not Found', message: 'Room not found' });
});

test('list: the SDK iterates every page, with room_id, session_id and status filters', async () => {
  const rooms = [];
  const ids = [];
  for (let i = 0; i < 12; i++) {
    rooms.push(await newRoom());
    ids.push((await hms.liveStreams.start(rooms[i], {})).id);
  }
  await advanceClock(server, hms, 0.2);
  const running = await collect(hms.liveStreams.list({ status: 'running' }));
  assert.deepEqual(running.map((s) => s.id), [...ids].reverse());
  const pages = wire.exchanges.filter((e) => e.url === '/live-streams');
  const lastPages = pages.slice(-2);
  assert.equal(lastPages[0].params.status, 'running');
  assert.equal(lastPages[1].params.start, lastPages[0].json().last);
  for (const item of lastPages[0].json().data) assertJobWire(item, LIVE_STREAM_KEYS);
  const one = await collect(hms.liveStreams.list({ room_id: rooms[4] }));
  assert.deepEqual(one.map((s) => s.id), [ids[4]]);
  const bySession = await collect(hms.liveStreams.list({ session_id: one[0].session_id }));
  assert.deepEqual(bySession.map((s) => s.id), [ids[4]]);
  const fifteen = await collect(hms.liveStreams.list({ status: 'running', limit: 15 }));
  assert.equal(fifteen.length, 12);
  assert.equal(wire.last().params.limit, 15);
  for (const roomId of rooms) await hms.liveStreams.stopAll(roomId);
  const bad = await rejection(collect(hms.liveStreams.list({ status: 'live' })));
  assert.deepEqual(bad, { code: 400, name: 'Bad Request', message: 'Invalid query parameter' });
  assert.match(ids[0], HEX24);
});
