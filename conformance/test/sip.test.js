'use strict';
// SIP (spec §16) through the SDK's generic calls (it has no typed wrappers for them): trunks, outbound calls
// with the emulator's far end (answered, declined, timed out), the documented errors as the SDK reports them,
// the SIP peer in the active room, and DTMF, which needs an app token the SDK cannot send.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../lib/server');
const { sdkFor, rejection, raw, assertErrorBody, HEX24 } = require('../lib/hms');
const { Emulator } = require('../lib/live');

let server;
let hms;
let wire;
let emu;

before(async () => {
  server = await startServer({ name: 'sip' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
});
after(async () => { if (server) await server.stop(); });

const TRUNK = { username: 'u', password: 'p4ss', address: 'hundred.pstn.twilio.com', from: '+15550100' };

async function roomAndCode(role = 'guest') {
  const room = await hms.rooms.create({});
  const code = await hms.roomCodes.createForRole(room.id, role);
  return { roomId: room.id, code: code.code };
}

test('trunks: create and update answer {id}; missing fields are "<field> is mandatory"', async () => {
  const created = await hms.api.post('/sip/outbound/trunks', TRUNK);
  assert.deepEqual(Object.keys(wire.last().json()), ['id']);
  assert.match(created.id, HEX24);
  const updated = await hms.api.post(`/sip/outbound/trunks/${created.id}`, { ...TRUNK, from: '+15550101' });
  assert.deepEqual(updated, { id: created.id });
  assert.ok(!wire.last().raw.includes('p4ss'), 'the password is never echoed');

  const error = await rejection(hms.api.post('/sip/outbound/trunks', { ...TRUNK, address: undefined }));
  assert.deepEqual(error, { code: 400, name: 'Bad Request', message: 'address is mandatory' });
  assertErrorBody(wire.last().json(), 400, 'address is mandatory');
  const unknown = await rejection(hms.api.post('/sip/outbound/trunks/0123456789abcdef01234567', TRUNK));
  assert.equal(unknown.code, 404);
});

test('call: the documented 400s, in the docs order, as the SDK reports them', async () => {
  const { code } = await roomAndCode();
  const trunk = await hms.api.post('/sip/outbound/trunks', TRUNK);
  const cases = [
    [{}, 'to is mandatory'],
    [{ to: '+15550199' }, 'room_code is mandatory'],
    [{ to: '+15550199', room_code: code }, 'trunk_id is mandatory'],
    [{ room_code: code, trunk_id: trunk.id }, 'to is mandatory'],
  ];
  for (const [body, message] of cases) {
    const error = await rejection(hms.api.post('/sip/outbound/call', body));
    assert.deepEqual(error, { code: 400, name: 'Bad Request', message }, JSON.stringify(body));
    assert.deepEqual(wire.last().json(), { code: 400, message, details: [] });
  }
});

test('an answered call: {id}, a peer of the code\'s role in the active room, gone when the far end hangs up', async () => {
  const { roomId, code } = await roomAndCode('guest');
  const trunk = await hms.api.post('/sip/outbound/trunks', TRUNK);
  const call = await hms.api.post('/sip/outbound/call', {
    to: '+16692418750', name: 'Alex', user_id: '', room_code: code, trunk_id: trunk.id, video: true,
    headers: { 'x-language-id': '5', 'x-mrn': '1234567', To: 'ignored' },
  });
  assert.deepEqual(Object.keys(wire.last().json()), ['id']);
  assert.match(call.id, HEX24);

  const state = await emu.ok('GET', `/emulator/v1/sip/calls/${call.id}`);
  assert.equal(state.status, 'answered');
  assert.deepEqual(state.headers, { 'x-language-id': '5', 'x-mrn': '1234567' });
  const peers = await hms.activeRooms.retrieveActivePeers(roomId);
  const peer = peers[state.peer_id];
  assert.ok(peer, `the SIP peer is in the room: ${JSON.stringify(peers)}`);
  assert.equal(peer.name, 'Alex');
  assert.equal(peer.role, 'guest');
  const full = await hms.activeRooms.retrievePeerDetails(roomId, state.peer_id);
  assert.deepEqual(Object.values(full.tracks).map((t) => t.type).sort(), ['audio', 'video']);

  const ended = await emu.ok('POST', `/emulator/v1/sip/calls/${call.id}/hangup`);
  assert.equal(ended.status, 'ended');
  const gone = await rejection(hms.activeRooms.retrieve(roomId));
  assert.equal(gone.code, 404);
});

test('declined answers {id} with nobody joining; timed out is 408 "timed out"', async () => {
  const { roomId, code } = await roomAndCode();
  const trunk = await hms.api.post('/sip/outbound/trunks', TRUNK);
  const body = { to: '+15550199', room_code: code, trunk_id: trunk.id };

  await emu.ok('POST', '/emulator/v1/settings', { sip: { outbound_call: 'declined' } });
  const declined = await hms.api.post('/sip/outbound/call', body);
  assert.match(declined.id, HEX24);
  assert.equal((await emu.ok('GET', `/emulator/v1/sip/calls/${declined.id}`)).status, 'declined');
  assert.equal((await rejection(hms.activeRooms.retrieve(roomId))).code, 404);

  await emu.ok('POST', '/emulator/v1/settings', { sip: { outbound_call: 'timed_out' } });
  const timedOut = await rejection(hms.api.post('/sip/outbound/call', body));
  assert.equal(timedOut.code, 408);
  assert.equal(timedOut.message, 'timed out');
  assert.deepEqual(wire.last().json(), { code: 408, message: 'timed out', details: [] });
  await emu.ok('POST', '/emulator/v1/settings', { sip: { outbound_call: 'answered' } });
});

test('DTMF: the SDK\'s management token is refused (403, retried once); a client\'s app token sends tones', async () => {
  const { roomId, code } = await roomAndCode('guest');
  const trunk = await hms.api.post('/sip/outbound/trunks', TRUNK);
  const call = await hms.api.post('/sip/outbound/call', { to: '+15550199', room_code: code, trunk_id: trunk.id });

  const { error, exchanges } = await wire.during(() => hms.api.post('/sip/dtmf', { digits: ['1'] }));
  assert.equal(error.code, 403);
  assert.deepEqual(exchanges.map((e) => e.status), [403, 403]);

  const hostCode = await hms.roomCodes.createForRole(roomId, 'host');
  const exchanged = await raw(server, 'POST', '/v2/token', { token: null, body: { code: hostCode.code, user_id: 'u-host' } });
  assert.equal(exchanged.status, 200, exchanged.text);
  const appToken = exchanged.json.token;
  const sent = await raw(server, 'POST', '/v2/sip/dtmf', { token: appToken, body: { digits: ['0', '1', '#'] } });
  assert.equal(sent.status, 200);
  assert.deepEqual(sent.json, {});
  const bad = await raw(server, 'POST', '/v2/sip/dtmf', { token: appToken, body: { digits: ['x'] } });
  assert.equal(bad.status, 400);
  assertErrorBody(bad.json, 400, 'invalid digit');
  const none = await raw(server, 'POST', '/v2/sip/dtmf', { token: appToken, body: {} });
  assert.deepEqual(none.json, { code: 400, message: 'digits are mandatory', details: [] });

  const state = await emu.ok('GET', `/emulator/v1/sip/calls/${call.id}`);
  assert.deepEqual(state.dtmf.map((d) => [d.digits, d.user_id, d.role]), [[['0', '1', '#'], 'u-host', 'host']]);
});
