'use strict';
// Active rooms through the SDK (spec §7): retrieve, list peers (and its filters), retrieve a peer with its
// tracks, update a peer, send a message, remove peers, end the room (with lock: the room is disabled).
// Peers join through the emulator; each test has its own room.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, rejection, assertErrorBody, UUID4, RFC3339_UTC } = require('../lib/hms');
const { Emulator, assertActivePeerWire, assertSessionWire } = require('../lib/live');

let server;
let hms;
let wire;
let emu;
const uniq = () => crypto.randomBytes(4).toString('hex');

before(async () => {
  server = await startServer({ name: 'active-rooms' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
});
after(async () => { if (server) await server.stop(); });

/** A new room (its wire JSON) with peers joined in order; answers the room and the peers' join answers. */
async function roomWith(...peers) {
  await hms.rooms.create({ name: `active-${uniq()}` });
  const room = wire.last().json();
  const joined = [];
  for (const p of peers) joined.push(await emu.join(room.id, p));
  return { room, peers: joined };
}

const ANN = { role: 'host', name: 'Ann', user_id: 'u-ann', metadata: '{"seat":1}' };
const BOB = { role: 'guest', name: 'Bob', user_id: 'u-bob' };
const CAT = { role: 'guest', name: 'Cat', user_id: 'u-cat' };

/** The list form of a peer (spec §7.2): the join answer without its tracks. */
const listed = ({ tracks, ...peer }) => peer;

/** The SDK call's single exchange, asserted to be `method url` answered 200. */
function only(exchanges, method, url) {
  assert.equal(exchanges.length, 1, exchanges.map((e) => `${e.method} ${e.url} ${e.status}`).join(' | '));
  const [ex] = exchanges;
  assert.equal(ex.method, method);
  assert.equal(ex.url, url);
  assert.equal(ex.status, 200, `${method} ${url} -> ${ex.status} ${ex.raw}`);
  assert.match(ex.headers['content-type'], /^application\/json/);
  return ex;
}

test('retrieve: {id, name, customer_id, session: {id, created_at, peers: [connected ids in join order]}}', async () => {
  const { room, peers: [ann, bob, cat] } = await roomWith(ANN, BOB, CAT);
  await emu.leave(room.id, bob.id);
  const session = await hms.sessions.retrieveActiveByRoom(room.id);

  const { result, exchanges } = await wire.during(() => hms.activeRooms.retrieve(room.id));
  const ex = only(exchanges, 'GET', `/active-rooms/${room.id}`);
  assert.deepEqual(ex.json(), {
    id: room.id,
    name: room.name,
    customer_id: room.customer_id,
    session: { id: session.id, created_at: ann.joined_at, peers: [ann.id, cat.id] },
  });
  assert.match(ex.json().session.created_at, RFC3339_UTC);
  // The SDK's view: no top-level *_at, so the nested created_at stays a string.
  assert.deepEqual(result, ex.json());
});

test('retrieveActivePeers: GET /active-rooms/{id}/peers is {"peers": {id: peer}} in join order; the SDK unwraps it', async () => {
  const { room, peers } = await roomWith(ANN, BOB, CAT);
  const { result, exchanges } = await wire.during(() => hms.activeRooms.retrieveActivePeers(room.id));
  const body = only(exchanges, 'GET', `/active-rooms/${room.id}/peers`).json();
  assert.deepEqual(Object.keys(body), ['peers']);
  assert.deepEqual(Object.keys(body.peers), peers.map((p) => p.id), 'map in join order');
  for (const p of Object.values(body.peers)) assertActivePeerWire(p, { withTracks: false });
  assert.deepEqual(body.peers, Object.fromEntries(peers.map((p) => [p.id, listed(p)])));
  assert.deepEqual(body.peers[peers[0].id], {
    id: peers[0].id, name: 'Ann', user_id: 'u-ann', metadata: '{"seat":1}', role: 'host', joined_at: peers[0].joined_at,
  });
  assert.deepEqual(result, body.peers);
});

test('list peers with filters role / user_id (through the SDK\'s API service; its wrapper takes none)', async () => {
  const { room, peers: [ann, bob, cat] } = await roomWith(ANN, BOB, CAT);
  const path = `/active-rooms/${room.id}/peers`;
  const cases = [
    [{ role: 'guest' }, [bob, cat]],
    [{ role: 'host' }, [ann]],
    [{ user_id: 'u-cat' }, [cat]],
    [{ user_id: 'u-cat', role: 'guest' }, [cat]],
    [{ user_id: 'u-cat', role: 'host' }, []],
    [{ role: 'nobody' }, []],
  ];
  for (const [params, expected] of cases) {
    const got = await hms.api.get(path, params);
    const ex = wire.last();
    assert.equal(ex.status, 200);
    assert.deepEqual(ex.params, params);
    assert.deepEqual(got, { peers: Object.fromEntries(expected.map((p) => [p.id, listed(p)])) }, JSON.stringify(params));
    if (expected.length === 0) assert.equal(ex.raw, '{"peers":{}}', 'no match is an empty map');
  }
});

test('retrievePeerDetails: the peer with its tracks map (publish, mute, unpublish seen live)', async () => {
  const { room, peers: [ann] } = await roomWith({
    ...ANN, tracks: [{ type: 'audio' }, { type: 'video', source: 'screen', description: 'slides', mute: true }],
  });
  const [audioId, screenId] = Object.keys(ann.tracks);
  const camera = await emu.publish(room.id, ann.id, { type: 'video', description: 'cam' });
  await emu.mute(room.id, ann.id, audioId, true);
  await emu.unpublish(room.id, ann.id, screenId);

  const { result, exchanges } = await wire.during(() => hms.activeRooms.retrievePeerDetails(room.id, ann.id));
  const body = only(exchanges, 'GET', `/active-rooms/${room.id}/peers/${ann.id}`).json();
  assertActivePeerWire(body, { withTracks: true });
  const audio = ann.tracks[audioId];
  assert.deepEqual(body, {
    ...listed(ann),
    tracks: { [audioId]: { ...audio, mute: true }, [camera.id]: camera },
  });
  assert.deepEqual(Object.keys(body.tracks), [audioId, camera.id], 'tracks in publish order');
  assert.deepEqual(audio, {
    id: audioId, stream_id: audio.stream_id, mute: false, type: 'audio', source: 'regular',
    started_at: ann.joined_at, description: '',
  });
  assert.match(audio.stream_id, UUID4);
  assert.equal(camera.source, 'regular');
  assert.equal(camera.stream_id, audio.stream_id, 'tracks of one source share a stream_id');
  assert.notEqual(ann.tracks[screenId].stream_id, audio.stream_id);
  // The SDK's view: joined_at a Date, the tracks' started_at left as strings.
  assert.ok(result.joined_at instanceof Date);
  assert.equal(result.joined_at.getTime(), Date.parse(ann.joined_at));
  assert.deepEqual(result.tracks, body.tracks);

  const { room: other, peers: [bob] } = await roomWith(BOB);
  const bare = await hms.activeRooms.retrievePeerDetails(other.id, bob.id);
  assert.deepEqual(wire.last().json(), { ...listed(bob), tracks: {} }, 'no tracks: an empty map, not absent');
  assert.deepEqual(bare.tracks, {});
});

test('retrievePeerDetails of a peer that left or never was: 404 Peer not found', async () => {
  const { room, peers: [, bob] } = await roomWith(ANN, BOB);
  await emu.leave(room.id, bob.id);
  for (const peerId of [bob.id, crypto.randomUUID(), 'nope']) {
    const { error, exchanges } = await wire.during(() => hms.activeRooms.retrievePeerDetails(room.id, peerId));
    assert.equal(exchanges.length, 1);
    assert.equal(exchanges[0].status, 404, exchanges[0].raw);
    assertErrorBody(exchanges[0].json(), 404, 'Peer not found');
    assert.deepEqual(error, { code: 404, name: 'Not Found', message: 'Peer not found' });
  }
});

test('updatePeer: name and metadata, then role; answers the peer with tracks; the session history follows', async () => {
  const { room, peers: [ann, bob] } = await roomWith(ANN, { ...BOB, tracks: [{ type: 'audio' }] });

  const { result, exchanges } = await wire.during(
    () => hms.activeRooms.updatePeer(room.id, bob.id, { name: 'Robert', metadata: '{"hand":"up"}' }));
  const ex = only(exchanges, 'POST', `/active-rooms/${room.id}/peers/${bob.id}`);
  assert.deepEqual(JSON.parse(ex.requestBody), { name: 'Robert', metadata: '{"hand":"up"}' });
  assertActivePeerWire(ex.json(), { withTracks: true });
  assert.deepEqual(ex.json(), { ...bob, name: 'Robert', metadata: '{"hand":"up"}' });
  assert.ok(result.joined_at instanceof Date, 'the SDK casts the top-level joined_at');
  assert.equal(result.name, 'Robert');

  const promoted = await hms.activeRooms.updatePeer(room.id, bob.id, { role: 'host' });
  assert.deepEqual(wire.last().json(), { ...bob, name: 'Robert', metadata: '{"hand":"up"}', role: 'host' },
    'fields not sent stay as they were');
  assert.equal(promoted.role, 'host');

  // Empty metadata is a value, not "not sent".
  await hms.activeRooms.updatePeer(room.id, bob.id, { metadata: '' });
  assert.equal(wire.last().json().metadata, '');

  assert.deepEqual(await hms.api.get(`/active-rooms/${room.id}/peers`, { role: 'host' }), {
    peers: {
      [ann.id]: listed(ann),
      [bob.id]: { ...listed(bob), name: 'Robert', metadata: '', role: 'host' },
    },
  });
  const session = await hms.sessions.retrieveActiveByRoom(room.id);
  assertSessionWire(session);
  assert.equal(session.peers[bob.id].name, 'Robert');
  assert.equal(session.peers[bob.id].role, 'host');
});

test('updatePeer errors: unknown role, non-string metadata (400 with the field), unknown peer (404)', async () => {
  const { room, peers: [ann] } = await roomWith(ANN);
  const cases = [
    [ann.id, { role: 'director' }, 400, 'Invalid body param', "role director does not exist in the room's template"],
    [ann.id, { metadata: { seat: 1 } }, 400, 'Invalid body param', 'metadata must be a string'],
    [ann.id, { name: 7 }, 400, 'Invalid body param', 'name must be a string'],
    ['nope', { name: 'x' }, 404, 'Peer not found'],
  ];
  for (const [peerId, params, status, message, detail] of cases) {
    const error = await rejection(hms.activeRooms.updatePeer(room.id, peerId, params));
    const ex = wire.last();
    assert.deepEqual(error, { code: status, name: status === 400 ? 'Bad Request' : 'Not Found', message },
      `${JSON.stringify(params)} -> ${ex.status} ${ex.raw}`);
    assertErrorBody(ex.json(), status, message);
    if (detail) assert.deepEqual(ex.json().details, [detail]);
  }
  assert.deepEqual((await hms.api.get(`/active-rooms/${room.id}/peers`)).peers, { [ann.id]: listed(ann) }, 'unchanged');
});

test('updatePeer to a role at its maxPeerCount: 400 Invalid request, role limit reached; the peer keeps its role', async () => {
  const template = await hms.api.post('/templates', {
    name: `active-${uniq()}`, roles: { host: { maxPeerCount: 1 }, guest: {} },
  });
  assert.equal(wire.last().status, 200, wire.last().raw);
  const room = await hms.rooms.create({ name: `active-${uniq()}`, template_id: template.id });
  const ann = await emu.join(room.id, ANN);
  const bob = await emu.join(room.id, BOB);

  const error = await rejection(hms.activeRooms.updatePeer(room.id, bob.id, { role: 'host', name: 'Boss' }));
  const ex = wire.last();
  assert.deepEqual(error, { code: 400, name: 'Bad Request', message: 'Invalid request' }, `${ex.status} ${ex.raw}`);
  assert.deepEqual(ex.json(), { code: 400, message: 'Invalid request', details: ['role limit reached'] });
  assert.deepEqual(await hms.activeRooms.retrieveActivePeers(room.id), { [ann.id]: listed(ann), [bob.id]: listed(bob) },
    'nothing changed, not even the name sent along');

  // Once the host slot is free, the same change goes through.
  await emu.leave(room.id, ann.id);
  const promoted = await hms.activeRooms.updatePeer(room.id, bob.id, { role: 'host' });
  assert.equal(promoted.role, 'host');
});

test('sendMessage: {"message":"message sent"}; broadcast, to a peer (wins over role), to a role; type defaults to chat', async () => {
  const { room, peers: [ann] } = await roomWith(ANN, BOB);
  const session = await hms.sessions.retrieveActiveByRoom(room.id);

  const { result, exchanges } = await wire.during(() => hms.activeRooms.sendMessage(room.id, { message: 'hello all' }));
  const ex = only(exchanges, 'POST', `/active-rooms/${room.id}/send-message`);
  assert.equal(ex.raw, '{"message":"message sent"}');
  assert.equal(result, undefined, 'the SDK answers nothing');
  await hms.activeRooms.sendMessage(room.id, { message: 'psst', peer_id: ann.id, role: 'guest', type: 'emoji' });
  await hms.activeRooms.sendMessage(room.id, { message: 'guests only', role: 'guest' });
  // The SDK's type names the key `peerId` (spec §7.5): the API does not know it, so this is a broadcast.
  await hms.activeRooms.sendMessage(room.id, { message: 'typed', peerId: ann.id });

  const record = await emu.messages(session.id);
  assert.deepEqual(record.map(({ id, sent_at, ...m }) => m), [
    { session_id: session.id, sender_peer_id: null, recipient_peer_id: null, recipient_role: null, type: 'chat', message: 'hello all' },
    { session_id: session.id, sender_peer_id: null, recipient_peer_id: ann.id, recipient_role: null, type: 'emoji', message: 'psst' },
    { session_id: session.id, sender_peer_id: null, recipient_peer_id: null, recipient_role: 'guest', type: 'chat', message: 'guests only' },
    { session_id: session.id, sender_peer_id: null, recipient_peer_id: null, recipient_role: null, type: 'chat', message: 'typed' },
  ]);
  for (const m of record) {
    assert.match(m.id, UUID4);
    assert.match(m.sent_at, RFC3339_UTC);
  }
});

test('sendMessage errors: message required and a string (400), unknown peer_id (404)', async () => {
  const { room } = await roomWith(ANN);
  const cases = [
    [{}, 400, 'Invalid body param', 'message is required'],
    [{ message: '' }, 400, 'Invalid body param', 'message is required'],
    [{ message: 5 }, 400, 'Invalid body param', 'message must be a string'],
    [{ message: 'x', peer_id: crypto.randomUUID() }, 404, 'Peer not found'],
  ];
  for (const [params, status, message, detail] of cases) {
    const error = await rejection(hms.activeRooms.sendMessage(room.id, params));
    const ex = wire.last();
    assert.deepEqual(error, { code: status, name: status === 400 ? 'Bad Request' : 'Not Found', message },
      `${JSON.stringify(params)} -> ${ex.status} ${ex.raw}`);
    assertErrorBody(ex.json(), status, message);
    if (detail) assert.deepEqual(ex.json().details, [detail]);
  }
});

test('removePeer by peer_id and by role: {"message":"peer remove request submitted"}; the last one closes the session', async () => {
  const { room, peers: [ann, bob, cat] } = await roomWith(ANN, BOB, CAT);
  const session = await hms.sessions.retrieveActiveByRoom(room.id);

  const { result, exchanges } = await wire.during(
    () => hms.activeRooms.removePeer(room.id, { peer_id: bob.id, reason: 'spam' }));
  const ex = only(exchanges, 'POST', `/active-rooms/${room.id}/remove-peers`);
  assert.deepEqual(JSON.parse(ex.requestBody), { peer_id: bob.id, reason: 'spam' });
  assert.equal(ex.raw, '{"message":"peer remove request submitted"}');
  assert.equal(result, undefined);
  assert.deepEqual(Object.keys(await hms.activeRooms.retrieveActivePeers(room.id)), [ann.id, cat.id]);

  // peer_id wins over role: only Cat goes, not the other guests nor the host.
  await hms.activeRooms.removePeer(room.id, { peer_id: cat.id, role: 'host' });
  assert.deepEqual(Object.keys(await hms.activeRooms.retrieveActivePeers(room.id)), [ann.id]);

  await hms.activeRooms.removePeer(room.id, { role: 'host' });
  assert.equal(wire.last().raw, '{"message":"peer remove request submitted"}');
  const gone = await rejection(hms.activeRooms.retrieve(room.id));
  assert.deepEqual(gone, { code: 404, name: 'Not Found', message: 'Active room not found' });

  const closed = await hms.sessions.retrieveById(session.id);
  assert.equal(closed.active, false);
  assert.deepEqual(Object.keys(closed.peers), [ann.id, bob.id, cat.id]);
  for (const p of Object.values(closed.peers)) assert.match(p.left_at, RFC3339_UTC, 'every kicked peer has left');
});

test('removePeer by a role nobody has: submitted, nobody leaves', async () => {
  const { room, peers: [ann] } = await roomWith(ANN);
  await hms.activeRooms.removePeer(room.id, { role: 'guest' });
  assert.equal(wire.last().raw, '{"message":"peer remove request submitted"}');
  assert.deepEqual(Object.keys(await hms.activeRooms.retrieveActivePeers(room.id)), [ann.id]);
});

test('removePeer errors: neither peer_id nor role (400), unknown peer (404)', async () => {
  const { room } = await roomWith(ANN);
  for (const [params, status, message, detail] of [
    [{ reason: 'x' }, 400, 'Invalid body param', 'peer_id or role is required'],
    [{ peer_id: '', role: '' }, 400, 'Invalid body param', 'peer_id or role is required'],
    [{ peer_id: 5 }, 400, 'Invalid body param', 'peer_id must be a string'],
    [{ peer_id: crypto.randomUUID() }, 404, 'Peer not found'],
  ]) {
    const error = await rejection(hms.activeRooms.removePeer(room.id, params));
    const ex = wire.last();
    assert.deepEqual(error, { code: status, name: status === 400 ? 'Bad Request' : 'Not Found', message },
      `${JSON.stringify(params)} -> ${ex.status} ${ex.raw}`);
    assertErrorBody(ex.json(), status, message);
    if (detail) assert.deepEqual(ex.json().details, [detail]);
  }
});

test('end with lock: {"message":"session is ending"}, every peer leaves, the room is disabled until re-enabled', async () => {
  const { room, peers: [ann, bob] } = await roomWith(ANN, BOB);
  const session = await hms.sessions.retrieveActiveByRoom(room.id);

  const { result, exchanges } = await wire.during(
    () => hms.activeRooms.end(room.id, { reason: 'class over', lock: true }));
  const ex = only(exchanges, 'POST', `/active-rooms/${room.id}/end-room`);
  assert.deepEqual(JSON.parse(ex.requestBody), { reason: 'class over', lock: true });
  assert.equal(ex.raw, '{"message":"session is ending"}');
  assert.equal(result, undefined);

  const gone = await rejection(hms.activeRooms.retrieve(room.id));
  assert.deepEqual(gone, { code: 404, name: 'Not Found', message: 'Active room not found' });
  const ended = await hms.sessions.retrieveById(session.id);
  assert.equal(ended.active, false);
  assert.deepEqual(Object.keys(ended.peers), [ann.id, bob.id]);
  for (const p of Object.values(ended.peers)) assert.match(p.left_at, RFC3339_UTC);

  const locked = await hms.rooms.retrieveById(room.id);
  assert.equal(locked.enabled, false, 'lock:true disables the room (§7.7)');
  assert.ok(locked.updated_at.getTime() > Date.parse(room.updated_at));
  const refused = await emu.tryJoin(room.id, { role: 'host', name: 'Ann' });
  assert.equal(refused.status, 403, refused.text);
  assert.deepEqual(refused.json, { code: 403, message: 'Peer join refused', details: ['room is disabled'] });

  await hms.rooms.enableOrDisable(room.id, true);
  const back = await emu.join(room.id, { role: 'host', name: 'Ann' });
  const next = await hms.activeRooms.retrieve(room.id);
  assert.notEqual(next.session.id, session.id, 'a new session');
  assert.deepEqual(next.session.peers, [back.id]);
});

test('end without lock (the SDK sends {}): the room stays enabled and opens a new session on the next join', async () => {
  const { room } = await roomWith(ANN);
  const first = await hms.sessions.retrieveActiveByRoom(room.id);
  const { exchanges } = await wire.during(() => hms.activeRooms.end(room.id));
  const ex = only(exchanges, 'POST', `/active-rooms/${room.id}/end-room`);
  assert.equal(ex.requestBody, '{}');
  assert.equal(ex.raw, '{"message":"session is ending"}');
  assert.equal((await hms.rooms.retrieveById(room.id)).enabled, true);
  assert.equal((await hms.sessions.retrieveById(first.id)).active, false);

  await emu.join(room.id, BOB);
  const second = await hms.sessions.retrieveActiveByRoom(room.id);
  assert.notEqual(second.id, first.id);
});

test('end errors: lock and reason of the wrong type are 400 with the field; nothing ends, nothing is disabled', async () => {
  const { room, peers: [ann] } = await roomWith(ANN);
  for (const [params, detail] of [
    [{ lock: 'yes' }, 'lock must be a boolean'],
    [{ reason: 5, lock: true }, 'reason must be a string'],
  ]) {
    const error = await rejection(hms.activeRooms.end(room.id, params));
    const ex = wire.last();
    assert.deepEqual(error, { code: 400, name: 'Bad Request', message: 'Invalid body param' },
      `${JSON.stringify(params)} -> ${ex.status} ${ex.raw}`);
    assertErrorBody(ex.json(), 400, 'Invalid body param');
    assert.deepEqual(ex.json().details, [detail]);
  }
  assert.deepEqual((await hms.activeRooms.retrieve(room.id)).session.peers, [ann.id]);
  assert.equal((await hms.rooms.retrieveById(room.id)).enabled, true);
});

test('a room without a live session: every call is 404 Active room not found; no room at all: 404 Room not found', async () => {
  const { room, peers: [ann] } = await roomWith(ANN);
  await emu.leave(room.id, ann.id);
  const calls = (roomId) => [
    ['retrieve', () => hms.activeRooms.retrieve(roomId)],
    ['retrieveActivePeers', () => hms.activeRooms.retrieveActivePeers(roomId)],
    ['retrievePeerDetails', () => hms.activeRooms.retrievePeerDetails(roomId, ann.id)],
    ['updatePeer', () => hms.activeRooms.updatePeer(roomId, ann.id, { name: 'x' })],
    ['sendMessage', () => hms.activeRooms.sendMessage(roomId, { message: 'x' })],
    ['removePeer', () => hms.activeRooms.removePeer(roomId, { role: 'host' })],
    ['end', () => hms.activeRooms.end(roomId, { lock: true })],
  ];
  for (const [roomId, message] of [[room.id, 'Active room not found'], ['0123456789abcdef01234567', 'Room not found']]) {
    for (const [name, call] of calls(roomId)) {
      const { error, exchanges } = await wire.during(call);
      assert.equal(exchanges.length, 1, `${name}: a 404 is not retried`);
      assert.equal(exchanges[0].status, 404, `${name} -> ${exchanges[0].status} ${exchanges[0].raw}`);
      assertErrorBody(exchanges[0].json(), 404, message);
      assert.deepEqual(error, { code: 404, name: 'Not Found', message }, name);
    }
  }
  assert.equal((await hms.rooms.retrieveById(room.id)).enabled, true, 'a refused end-room with lock does not disable');
});
