'use strict';
// Shared by stream-keys.test.js and sip.test.js: an RTMP-in template and room made through the SDK's generic
// calls, and checks on the stream-key object's wire form (spec §12).

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { HEX24, RFC3339_UTC } = require('./hms');

const STREAM_KEY_KEYS = ['id', 'url', 'key', 'room_id', 'customer_id', 'app_id', 'enabled', 'created_at', 'updated_at'];

/** A room on a template fit for RTMP-in (roles broadcaster and viewer, an HLS destination); answers its id. */
async function rtmpInRoom(hms) {
  const template = await hms.api.post('/templates', {
    name: `rtmp-in-${crypto.randomBytes(4).toString('hex')}`,
    roles: { broadcaster: {}, viewer: {} },
    destinations: { hlsDestinations: { main: {} } },
  });
  const room = await hms.rooms.create({ template_id: template.id });
  return room.id;
}

/** A stream key as parsed from the wire (not the SDK's Date-cast copy). */
function assertStreamKeyWire(key, { roomId, enabled = true } = {}) {
  const where = JSON.stringify(key);
  assert.deepEqual(Object.keys(key), STREAM_KEY_KEYS, `stream key keys: ${where}`);
  assert.match(key.id, HEX24);
  assert.equal(typeof key.key, 'string');
  assert.ok(key.key.length >= 16, `a stream key is long enough to be secret: ${where}`);
  assert.match(key.url, /^rtmp:\/\/[^/]+\/live$/, `url: ${where}`);
  if (roomId) assert.equal(key.room_id, roomId);
  assert.match(key.customer_id, HEX24);
  assert.match(key.app_id, HEX24);
  assert.equal(key.enabled, enabled);
  assert.match(key.created_at, RFC3339_UTC);
  assert.match(key.updated_at, RFC3339_UTC);
}

module.exports = { rtmpInRoom, assertStreamKeyWire, STREAM_KEY_KEYS };
