'use strict';
// Checks on the room object's wire form (spec §3.1).

const assert = require('node:assert/strict');
const { HEX24, RFC3339_UTC } = require('./hms');

// Keys every room object carries (spec §3.1; the create/retrieve examples all show them).
const ROOM_KEYS = ['id', 'name', 'enabled', 'customer_id', 'app_id', 'template_id', 'template', 'region',
  'large_room', 'created_at', 'updated_at'];

/** `room` is the parsed JSON of one room as it came over the wire (not the SDK's Date-cast copy). */
function assertRoomWire(room) {
  const where = JSON.stringify(room);
  for (const key of ROOM_KEYS) assert.ok(key in room, `room object lacks "${key}": ${where}`);
  assert.match(room.id, HEX24, `room id: ${where}`);
  assert.equal(typeof room.name, 'string');
  assert.equal(typeof room.enabled, 'boolean');
  assert.match(room.customer_id, HEX24, `customer_id: ${where}`);
  assert.match(room.app_id, HEX24, `app_id: ${where}`);
  assert.match(room.template_id, HEX24, `template_id: ${where}`);
  assert.equal(typeof room.template, 'string', `template (the template's name): ${where}`);
  assert.ok(room.template.length > 0, `template (the template's name) is empty: ${where}`);
  assert.ok(['in', 'us', 'eu', 'auto'].includes(room.region), `region: ${where}`);
  assert.equal(typeof room.large_room, 'boolean');
  assert.match(room.created_at, RFC3339_UTC, `created_at: ${where}`);
  assert.match(room.updated_at, RFC3339_UTC, `updated_at: ${where}`);
  if ('customer' in room) assert.equal(room.customer, room.customer_id, `customer duplicates customer_id: ${where}`);
  if ('key' in room) assert.equal(room.key, `${room.customer_id}:${room.name}`, `key: ${where}`);
}

module.exports = { assertRoomWire, ROOM_KEYS };
