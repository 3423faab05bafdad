// The emulator's request journal (the last /v2 requests of this workspace) and event inbox (every webhook
// event the workspace emitted, configured or not).
import { useState } from 'preact/hooks';
import { del, get, query } from '../api.js';
import { html, useLoad, Loading, Table, Action, Json, time } from '../ui.js';

export function Journal() {
  const [filters, setFilters] = useState({ method: '', path: '', status: '' });
  const journal = useLoad(() => get(`/emulator/v1/requests${query({ ...filters, limit: 200 })}`), [filters]);
  const apply = (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    setFilters({ method: form.get('method'), path: form.get('path').trim(), status: form.get('status').trim() });
  };
  return html`<section>
    <h1>Request journal</h1>
    <form class="row" onSubmit=${apply} aria-label="Filter requests">
      <label>Method <select name="method"><option value="">any</option>${['GET', 'POST', 'DELETE'].map((m) => html`<option>${m}</option>`)}</select></label>
      <label>Path <input name="path" placeholder="/v2/rooms/*" /></label>
      <label>Status <input name="status" size="4" /></label>
      <button type="submit">Apply</button>
      <button type="button" onClick=${journal.reload}>Refresh</button>
      <${Action} label="Forget them" danger run=${() => del('/emulator/v1/requests')} done=${journal.reload} />
    </form>
    <${Loading} state=${journal}>
      <${Table} testid="journal" rows=${journal.data?.requests} rowKey=${(r) => r.time + r.path} columns=${[
        { label: 'Time', render: (r) => time(r.time) },
        { label: 'Method', key: 'method' },
        { label: 'Path', render: (r) => html`<code>${r.path}${r.query ? `?${r.query}` : ''}</code>` },
        { label: 'Status', key: 'status' },
        { label: 'ms', key: 'duration_ms' },
        { label: 'Fault', render: (r) => (r.fault ? html`<span class="badge bad">fault</span>` : '') },
        { label: 'Body', render: (r) => (r.body ? html`<details><summary>body</summary><pre class="json">${r.body}</pre></details>` : '') },
      ]} />
    <//>
  </section>`;
}

export function Inbox() {
  const [filters, setFilters] = useState({ type: '', room_id: '' });
  const inbox = useLoad(() => get(`/emulator/v1/events${query({ ...filters, limit: 1000 })}`), [filters]);
  const apply = (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    setFilters({ type: form.get('type').trim(), room_id: form.get('room_id').trim() });
  };
  const events = [...(inbox.data?.events || [])].reverse(); // newest first
  return html`<section>
    <h1>Event inbox</h1>
    <form class="row" onSubmit=${apply} aria-label="Filter events">
      <label>Type <input name="type" placeholder="peer.join.success" /></label>
      <label>Room id <input name="room_id" /></label>
      <button type="submit">Apply</button>
      <button type="button" onClick=${inbox.reload}>Refresh</button>
    </form>
    <${Loading} state=${inbox}>
      <${Table} testid="inbox" rows=${events} columns=${[
        { label: 'Time', render: (e) => time(e.timestamp) },
        { label: 'Type', render: (e) => html`<code>${e.type}</code>` },
        { label: 'Room', render: (e) => e.data?.room_id && html`<a href="#/rooms/${e.data.room_id}"><code>${e.data.room_id}</code></a>` },
        { label: 'Data', render: (e) => html`<details><summary>data</summary><${Json} value=${e.data} /></details>` },
      ]} />
    <//>
  </section>`;
}
