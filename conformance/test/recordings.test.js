'use strict';
// Recordings through the SDK (spec §8, §9, §15): hms.recordings start / stop / stopAll / retrieve / list (filters,
// iteration) and hms.recordingAssets list / retrieve / generatePreSignedURL, downloading each asset with fetch and
// reading the bytes back. Peers and their speech come from Hundred's emulator. The job phases run at the
// emulator's fast defaults (well under a second each), so the test waits on states, never on time.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, collect, rejection, assertErrorBody, HEX24 } = require('../lib/hms');
const { Emulator } = require('../lib/live');
const { awaitRecording, assertRecordingWire, assertAssetWire, readMp4 } = require('../lib/recordings');

let server;
let hms;
let wire;
let emu;
const run = crypto.randomBytes(3).toString('hex');
let roomCount = 0;

async function newRoom() {
  const room = await hms.rooms.create({ name: `rec-${run}-${roomCount += 1}` });
  return room.id;
}

const completedWithAssets = (n) => (r) => r.status === 'completed' && Array.isArray(r.recording_assets)
  && r.recording_assets.length === n && r.recording_assets.every((a) => a.status === 'completed');

async function download(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

before(async () => {
  server = await startServer({ name: 'recordings' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
});

after(async () => {
  await server?.stop();
});

test('start, stop and retrieve: a transcribed recording from starting to its assets', async () => {
  const room = await newRoom();
  const ann = await emu.join(room, { role: 'host', name: 'Ann', user_id: 'ann' });
  const started = await hms.recordings.start(room, {
    resolution: { width: 1920, height: 1080 },
    transcription: { enabled: true, output_modes: ['txt', 'json'], summary: { enabled: true } },
  });
  const raw = wire.last().json();
  assertRecordingWire(raw);
  assert.equal(raw.status, 'starting');
  assert.equal(raw.started_at, null);
  assert.equal(raw.stopped_at, null);
  assert.equal(raw.recording_assets, null);
  assert.deepEqual(raw.asset_types, ['room-composite', 'chat', 'transcript', 'summary']);
  assert.equal(raw.meeting_url, `https://default.app.100ms.live/preview/${room}/__internal_recorder?skip_preview=true`);
  assert.equal(started.id, raw.id);
  assert.equal(started.room_id, room);

  await awaitRecording(hms, started.id, (r) => r.status === 'running', 'running');
  await emu.ok('POST', `/emulator/v1/rooms/${room}/peers/${ann.id}/speech`, { text: 'Hello from the SDK test.', duration_seconds: 2 });
  const stopping = await hms.recordings.stop(started.id);
  assert.equal(stopping.status, 'stopping');
  assertRecordingWire(wire.last().json());

  const done = await awaitRecording(hms, started.id, completedWithAssets(5), 'the recording and its transcription');
  assertRecordingWire(wire.last().json());
  assert.ok(done.started_at && done.stopped_at, JSON.stringify(done));
  assert.deepEqual(done.recording_assets.map((a) => a.type), ['room-composite', 'chat', 'transcript', 'transcript', 'summary']);
  const composite = done.recording_assets[0];
  assert.deepEqual(composite.metadata, { resolution: { width: 1920, height: 1080 } });

  // The duration in the file is the recorded time: stopped_at less started_at (no pause here).
  const recordedMs = Date.parse(wire.last().json().stopped_at) - Date.parse(wire.last().json().started_at);
  const url = await hms.recordingAssets.generatePreSignedURL(composite.id);
  assert.deepEqual(Object.keys(url), ['id', 'path', 'url', 'expiry']);
  assert.equal(url.id, composite.id);
  assert.equal(url.path, composite.path);
  assert.equal(url.expiry, 3600);
  assert.equal(wire.last().params.presign_duration, 3600);
  const file = await download(url.url);
  assert.equal(file.type, 'video/mp4');
  assert.equal(file.bytes.length, composite.size);
  const mp4 = readMp4(file.bytes);
  assert.equal(mp4.types[0], 'ftyp');
  assert.ok(mp4.types.includes('mdat'), JSON.stringify(mp4.types));
  assert.ok(Math.abs(mp4.durationMillis - recordedMs) <= 1, `mp4 ${mp4.durationMillis} ms vs recorded ${recordedMs} ms`);

  const txt = done.recording_assets.find((a) => a.type === 'transcript' && a.metadata.output_mode === 'txt');
  const text = await download((await hms.recordingAssets.generatePreSignedURL(txt.id, 60)).url);
  assert.equal(new TextDecoder().decode(text.bytes), 'Ann: Hello from the SDK test.\n');
  assert.equal(wire.last().params.presign_duration, 60);
  const chat = done.recording_assets.find((a) => a.type === 'chat');
  const csv = await download((await hms.recordingAssets.generatePreSignedURL(chat.id)).url);
  assert.equal(new TextDecoder().decode(csv.bytes), 'SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message\r\n');
  const summary = done.recording_assets.find((a) => a.type === 'summary');
  const json = JSON.parse(new TextDecoder().decode((await download((await hms.recordingAssets.generatePreSignedURL(summary.id)).url)).bytes));
  assert.ok(Array.isArray(json.summary.sections) && json.summary.sections.length === 4, JSON.stringify(json));
});

test('recordingAssets: list with filters, iteration, retrieve', async () => {
  const room = await newRoom();
  await emu.join(room, { role: 'host', name: 'Bob' });
  const rec = await hms.recordings.start(room, { audio_only: true });
  await awaitRecording(hms, rec.id, (r) => r.status === 'running', 'running');
  await hms.recordings.stop(rec.id);
  await awaitRecording(hms, rec.id, completedWithAssets(2), 'completed');

  const inRoom = await collect(hms.recordingAssets.list({ room_id: room }));
  assert.deepEqual(inRoom.map((a) => a.type), ['chat', 'room-composite'], 'newest first');
  const page = wire.exchanges.filter((e) => e.url.includes('recording-assets')).at(-1).json();
  for (const a of page.data) assertAssetWire(a);
  const composite = inRoom[1];
  assert.equal(composite.job_id, rec.id);
  assert.deepEqual(composite.metadata, { media_type: 'audio' });
  const file = await download((await hms.recordingAssets.generatePreSignedURL(composite.id)).url);
  assert.equal(file.type, 'audio/mp4');
  assert.equal(readMp4(file.bytes).types[0], 'ftyp');

  const one = await hms.recordingAssets.retrieve(composite.id);
  assertAssetWire(wire.last().json());
  assert.equal(one.id, composite.id);
  assert.equal(one.path, composite.path);
  const bySession = await collect(hms.recordingAssets.list({ session_id: rec.session_id, status: 'completed' }));
  assert.equal(bySession.length, 2);
  assert.deepEqual(await collect(hms.recordingAssets.list({ room_id: room, status: 'failed' })), []);
  const all = await collect(hms.recordingAssets.list({ limit: 10 }));
  assert.ok(all.length >= 7, `every asset of this server: ${all.length}`);
  assert.equal(new Set(all.map((a) => a.id)).size, all.length, 'no asset twice across pages');

  const missing = await rejection(hms.recordingAssets.retrieve('000000000000000000000000'));
  assert.deepEqual(missing, { code: 404, name: 'Not Found', message: 'Asset not found' });
  assertErrorBody(wire.last().json(), 404, 'Asset not found');
});

test('stopAll stops what runs in the room; with nothing running it is 404', async () => {
  const room = await newRoom();
  await emu.join(room, { role: 'host', name: 'Cy' });
  const rec = await hms.recordings.start(room, {});
  const stopped = await hms.recordings.stopAll(room);
  const envelope = wire.last().json();
  assert.deepEqual(Object.keys(envelope), ['limit', 'data', 'last']);
  assert.equal(envelope.limit, 1);
  assert.equal(envelope.last, rec.id);
  assertRecordingWire(envelope.data[0]);
  assert.equal(stopped.length, 1);
  assert.equal(stopped[0].id, rec.id);
  assert.equal(stopped[0].status, 'stopping');

  const none = await rejection(hms.recordings.stopAll(room));
  assert.deepEqual(none, { code: 404, name: 'Not Found', message: 'Recording not found' });
  assertErrorBody(wire.last().json(), 404, 'Recording not found');
  // stopped before it ever ran: the cloud's BEAM_STOPPED failure
  assert.equal((await awaitRecording(hms, rec.id, (r) => r.status === 'failed', 'failed')).recording_assets, null);
});

test('list: filters room_id, session_id, status; iteration over pages', async () => {
  const made = [];
  for (let i = 0; i < 12; i += 1) {
    const room = await newRoom();
    made.push(await hms.recordings.start(room, {}));
  }
  for (const r of made) await awaitRecording(hms, r.id, (x) => x.status === 'running', 'running');
  const everything = await collect(hms.recordings.list());
  const pages = wire.exchanges.filter((e) => e.method === 'GET' && /\/recordings$/.test(e.url));
  assert.ok(pages.length >= 2, `the SDK followed the pages: ${pages.length}`);
  for (const r of pages[0].json().data) assertRecordingWire(r, { listed: true });
  const ids = everything.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'no recording twice');
  assert.deepEqual([...ids].sort().reverse(), ids, 'newest first');
  for (const r of made) assert.ok(ids.includes(r.id));

  const one = made[4];
  assert.deepEqual((await collect(hms.recordings.list({ room_id: one.room_id }))).map((r) => r.id), [one.id]);
  assert.deepEqual((await collect(hms.recordings.list({ session_id: one.session_id }))).map((r) => r.id), [one.id]);
  const running = await collect(hms.recordings.list({ status: 'running', limit: 5 }));
  assert.ok(running.length >= 12 && running.every((r) => r.status === 'running'), `${running.length} running`);
  const runningPages = wire.exchanges.filter((e) => e.params?.status === 'running');
  assert.ok(runningPages.length >= 2, `pages: ${runningPages.length}`);
  assert.equal(runningPages[0].json().limit, 10, 'a limit under 10 counts as 10');
  const bad = await rejection(collect(hms.recordings.list({ status: 'done' })));
  assert.equal(bad.code, 400);
  assertErrorBody(wire.last().json(), 400, 'Invalid query parameter');
  for (const r of made) await hms.recordings.stop(r.id);
});

test('errors: unknown ids, another room, a second start, a disabled room', async () => {
  const missing = await rejection(hms.recordings.retrieve('000000000000000000000000'));
  assert.deepEqual(missing, { code: 404, name: 'Not Found', message: 'Recording not found' });
  assert.deepEqual(await rejection(hms.recordings.stop('000000000000000000000000')),
    { code: 404, name: 'Not Found', message: 'Recording not found' });
  assert.deepEqual(await rejection(hms.recordings.start('000000000000000000000000', {})),
    { code: 404, name: 'Not Found', message: 'Room not found' });

  const room = await newRoom();
  const rec = await hms.recordings.start(room, { meeting_url: 'https://example.com/meeting' });
  assert.match(rec.id, HEX24);
  assert.equal(rec.meeting_url, 'https://example.com/meeting');
  const twice = await rejection(hms.recordings.start(room, {}));
  assert.deepEqual(twice, { code: 400, name: 'Bad Request', message: 'Invalid request' });
  assert.deepEqual(wire.last().json().details, ['recording already running']);
  const bad = await rejection(hms.recordings.start(await newRoom(), { resolution: { width: 100, height: 100 } }));
  assert.equal(bad.message, 'Invalid body param');

  const off = await newRoom();
  await hms.rooms.enableOrDisable(off, false);
  assert.deepEqual(await rejection(hms.recordings.start(off, {})), { code: 403, name: 'Forbidden', message: 'Room is disabled' });
  await hms.recordings.stop(rec.id);
});
