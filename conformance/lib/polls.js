'use strict';
// Polls for the conformance suite (spec §14): the SDK has no typed poll wrapper, so the tests use its generic
// hms.api.get/post; DELETE (which the SDK cannot send) and Hundred's emulator poll controls go through fetch
// with the SDK's own management token. Plus the wire shapes of a poll run, a response and a result.

const assert = require('node:assert/strict');
const { raw, HEX24, UUID4, RFC3339_UTC } = require('./hms');

/** The docs' create example (create-polls-via-api.mdx), values as the docs give them. */
function docsExample() {
  const question = (index, text, weight) => ({
    index, text, format: 'text', attachment: [{ type: 'mimetype', url: 'url' }], skippable: true, duration: 0,
    once: false, weight, answer_min_len: 1, answer_max_len: 1024, type: 'single-choice',
    answer: { hidden: false, options: [1, 2], text: 'optoin1', case: false, trim: true },
    options: [{ index: 1, text: 'optoin1', weight: 1 }, { index: 2, text: 'optoin1', weight: 1 }],
  });
  return {
    title: 'first poll', duration: 235, anonymous: true, mode: 'userid', type: 'poll', start: 'auto',
    questions: [question(1, 'q1', 2), question(2, 'q2', 1)],
  };
}

/** Hundred's emulator poll controls and the DELETE calls, with the SDK's management token. */
class PollEmulator {
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
    assert.equal(res.status, 200, `${method} ${path} -> ${res.status} ${res.text}`);
    return res.json;
  }

  start(roomId, pollId) {
    return this.ok('POST', `/emulator/v1/rooms/${roomId}/polls/${pollId}/start`);
  }

  stop(roomId, pollId) {
    return this.ok('POST', `/emulator/v1/rooms/${roomId}/polls/${pollId}/stop`);
  }

  /** A peer answers: {poll_id, question, option | options | text, skipped, duration}. */
  answer(roomId, peerId, body) {
    return this.ok('POST', `/emulator/v1/rooms/${roomId}/peers/${peerId}/poll-responses`, body);
  }

  tryAnswer(roomId, peerId, body) {
    return this.call('POST', `/emulator/v1/rooms/${roomId}/peers/${peerId}/poll-responses`, body);
  }

  /** DELETE /v2/polls/...: 204 and no body. */
  async delete(path) {
    const res = await this.call('DELETE', `/v2${path}`);
    assert.equal(res.status, 204, `DELETE ${path} -> ${res.status} ${res.text}`);
    assert.equal(res.text, '');
  }
}

function assertKeysInOrder(object, keys, what) {
  assert.deepEqual(Object.keys(object), keys, `${what} keys: ${JSON.stringify(object)}`);
}

const RUN_KEYS = ['id', 'poll_id', 'session_id', 'started_at', 'stopped_at', 'total_responses', 'unique_participants'];
const RESULT_KEYS = ['id', 'poll_id', 'session_id', 'question', 'duration', 'peer_id', 'user_id', 'score'];

/** A poll run as /sessions lists it (wire JSON). */
function assertRunWire(run) {
  assertKeysInOrder(run, RUN_KEYS, 'poll session');
  assert.match(run.id, HEX24);
  assert.match(run.session_id, HEX24);
  assert.match(run.started_at, RFC3339_UTC);
  if (run.stopped_at !== null) assert.match(run.stopped_at, RFC3339_UTC);
  assert.ok(Number.isInteger(run.total_responses) && Number.isInteger(run.unique_participants));
}

/** A response (wire JSON): the docs' keys, plus option (single-choice) or options (multiple-choice). */
function assertResponseWire(r) {
  const keys = ['id', 'poll_id', 'session_id', 'duration', 'question', 'skipped'];
  if ('option' in r) keys.push('option');
  if ('options' in r) keys.push('options');
  keys.push('text', 'update', 'original_response', 'retries', 'sent_at', 'peer_id', 'user_id');
  assertKeysInOrder(r, keys, 'poll response');
  assert.match(r.id, HEX24);
  assert.match(r.sent_at, RFC3339_UTC);
  if (r.peer_id !== '') assert.match(r.peer_id, UUID4);
  assert.equal(typeof r.update, 'boolean');
  assert.equal(typeof r.original_response, 'string');
}

function assertResultWire(r) {
  assertKeysInOrder(r, RESULT_KEYS, 'poll result');
  assert.match(r.id, HEX24);
  assert.ok(Number.isInteger(r.score));
}

module.exports = { docsExample, PollEmulator, assertKeysInOrder, assertRunWire, assertResponseWire, assertResultWire };
