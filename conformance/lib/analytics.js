'use strict';
// Analytics (spec §13.1, §13.4): the wire forms of analytics events and peer stats, and Hundred's emulator
// calls that make client error events and set peer stats (docs/analytics.md), with the SDK's own token.

const assert = require('node:assert/strict');
const { UUID4, RFC3339_UTC } = require('./hms');

const EVENT_KEYS = ['version', 'id', 'timestamp', 'type', 'data'];
const TRACK_DATA_KEYS = ['room_id', 'session_id', 'room_name', 'peer_id', 'user_id', 'user_name', 'joined_at', 'role',
  'track_id', 'stream_id', 'type', 'source', 'mute', 'started_at'];

/** An analytics event as parsed from the wire: the envelope in order, version 2.0, a UUID id. */
function assertEventWire(event) {
  const where = JSON.stringify(event);
  assert.deepEqual(Object.keys(event), EVENT_KEYS, `event keys: ${where}`);
  assert.equal(event.version, '2.0');
  assert.match(event.id, UUID4, `event id: ${where}`);
  assert.match(event.timestamp, RFC3339_UTC, `timestamp: ${where}`);
}

/** A track event: the documented data fields in order, stopped_at on remove only. */
function assertTrackEventWire(event) {
  assertEventWire(event);
  const keys = event.type === 'track.remove.success' ? [...TRACK_DATA_KEYS, 'stopped_at'] : TRACK_DATA_KEYS;
  assert.deepEqual(Object.keys(event.data), keys, `track event data: ${JSON.stringify(event)}`);
  assert.equal(typeof event.data.mute, 'boolean');
  for (const key of ['joined_at', 'started_at', 'stopped_at']) {
    if (key in event.data) assert.match(event.data[key], RFC3339_UTC, key);
  }
}

/** The page envelope {limit, total, next, events}, limit being the number of events in it. */
function assertPageWire(page) {
  assert.deepEqual(Object.keys(page), ['limit', 'total', 'next', 'events'], `page keys: ${JSON.stringify(page)}`);
  assert.ok(Array.isArray(page.events));
  assert.equal(page.limit, page.events.length, 'limit counts the events of this response');
  assert.equal(typeof page.next, 'string');
}

/** Emulator calls for analytics, through an Emulator of lib/live.js. */
class AnalyticsEmulator {
  constructor(emulator) {
    this.emu = emulator;
  }

  /** A client error event for a peer; answers the stored event. */
  report(roomId, peerId, body) {
    return this.emu.ok('POST', `/emulator/v1/rooms/${roomId}/peers/${peerId}/client-events`, body);
  }

  setStats(sessionId, peerId, body) {
    return this.emu.ok('POST', `/emulator/v1/sessions/${sessionId}/peers/${peerId}/stats`, body);
  }
}

module.exports = { assertEventWire, assertTrackEventWire, assertPageWire, AnalyticsEmulator, TRACK_DATA_KEYS };
