'use strict';
// Helpers for the recordings conformance file: waiting on a recording's state through the SDK, the wire
// form of a recording (spec §8.1) and of an asset (§9.1), and reading back downloaded files (a minimal
// ISO BMFF box walk for the MP4, written here for the test from ISO/IEC 14496-12).

const assert = require('node:assert/strict');
const { HEX24, RFC3339_UTC } = require('./hms');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `hms.recordings.retrieve(id)` until `done(recording)` holds (20 s at most). */
async function awaitRecording(hms, id, done, what) {
  const deadline = Date.now() + 20_000;
  let last;
  while (Date.now() < deadline) {
    last = await hms.recordings.retrieve(id);
    if (done(last)) return last;
    await sleep(50);
  }
  assert.fail(`waited 20 s for ${what}; recording is ${JSON.stringify(last)}`);
}

const RECORDING_KEYS = ['id', 'room_id', 'session_id', 'status', 'created_at', 'started_at', 'updated_at', 'stopped_at',
  'meeting_url', 'started_by', 'stopped_by', 'asset_types', 'recording_assets'];
const STATUSES = ['starting', 'running', 'stopping', 'post_processing', 'completed', 'failed'];

/** A recording as parsed from the wire, in the docs' key order; `listed` ones have no recording_assets. */
function assertRecordingWire(r, { listed = false } = {}) {
  const where = JSON.stringify(r);
  const keys = listed ? RECORDING_KEYS.filter((k) => k !== 'recording_assets') : RECORDING_KEYS;
  const expected = 'destination' in r ? [...keys.slice(0, 9), 'destination', ...keys.slice(9)] : keys;
  assert.deepEqual(Object.keys(r), expected, `recording keys in order: ${where}`);
  assert.match(r.id, HEX24);
  assert.match(r.room_id, HEX24);
  assert.match(r.session_id, HEX24);
  assert.ok(STATUSES.includes(r.status), `status: ${where}`);
  assert.match(r.created_at, RFC3339_UTC);
  assert.match(r.updated_at, RFC3339_UTC);
  for (const k of ['started_at', 'stopped_at']) if (r[k] !== null) assert.match(r[k], RFC3339_UTC, k);
  assert.equal(typeof r.meeting_url, 'string');
  assert.equal(r.started_by, '');
  assert.ok(Array.isArray(r.asset_types), `asset_types: ${where}`);
}

const ASSET_KEYS = ['id', 'job_id', 'room_id', 'session_id', 'type', 'path', 'status', 'size', 'duration', 'created_at',
  'thumbnails', 'metadata'];

function assertAssetWire(a) {
  assert.deepEqual(Object.keys(a), ASSET_KEYS, `asset keys in order: ${JSON.stringify(a)}`);
  assert.match(a.id, HEX24);
  assert.match(a.job_id, HEX24);
  assert.match(a.path, /^s3:\/\/hundred-recordings\//);
  assert.equal(typeof a.size, 'number');
  assert.equal(typeof a.duration, 'number');
  assert.match(a.created_at, RFC3339_UTC);
  assert.equal(a.thumbnails, null);
}

/** The top-level boxes of an MP4 (they must tile the file) and the movie header's duration in ms. */
function readMp4(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at) => String.fromCharCode(...bytes.subarray(at + 4, at + 8));
  const boxes = (from, to) => {
    const out = [];
    for (let at = from; at < to;) {
      const size = view.getUint32(at);
      assert.ok(size >= 8 && at + size <= to, `box ${type(at)} at ${at} of size ${size} fits in ${to}`);
      out.push({ type: type(at), at, size });
      at += size;
    }
    return out;
  };
  const top = boxes(0, bytes.length);
  const moov = top.find((b) => b.type === 'moov');
  assert.ok(moov, `a moov box among ${top.map((b) => b.type)}`);
  const mvhd = boxes(moov.at + 8, moov.at + moov.size).find((b) => b.type === 'mvhd');
  const p = mvhd.at + 8;
  const v1 = bytes[p] === 1;
  const timescale = view.getUint32(p + (v1 ? 20 : 12));
  const duration = v1 ? Number(view.getBigUint64(p + 24)) : view.getUint32(p + 16);
  return { types: top.map((b) => b.type), durationMillis: Math.round((duration * 1000) / timescale) };
}

module.exports = { awaitRecording, assertRecordingWire, assertAssetWire, readMp4, RECORDING_KEYS, sleep };
