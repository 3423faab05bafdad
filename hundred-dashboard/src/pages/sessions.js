// Sessions history: each session with its peers on a timeline from the session's start to its end (or now).
import { useState } from 'preact/hooks';
import { get, query } from '../api.js';
import { html, useLoad, Loading, Table, time } from '../ui.js';

const ms = (t) => (t && !t.startsWith('0001-') ? Date.parse(t) : null);

function Timeline({ session }) {
  const peers = Object.values(session.peers || {}).sort((a, b) => ms(a.joined_at) - ms(b.joined_at));
  const start = ms(session.created_at);
  const end = Math.max(ms(session.updated_at) || 0, ...peers.map((p) => ms(p.left_at) || ms(p.joined_at) || 0),
    session.active ? Date.now() : 0);
  const span = Math.max(end - start, 1);
  return html`<${Table} rows=${peers} empty="No peers." columns=${[
    { label: 'Peer', render: (p) => html`${p.name || p.user_id} <span class="muted">(${p.role})</span>` },
    { label: 'Joined', render: (p) => time(p.joined_at) },
    { label: 'Left', render: (p) => (p.left_at ? time(p.left_at) : html`<span class="badge ok">in the room</span>`) },
    { label: 'Timeline', render: (p) => {
      const from = ((ms(p.joined_at) - start) / span) * 100;
      const to = (((ms(p.left_at) || end) - start) / span) * 100;
      return html`<div class="timeline"><span style=${`left:${from}%;width:${Math.max(to - from, 0.5)}%`}></span></div>`;
    } },
  ]} />`;
}

export function Sessions({ roomId }) {
  const [filters, setFilters] = useState({ room_id: roomId || '', active: '' });
  const sessions = useLoad(() => get(`/v2/sessions${query({ ...filters, limit: 50 })}`), [filters]);
  const apply = (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    setFilters({ room_id: form.get('room_id').trim(), active: form.get('active') });
  };
  return html`<section>
    <h1>Sessions</h1>
    <form class="row" onSubmit=${apply} aria-label="Filter sessions">
      <label>Room id <input name="room_id" value=${filters.room_id} /></label>
      <label>Active <select name="active"><option value="">any</option><option value="true">active</option><option value="false">ended</option></select></label>
      <button type="submit">Apply</button>
    </form>
    <${Loading} state=${sessions}>
      ${(sessions.data?.data || []).length === 0 && html`<p class="muted">No sessions.</p>`}
      ${(sessions.data?.data || []).map((s) => html`<div class="card" key=${s.id} data-testid="session">
        <h2><code>${s.id}</code> ${s.active ? html`<span class="badge ok">active</span>` : html`<span class="badge">ended</span>`}</h2>
        <p>Room <a href="#/rooms/${s.room_id}"><code>${s.room_id}</code></a> · ${time(s.created_at)} → ${s.active ? 'now' : time(s.updated_at)}</p>
        <${Timeline} session=${s} />
      </div>`)}
    <//>
  </section>`;
}
