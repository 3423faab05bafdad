// Webhook deliveries (GET /v2/analytics/webhooks): status, the receiver's answer, the body sent; replay
// one delivery (a filter narrowed to it) or everything a filter selects, and follow the replay.
import { useState } from 'preact/hooks';
import { get, post, query } from '../api.js';
import { html, useLoad, Loading, Table, Action, ErrorBox, Json, time } from '../ui.js';

export function Webhooks() {
  const [filters, setFilters] = useState({ status: '', room_id: '', event_name: '' });
  const [page, setPage] = useState(1);
  const list = useLoad(() => get(`/v2/analytics/webhooks${query({ status: filters.status, room_id: filters.room_id, event_names: filters.event_name, page, limit: 50 })}`), [filters, page]);
  const [replay, setReplay] = useState(null);
  const [error, setError] = useState(null);
  const apply = (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    setPage(1);
    setFilters({ status: form.get('status'), room_id: form.get('room_id').trim(), event_name: form.get('event_name').trim() });
  };
  const replayWith = async (body) => {
    setError(null);
    try {
      setReplay(await post('/v2/analytics/webhooks/replay', body));
    } catch (failure) {
      setError(failure);
    }
  };
  const one = (d) => replayWith({
    room_id: d.room_id, event_names: [d.payload.original_event_name],
    start_time: d.event_timestamp, end_time: d.event_timestamp,
    status: d.event_name.endsWith('.failed') ? 'failed' : 'success',
  });
  const all = () => replayWith({
    room_id: filters.room_id || undefined,
    event_names: filters.event_name ? [filters.event_name] : undefined,
    status: filters.status || 'failed',
  });
  const events = list.data?.events || [];
  const pagination = list.data?.pagination;
  return html`<section>
    <h1>Webhook deliveries</h1>
    <form class="row" onSubmit=${apply} aria-label="Filter deliveries">
      <label>Status <select name="status"><option value="">any</option><option value="failed">failed</option><option value="success">delivered</option></select></label>
      <label>Room id <input name="room_id" /></label>
      <label>Event <input name="event_name" placeholder="peer.join.success" /></label>
      <button type="submit">Apply</button>
      <button type="button" onClick=${all}>Replay all that match</button>
    </form>
    <${ErrorBox} error=${error} />
    ${replay && html`<${ReplayStatus} replay=${replay} />`}
    <${Loading} state=${list}>
      <${Table} testid="deliveries" rows=${events} rowKey=${(d) => d.event_id} empty="No finished deliveries." columns=${[
        { label: 'Event', render: (d) => html`<code>${d.payload?.original_event_name}</code>` },
        { label: 'Status', render: (d) => d.event_name.endsWith('.failed')
            ? html`<span class="badge bad">failed</span>` : html`<span class="badge ok">delivered</span>` },
        { label: 'Answer', render: (d) => d.payload?.error_reason || '2xx' },
        { label: 'When', render: (d) => time(d.event_timestamp) },
        { label: 'To', render: (d) => html`<code>${d.payload?.webhook_url}</code>` },
        { label: 'Attempts', render: (d) => html`<${Attempts} eventId=${d.event_id} />` },
        { label: 'Body', render: (d) => html`<details><summary>data</summary><${Json} value=${d.payload?.event_data} /></details>` },
        { label: '', render: (d) => html`<button onClick=${() => one(d)}>Replay</button>` },
      ]} />
      ${pagination && html`<div class="row">
        <span class="muted">page ${pagination.current_page} of ${pagination.total_pages} · ${pagination.total_items} deliveries</span>
        ${pagination.has_prev && html`<button onClick=${() => setPage(page - 1)}>Previous</button>`}
        ${pagination.has_next && html`<button onClick=${() => setPage(page + 1)}>Next</button>`}
      </div>`}
    <//>
  </section>`;
}

/** Each attempt at the delivery (status, error, when), read on demand from the dashboard's own endpoint. */
function Attempts({ eventId }) {
  const [attempts, setAttempts] = useState(null);
  const [error, setError] = useState(null);
  const open = async (e) => {
    if (!e.target.open || attempts) return;
    try {
      setAttempts((await get(`/dashboard/api/webhooks/${encodeURIComponent(eventId)}/attempts`)).attempts);
    } catch (failure) {
      setError(failure);
    }
  };
  return html`<details onToggle=${open} data-testid="attempts"><summary>attempts</summary>
    <${ErrorBox} error=${error} />
    ${attempts && html`<ol>${attempts.map((a) => html`<li>${time(a.started_at)}: ${a.status_code ?? 'no answer'}
      ${a.error ? ` (${a.error})` : ''}, ${a.duration_ms} ms</li>`)}</ol>`}
  </details>`;
}

function ReplayStatus({ replay }) {
  const status = useLoad(() => get(`/v2/analytics/webhooks/replay/${encodeURIComponent(replay.workflow_id)}`), [replay.workflow_id]);
  return html`<div class="card" data-testid="replay">
    <p>Replay <code>${replay.workflow_id}</code>: ${replay.status}${replay.message ? ` — ${replay.message}` : ''}</p>
    <${Loading} state=${status}>${status.data && html`<p>
      State <strong data-testid="replay-state">${status.data.status}</strong> ·
      ${status.data.progress?.completed ?? 0} delivered, ${status.data.progress?.failed ?? 0} failed of ${status.data.progress?.total ?? 0}
      <button onClick=${status.reload}>Refresh</button></p>`}<//>
  </div>`;
}
