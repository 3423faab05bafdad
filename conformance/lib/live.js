'use strict';
// Peers for the sessions and active-rooms tests, made through Hundred's emulator API (docs/gateway.md,
// "Emulator peers"): plain fetch, authenticated with the management token the SDK itself holds.
// Plus checks on the wire forms of sessions (spec §6.1) and active-room peers and tracks (spec §7.2, §7.3).

const assert = require('node:assert/strict');
const { raw, HEX24, UUID4, RFC3339_UTC } = require('./hms');

/** The emulator of one server, calling it with the SDK's own management token. */
class Emulator {
  constructor(server, hms) {
    this.server = server;
    this.hms = hms;
  }

  async call(method, path, body) {
    const { token } = await this.hms.auth.getManagementToken();
    return raw(this.server, method, path, { token, body });
  }

  async ok(method, path, body) {
    const res = await this.call(method, path, body);
    assert.equal(res.status, 200, `${method} ${path} ${JSON.stringify(body)} -> ${res.status} ${res.text}`);
    return res.json;
  }

  /** A peer joins `roomId`; answers the active-room peer with its tracks. */
  join(roomId, { role = 'guest', name, user_id, metadata, tracks } = {}) {
    return this.ok('POST', `/emulator/v1/rooms/${roomId}/peers`, { role, name, user_id, metadata, tracks });
  }

  /** The raw answer to a join that may be refused. */
  tryJoin(roomId, body) {
    return this.call('POST', `/emulator/v1/rooms/${roomId}/peers`, body);
  }

  /** The peer leaves; answers its session-history entry (with `left_at`). */
  leave(roomId, peerId) {
    return this.ok('POST', `/emulator/v1/rooms/${roomId}/peers/${peerId}/leave`);
  }

  publish(roomId, peerId, track) {
    return this.ok('POST', `/emulator/v1/rooms/${roomId}/peers/${peerId}/tracks`, track);
  }

  mute(roomId, peerId, trackId, mute) {
    return this.ok('POST', `/emulator/v1/rooms/${roomId}/peers/${peerId}/tracks/${trackId}`, { mute });
  }

  async unpublish(roomId, peerId, trackId) {
    const res = await this.call('DELETE', `/emulator/v1/rooms/${roomId}/peers/${peerId}/tracks/${trackId}`);
    assert.equal(res.status, 204, `unpublish -> ${res.status} ${res.text}`);
  }

  /** The session's chat record (Hundred's extension). */
  async messages(sessionId) {
    return (await this.ok('GET', `/emulator/v1/sessions/${sessionId}/messages`)).messages;
  }
}

function assertKeys(object, keys, what) {
  assert.deepEqual(Object.keys(object).sort(), [...keys].sort(), `${what} keys: ${JSON.stringify(object)}`);
}

const SESSION_KEYS = ['id', 'room_id', 'customer_id', 'app_id', 'active', 'peers', 'created_at', 'updated_at'];
const SESSION_PEER_KEYS = ['id', 'session_id', 'name', 'role', 'user_id', 'user', 'joined_at'];
const ACTIVE_PEER_KEYS = ['id', 'name', 'user_id', 'metadata', 'role', 'joined_at'];
const TRACK_KEYS = ['id', 'stream_id', 'mute', 'type', 'source', 'started_at', 'description'];

/** A session as parsed from the wire (spec §6.1): peers a map keyed by peer id; no `left_at` while connected. */
function assertSessionWire(session) {
  const where = JSON.stringify(session);
  assertKeys(session, SESSION_KEYS, 'session');
  assert.match(session.id, HEX24, `session id: ${where}`);
  assert.match(session.room_id, HEX24);
  assert.match(session.customer_id, HEX24);
  assert.match(session.app_id, HEX24);
  assert.equal(typeof session.active, 'boolean');
  assert.match(session.created_at, RFC3339_UTC, `created_at: ${where}`);
  assert.match(session.updated_at, RFC3339_UTC, `updated_at: ${where}`);
  assert.equal(typeof session.peers, 'object');
  assert.ok(session.peers !== null && !Array.isArray(session.peers), `peers is a map: ${where}`);
  for (const [key, peer] of Object.entries(session.peers)) {
    assertKeys(peer, 'left_at' in peer ? [...SESSION_PEER_KEYS, 'left_at'] : SESSION_PEER_KEYS, 'session peer');
    assert.equal(peer.id, key, `peers are keyed by peer id: ${where}`);
    assert.match(peer.id, UUID4);
    assert.equal(peer.session_id, session.id);
    assert.equal(peer.user, peer.user_id, `user is the deprecated copy of user_id: ${where}`);
    assert.match(peer.joined_at, RFC3339_UTC);
    if ('left_at' in peer) assert.match(peer.left_at, RFC3339_UTC);
  }
}

function assertTrackWire(track) {
  assertKeys(track, TRACK_KEYS, 'track');
  assert.match(track.id, UUID4);
  assert.match(track.stream_id, UUID4);
  assert.equal(typeof track.mute, 'boolean');
  assert.ok(['audio', 'video'].includes(track.type), `track type: ${JSON.stringify(track)}`);
  assert.equal(typeof track.source, 'string');
  assert.match(track.started_at, RFC3339_UTC);
  assert.equal(typeof track.description, 'string');
}

/** An active-room peer (spec §7.2); with `withTracks`, the single-peer form with its tracks map (§7.3). */
function assertActivePeerWire(peer, { withTracks }) {
  assertKeys(peer, withTracks ? [...ACTIVE_PEER_KEYS, 'tracks'] : ACTIVE_PEER_KEYS, 'active peer');
  assert.match(peer.id, UUID4);
  for (const key of ['name', 'user_id', 'metadata', 'role']) assert.equal(typeof peer[key], 'string', key);
  assert.match(peer.joined_at, RFC3339_UTC);
  if (withTracks) {
    for (const [key, track] of Object.entries(peer.tracks)) {
      assert.equal(track.id, key, 'tracks are keyed by track id');
      assertTrackWire(track);
    }
  }
}

module.exports = {
  Emulator, assertSessionWire, assertActivePeerWire, assertTrackWire,
  SESSION_KEYS, SESSION_PEER_KEYS, ACTIVE_PEER_KEYS, TRACK_KEYS,
};
