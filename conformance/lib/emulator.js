'use strict';
// Hundred's emulator controls for tests (docs/emulator.md): fault rules, the request journal and the event
// inbox, called with the management token the SDK itself holds, through an Emulator of lib/live.js.

const assert = require('node:assert/strict');
const { UUID4, RFC3339_UTC } = require('./hms');

const ENVELOPE_KEYS = ['version', 'id', 'app_id', 'account_id', 'timestamp', 'type', 'data'];
const JOURNAL_KEYS = ['time', 'method', 'path', 'query', 'headers', 'body', 'body_truncated', 'status', 'duration_ms', 'fault'];

class Controls {
  constructor(emulator) {
    this.emu = emulator;
  }

  /** Adds a fault rule; answers it (with its id). */
  fault(rule) {
    return this.emu.ok('POST', '/emulator/v1/faults', rule);
  }

  async faults() {
    return (await this.emu.ok('GET', '/emulator/v1/faults')).faults;
  }

  clearFaults() {
    return this.emu.ok('DELETE', '/emulator/v1/faults');
  }

  /** The journal, newest first; `query` as a string such as 'path=/v2/rooms&method=POST'. */
  async requests(query = '') {
    const { requests } = await this.emu.ok('GET', `/emulator/v1/requests${query ? `?${query}` : ''}`);
    return requests;
  }

  /** The raw journal answer (to search its text). */
  journalText() {
    return this.emu.call('GET', '/emulator/v1/requests').then((res) => res.text);
  }

  clearRequests() {
    return this.emu.ok('DELETE', '/emulator/v1/requests');
  }

  /** The inbox answer {events, last}; `query` as a string ('type=peer.join.success&wait_seconds=30'). */
  events(query = '') {
    return this.emu.ok('GET', `/emulator/v1/events${query ? `?${query}` : ''}`);
  }
}

/** An inbox event: the webhook envelope in order (spec §17.3). */
function assertEnvelope(event, { appId } = {}) {
  const where = JSON.stringify(event);
  assert.deepEqual(Object.keys(event), ENVELOPE_KEYS, `envelope keys: ${where}`);
  assert.equal(event.version, '2.0');
  assert.match(event.id, UUID4, `envelope id: ${where}`);
  assert.match(event.timestamp, RFC3339_UTC, `timestamp: ${where}`);
  if (appId) assert.equal(event.app_id, appId);
}

function assertJournalEntry(entry) {
  assert.deepEqual(Object.keys(entry), JOURNAL_KEYS, `journal entry keys: ${JSON.stringify(entry)}`);
  assert.match(entry.time, RFC3339_UTC);
  assert.equal(typeof entry.duration_ms, 'number');
}

module.exports = { Controls, assertEnvelope, assertJournalEntry };
