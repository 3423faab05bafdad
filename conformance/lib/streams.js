'use strict';
// Helpers for the live-stream and external-stream files: the emulator's clock, waiting for a stream's status,
// the documented key lists of both objects (spec §10.1, §11.1), and ffprobe when it is installed.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { raw, HEX24, RFC3339_UTC } = require('./hms');

// Keys in the order of the docs' get / list / stop examples.
const LIVE_STREAM_KEYS = ['id', 'room_id', 'session_id', 'status', 'destination', 'playback', 'meeting_url',
  'recording', 'created_at', 'started_at', 'updated_at', 'stopped_at', 'started_by', 'stopped_by', 'recording_assets'];
const EXTERNAL_STREAM_KEYS = ['id', 'room_id', 'session_id', 'status', 'destination', 'rtmp_urls', 'meeting_url',
  'recording', 'resolution', 'created_at', 'started_at', 'stopped_at', 'updated_at', 'started_by', 'stopped_by',
  'recording_assets'];
const STATUSES = ['starting', 'running', 'stopping', 'post_processing', 'completed', 'failed'];

/** A management-token call to Hundred's emulator API, with the token the SDK holds. */
async function emulator(server, hms, method, path, body) {
  const { token } = await hms.auth.getManagementToken();
  const res = await raw(server, method, path, { token, body });
  assert.equal(res.status, 200, `${method} ${path} -> ${res.status} ${res.text}`);
  return res.json;
}

/** Freezes the server clock (each test file has a server of its own). */
const freezeClock = (server, hms) => emulator(server, hms, 'POST', '/emulator/v1/clock', { frozen: true });

/** Moves the server clock forward; due job phases fire on the way. */
const advanceClock = (server, hms, seconds) => emulator(server, hms, 'POST', '/emulator/v1/clock', { advance_seconds: seconds });

/** The common checks on a stream as it came over the wire (strings, not the SDK's Dates). */
function assertJobWire(stream, keys) {
  const where = JSON.stringify(stream);
  assert.deepEqual(Object.keys(stream), keys, `keys in the documented order: ${where}`);
  assert.match(stream.id, HEX24);
  assert.match(stream.room_id, HEX24);
  assert.match(stream.session_id, HEX24);
  assert.ok(STATUSES.includes(stream.status), `status: ${where}`);
  assert.equal(typeof stream.destination, 'string');
  assert.equal(typeof stream.meeting_url, 'string');
  assert.match(stream.created_at, RFC3339_UTC);
  assert.match(stream.updated_at, RFC3339_UTC);
  for (const key of ['started_at', 'stopped_at']) {
    if (stream[key] !== null) assert.match(stream[key], RFC3339_UTC, `${key}: ${where}`);
  }
  assert.equal(typeof stream.started_by, 'string');
  assert.equal(typeof stream.stopped_by, 'string');
  assert.ok(stream.recording_assets === null || Array.isArray(stream.recording_assets), `recording_assets: ${where}`);
}

/** ffprobe's JSON for `url`, or null when ffprobe is not on PATH. */
function ffprobe(url) {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', url],
    { encoding: 'utf8', timeout: 60_000 });
  if (probe.error && probe.error.code === 'ENOENT') return null;
  assert.equal(probe.status, 0, `ffprobe ${url}: ${probe.stderr}`);
  return JSON.parse(probe.stdout);
}

const hasFfprobe = () => !(spawnSync('ffprobe', ['-version']).error);

module.exports = {
  LIVE_STREAM_KEYS, EXTERNAL_STREAM_KEYS, STATUSES, emulator, freezeClock, advanceClock, assertJobWire, ffprobe, hasFfprobe,
};
