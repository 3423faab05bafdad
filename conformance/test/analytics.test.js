'use strict';
// Analytics through the SDK (spec §13.1, §13.4): listTrackEvents and listRecordingEvents, the events envelope
// as the SDK's iterator meets it, client error events reported through the emulator and peer quality stats,
// read with hms.api.get. Peers come from the emulator (docs/gateway.md).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, collect, rejection, assertErrorBody, HEX24 } = require('../lib/hms');
const { Emulator } = require('../lib/live');
const { assertEventWire, assertTrackEventWire, assertPageWire, AnalyticsEmulator } = require('../lib/analytics');

let server;
let hms;
let wire;
let emu;
let analytics;
const run = crypto.randomBytes(3).toString('hex');
let n = 0;
const uniq = () => `${run}-${++n}`;
const TRACK_TYPES = ['track.add.success', 'track.update.success', 'track.remove.success'];

before(async () => {
  server = await startServer({ name: 'analytics' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
  analytics = new AnalyticsEmulator(emu);
});

after(async () => {
  if (server) await server.stop();
});

/**
 * A room where Ann publishes audio (muted) and video, unmutes the audio, unpublishes the video and leaves:
 * five track events, oldest first: add, add, update, remove, remove.
 */
async function roomWithTrackEvents() {
  const room = await hms.rooms.create({ name: `an-${uniq()}` });
  const ann = await emu.join(room.id, { role: 'host', name: 'Ann', user_id: 'user-ann',
    tracks: [{ type: 'audio', mute: true }, { type: 'video' }] });
  const audioId = Object.values(ann.tracks).find((t) => t.type === 'audio').id;
  const videoId = Object.values(ann.tracks).find((t) => t.type === 'video').id;
  await emu.mute(room.id, ann.id, audioId, false);
  await emu.unpublish(room.id, ann.id, videoId);
  const left = await emu.leave(room.id, ann.id);
  return { room, ann, audioId, videoId, session: left.session_id };
}

test('listTrackEvents: every track event of the room, oldest first, with the documented fields', async () => {
  const { room, ann, audioId, session } = await roomWithTrackEvents();
  const { result: events, exchanges } = await wire.during(() => collect(
    hms.analytics.listTrackEvents({ room_id: room.id, type: TRACK_TYPES })));
  assert.equal(exchanges.length, 1);
  const ex = exchanges[0];
  assert.equal(ex.method, 'GET');
  assert.equal(ex.url, '/analytics/events');
  assert.deepEqual(ex.params, { room_id: room.id, type: TRACK_TYPES });
  assert.equal(ex.status, 200, ex.raw);
  const page = ex.json();
  assertPageWire(page);
  assert.equal(page.total, 5);
  assert.equal(page.next, '');
  for (const e of page.events) assertTrackEventWire(e);

  assert.deepEqual(events.map((e) => e.type), ['track.add.success', 'track.add.success', 'track.update.success',
    'track.remove.success', 'track.remove.success']);
  const added = events.find((e) => e.data.track_id === audioId);
  assert.equal(added.data.room_id, room.id);
  assert.equal(added.data.room_name, room.name);
  assert.equal(added.data.session_id, session);
  assert.match(added.data.session_id, HEX24);
  assert.equal(added.data.peer_id, ann.id);
  assert.equal(added.data.user_id, 'user-ann');
  assert.equal(added.data.user_name, 'Ann');
  assert.equal(added.data.role, 'host');
  assert.equal(added.data.mute, true);
  assert.equal(added.data.type, 'audio');
  assert.equal(added.data.source, 'regular');
  // the SDK hands the events over as parsed: nested times stay strings
  assert.equal(typeof added.data.joined_at, 'string');
  assert.equal(added.data.joined_at, ann.joined_at);
  assert.equal(events[2].data.mute, false, 'the update is the unmute');
});

test("listTrackEvents with a limit: SDK 0.3.0's iterator stops after the first page; next pages by start=next", async () => {
  const { room } = await roomWithTrackEvents();
  const { result: firstPage, exchanges } = await wire.during(() => collect(
    hms.analytics.listTrackEvents({ room_id: room.id, type: TRACK_TYPES, limit: 2 })));
  // The SDK's iterator follows `last`, which this envelope (like the cloud's) does not have: it yields the
  // first page and stops, although `next` says there is more.
  assert.equal(exchanges.length, 1, 'one request');
  assert.equal(firstPage.length, 2);
  const page1 = exchanges[0].json();
  assertPageWire(page1);
  assert.equal(page1.limit, 2);
  assert.equal(page1.total, 5);
  assert.notEqual(page1.next, '');
  assert.equal('last' in page1, false);

  // A user pages on with start=next (hms.api.get serializes the array as repeated type=).
  const page2 = await hms.api.get('/analytics/events', { room_id: room.id, type: TRACK_TYPES, limit: 2, start: page1.next });
  assertPageWire(page2);
  assert.equal(page2.total, 5);
  const page3 = await hms.api.get('/analytics/events', { room_id: room.id, type: TRACK_TYPES, limit: 2, start: page2.next });
  assert.equal(page3.limit, 1);
  assert.equal(page3.next, '');
  const all = await collect(hms.analytics.listTrackEvents({ room_id: room.id, type: TRACK_TYPES, limit: 100 }));
  assert.deepEqual([...page1.events, ...page2.events, ...page3.events].map((e) => e.id), all.map((e) => e.id));
});

test('the pages of a cursor keep the results of the first query', async () => {
  const { room } = await roomWithTrackEvents();
  const page1 = await hms.api.get('/analytics/events', { room_id: room.id, limit: 4 });
  await emu.join(room.id, { role: 'guest', name: 'Late', tracks: [{ type: 'audio' }] });
  const page2 = await hms.api.get('/analytics/events', { room_id: room.id, limit: 4, start: page1.next });
  assert.equal(page2.total, 5);
  assert.deepEqual(page2.events.map((e) => e.type), ['track.remove.success']);
  assert.equal((await hms.api.get('/analytics/events', { room_id: room.id })).total, 6);
});

test('listRecordingEvents: the request the SDK makes, and an empty answer for a room with no recording', async () => {
  const room = await hms.rooms.create({ name: `an-${uniq()}` });
  const { result, exchanges } = await wire.during(() => collect(hms.analytics.listRecordingEvents({
    room_id: room.id, type: 'beam.recording.success', beam_id: '63bbb18fac740d9e9da5b4e9' })));
  assert.deepEqual(result, []);
  assert.equal(exchanges.length, 1);
  assert.deepEqual(exchanges[0].params, { room_id: room.id, type: 'beam.recording.success',
    beam_id: '63bbb18fac740d9e9da5b4e9' });
  assert.deepEqual(exchanges[0].json(), { limit: 0, total: 0, next: '', events: [] });
});

test('errors through the SDK: room_id required, unknown room, unknown type, tampered cursor', async () => {
  const room = await hms.rooms.create({ name: `an-${uniq()}` });
  const cases = [
    [{ type: TRACK_TYPES }, 400, 'Invalid query parameter', 'room_id is required'],
    [{ room_id: '000000000000000000000000', type: TRACK_TYPES }, 404, 'Room not found'],
    [{ room_id: room.id, type: ['peer.join.success'] }, 400, 'Invalid query parameter'],
  ];
  for (const [filters, status, message, detail] of cases) {
    const error = await rejection(collect(hms.analytics.listTrackEvents(filters)));
    const ex = wire.last();
    assert.deepEqual(error, { code: status, name: status === 400 ? 'Bad Request' : 'Not Found', message },
      `${JSON.stringify(filters)} -> ${ex.status} ${ex.raw}`);
    assertErrorBody(ex.json(), status, message);
    if (detail) assert.deepEqual(ex.json().details, [detail]);
  }
  const bad = await rejection(hms.api.get('/analytics/events', { room_id: room.id, start: 'x:1:y' }));
  assert.equal(bad.code, 400);
  assert.match(wire.last().json().details[0], /^start is not a cursor this server gave/);
});

test('client error events reported through the emulator, read back with error=true', async () => {
  const room = await hms.rooms.create({ name: `an-${uniq()}` });
  const ann = await emu.join(room.id, { role: 'host', name: 'Ann', user_id: 'user-ann' });
  const reported = await analytics.report(room.id, ann.id, {
    type: 'client.publish.failed', error_code: 4006, error_name: 'ICEDisconnected',
    error_message: '[PUBLISH]: Ice connection state DISCONNECTED', is_terminal: false,
    agent: { sdk: 'web', os: 'web_Mac_OS', domain: 'HMS' },
  });
  assertEventWire(reported);
  await analytics.report(room.id, ann.id, { type: 'client.disconnected', error_code: 1003,
    error_name: 'WebSocketConnectionLost', error_message: 'Network connection lost' });
  const page = await hms.api.get('/analytics/events', { room_id: room.id, error: true });
  assertPageWire(page);
  assert.deepEqual(page.events.map((e) => e.type), ['client.publish.failed', 'client.disconnected']);
  assert.deepEqual(page.events[0], reported);
  const data = page.events[0].data;
  assert.equal(data.user_id, 'user-ann');
  assert.equal(data.account_id, room.customer_id);
  assert.equal(data.template_id, room.template_id);
  assert.equal(data.action, 'PUBLISH');
  assert.equal(data.domain, 'HMS');
  assert.deepEqual(Object.keys(data.audio), ['maxBitrate', 'deviceId', 'volume', 'codec']);
  // track events are not error events
  const tracks = await collect(hms.analytics.listTrackEvents({ room_id: room.id, type: TRACK_TYPES }));
  assert.deepEqual(tracks, []);
});

test('peer-stats: 404 while the session is live, then time series derived from the tracks; emulator stats win', async () => {
  const room = await hms.rooms.create({ name: `an-${uniq()}` });
  const ann = await emu.join(room.id, { role: 'host', name: 'Ann', tracks: [{ type: 'audio' }, { type: 'video' }] });
  const bob = await emu.join(room.id, { role: 'guest', name: 'Bob' });
  const active = await hms.activeRooms.retrieve(room.id);
  const session = active.session.id;
  const live = await rejection(hms.api.get('/analytics/peer-stats', { peer_id: ann.id, session_id: session }));
  assert.deepEqual(live, { code: 404, name: 'Not Found', message: 'Peer stats not found' });
  await emu.leave(room.id, bob.id);
  await emu.leave(room.id, ann.id);

  const stats = await hms.api.get('/analytics/peer-stats', { peer_id: ann.id, session_id: session });
  assert.deepEqual(Object.keys(stats), ['peer_id', 'session_id', 'room_id', 'publisher', 'subscriber']);
  assert.equal(stats.room_id, room.id);
  assert.equal(stats.publisher.video.length, 1);
  assert.equal(stats.publisher.video[0].rid, null);
  assert.deepEqual(Object.keys(stats.publisher.video[0].time_series),
    ['timestamps', 'bitrate', 'fps', 'packet_loss_percent', 'rtt_ms']);
  const ts = stats.publisher.video[0].time_series.timestamps;
  assert.ok(ts.length >= 1 && ts.every((t) => Number.isInteger(t) && t % 10000 === 0), JSON.stringify(ts));
  assert.equal(stats.publisher.audio.length, 1);
  assert.deepEqual(stats.subscriber, { video: [], audio: [] }, 'nobody else published');
  const bobs = await hms.api.get('/analytics/peer-stats', { peer_id: bob.id, session_id: session });
  assert.equal(bobs.subscriber.video[0].track_id, stats.publisher.video[0].track_id);

  const set = await analytics.setStats(session, ann.id, { publisher: { audio: [{ track_id: 't1',
    time_series: { timestamps: [1738843560000], bitrate: [64000], packet_loss_percent: [0.1], rtt_ms: [45], jitter_ms: [2.1] } }] } });
  const got = await hms.api.get('/analytics/peer-stats', { peer_id: ann.id, session_id: session });
  assert.deepEqual(got, set);
  assert.deepEqual(got.publisher.video, []);
  assert.deepEqual(got.publisher.audio[0].time_series.jitter_ms, [2.1]);

  const missing = await rejection(hms.api.get('/analytics/peer-stats', { peer_id: ann.id }));
  assert.equal(missing.code, 400);
  const unknown = await rejection(hms.api.get('/analytics/peer-stats', { peer_id: ann.id, session_id: '000000000000000000000000' }));
  assert.deepEqual(unknown, { code: 404, name: 'Not Found', message: 'Session not found' });
});
