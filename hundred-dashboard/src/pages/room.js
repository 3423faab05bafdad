// One room: its settings, template, room codes, sessions, and its live peers, kept current by the room's
// server-sent events (/dashboard/api/rooms/{id}/live): each event re-reads the peers, no polling.
import { useEffect, useState } from 'preact/hooks';
import { get, post, query } from '../api.js';
import { html, useLoad, Loading, Table, Action, ErrorBox, Json, time } from '../ui.js';

async function livePeers(roomId) {
  try {
    const { peers } = await get(`/v2/active-rooms/${roomId}/peers`);
    const list = Object.values(peers || {});
    // The peer answer has its tracks (mute needs their ids).
    return Promise.all(list.map((p) => get(`/v2/active-rooms/${roomId}/peers/${p.id}`).catch(() => p)));
  } catch (e) {
    if (e.status === 404) return []; // no session running
    throw e;
  }
}

function useLive(roomId, onEvent) {
  const [connected, setConnected] = useState(false);
  const [events, setEvents] = useState([]);
  useEffect(() => {
    const source = new EventSource(`/dashboard/api/rooms/${encodeURIComponent(roomId)}/live`);
    source.addEventListener('ready', () => {
      setConnected(true);
      onEvent(); // what changed before the stream opened
    });
    source.addEventListener('room', (message) => {
      const event = JSON.parse(message.data);
      setEvents((list) => [event, ...list].slice(0, 20));
      onEvent(event);
    });
    source.onerror = () => setConnected(false); // the browser reconnects by itself
    return () => source.close();
  }, [roomId]);
  return { connected, events };
}

function Peers({ room, session, live, tick }) {
  const peers = useLoad(() => livePeers(room.id), [room.id, tick]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState(null);
  const template = useLoad(() => get(`/v2/templates/${room.template_id}`), [room.template_id]);
  const roles = Object.keys(template.data?.roles || {});

  const join = async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const tracks = form.get('tracks') ? [{ type: 'audio' }, { type: 'video' }] : [];
    setError(null);
    try {
      await post(`/emulator/v1/rooms/${room.id}/peers`, { role: form.get('role'), name: form.get('name') || undefined, tracks });
    } catch (failure) {
      setError(failure);
    }
  };
  const mute = (peer, mute) => Promise.all(Object.values(peer.tracks || {}).map((t) =>
    post(`/emulator/v1/rooms/${room.id}/peers/${peer.id}/tracks/${t.id}`, { mute })));

  return html`<div class="card wide">
    <h2><span class="live-dot ${live.connected ? 'on' : ''}" data-testid="live-state" data-connected=${String(live.connected)}></span>Live peers</h2>
    <${Loading} state=${peers}>
      <${Table} testid="peers" rows=${peers.data} empty="Nobody is in the room." columns=${[
        { label: 'Name', key: 'name' },
        { label: 'Role', key: 'role' },
        { label: 'Peer id', render: (p) => html`<code>${p.id}</code>` },
        { label: 'Joined', render: (p) => time(p.joined_at) },
        { label: 'Tracks', render: (p) => Object.values(p.tracks || {}).map((t) =>
            html`<span class="badge">${t.type}${t.mute ? ' (muted)' : ''}</span> `) },
        { label: '', render: (p) => html`
            <${Action} label="Remove" danger run=${() => post(`/v2/active-rooms/${room.id}/remove-peers`, { peer_id: p.id, reason: 'removed from the dashboard' })} done=${peers.reload} />
            ${session.emulator && Object.keys(p.tracks || {}).length > 0 && html`
              <${Action} label=${Object.values(p.tracks).every((t) => t.mute) ? 'Unmute' : 'Mute'}
                run=${() => mute(p, !Object.values(p.tracks).every((t) => t.mute))} done=${peers.reload} />`}` },
      ]} />
    <//>
    <div class="row">
      <label>Message <input value=${message} onInput=${(e) => setMessage(e.target.value)} /></label>
      <${Action} label="Send to everyone" run=${() => post(`/v2/active-rooms/${room.id}/send-message`, { message })} done=${() => setMessage('')} />
      <${Action} label="End room" danger run=${() => post(`/v2/active-rooms/${room.id}/end-room`, { reason: 'ended from the dashboard' })} done=${peers.reload} />
    </div>
    ${session.emulator && html`<form class="row" onSubmit=${join} aria-label="Join a peer">
      <label>Role <select name="role">${roles.map((r) => html`<option>${r}</option>`)}</select></label>
      <label>Name <input name="name" placeholder="emulated peer" /></label>
      <label>Audio + video <input type="checkbox" name="tracks" /></label>
      <button type="submit">Join a peer (emulator)</button>
    </form>
    <${ErrorBox} error=${error} />`}
    <details><summary>Last live events (${live.events.length})</summary>
      <ul>${live.events.map((e) => html`<li><code>${e.type}</code></li>`)}</ul></details>
  </div>`;
}

function Codes({ room }) {
  const codes = useLoad(() => get(`/v2/room-codes/room/${room.id}`), [room.id]);
  return html`<div class="card">
    <h2>Room codes</h2>
    <${Loading} state=${codes}>
      <${Table} rows=${codes.data?.data} rowKey=${(c) => c.code} empty="No codes yet." columns=${[
        { label: 'Code', render: (c) => html`<code>${c.code}</code>` },
        { label: 'Role', key: 'role' },
        { label: 'Enabled', render: (c) => (c.enabled ? 'yes' : 'no') },
        { label: '', render: (c) => html`<${Action} label=${c.enabled ? 'Disable' : 'Enable'}
            run=${() => post('/v2/room-codes/code', { code: c.code, enabled: !c.enabled })} done=${codes.reload} />` },
      ]} />
    <//>
    <${Action} label="Create codes for every role" run=${() => post(`/v2/room-codes/room/${room.id}`)} done=${codes.reload} />
  </div>`;
}

function RoomSessions({ room, tick }) {
  const sessions = useLoad(() => get(`/v2/sessions${query({ room_id: room.id, limit: 10 })}`), [room.id, tick]);
  return html`<div class="card">
    <h2>Sessions</h2>
    <${Loading} state=${sessions}>
      <${Table} rows=${sessions.data?.data} empty="No session yet." columns=${[
        { label: 'Session', render: (s) => html`<code>${s.id}</code>` },
        { label: 'Active', render: (s) => (s.active ? 'yes' : 'no') },
        { label: 'Peers', render: (s) => Object.keys(s.peers || {}).length },
        { label: 'Started', render: (s) => time(s.created_at) },
      ]} />
    <//>
    <a href="#/sessions/${room.id}">Timelines of this room's sessions</a>
  </div>`;
}

export function Room({ id, session }) {
  const room = useLoad(() => get(`/v2/rooms/${id}`), [id]);
  // Each event of the room's feed makes its peers and sessions be read again.
  const [tick, setTick] = useState(0);
  const live = useLive(id, () => setTick((t) => t + 1));
  return html`<section>
    <p><a href="#/rooms">← Rooms</a></p>
    <${Loading} state=${room}>${room.data && html`
      <h1>${room.data.name} <span class="badge ${room.data.enabled ? 'ok' : 'bad'}">${room.data.enabled ? 'enabled' : 'disabled'}</span></h1>
      <p>Template <a href="#/templates/${room.data.template_id}">${room.data.template}</a> · created ${time(room.data.created_at)} ·
        <${Action} label=${room.data.enabled ? 'Disable' : 'Enable'} run=${() => post(`/v2/rooms/${id}`, { enabled: !room.data.enabled })} done=${room.reload} /></p>
      <div class="cards">
        <${Peers} room=${room.data} session=${session} live=${live} tick=${tick} />
        <${Codes} room=${room.data} />
        <${RoomSessions} room=${room.data} tick=${tick} />
      </div>
      <details><summary>The room as the API answers it</summary><${Json} value=${room.data} /></details>`}
    <//>
  </section>`;
}
