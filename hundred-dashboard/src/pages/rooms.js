// Rooms: list with filters (enabled, template, name), a search over what is listed, create, enable/disable.
import { useState } from 'preact/hooks';
import { get, post, query } from '../api.js';
import { html, useLoad, Loading, Table, Action, ErrorBox, time } from '../ui.js';

export function Rooms() {
  const [filters, setFilters] = useState({ enabled: 'true', template_id: '', name: '' });
  const [search, setSearch] = useState('');
  const [start, setStart] = useState('');
  const rooms = useLoad(() => get(`/v2/rooms${query({ ...filters, limit: 100, start })}`), [filters, start]);
  const templates = useLoad(() => get('/v2/templates?limit=100'), []);
  const [created, setCreated] = useState(null);
  const [error, setError] = useState(null);

  const create = async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const body = { name: form.get('name') || undefined, description: form.get('description') || undefined,
      template_id: form.get('template_id') || undefined };
    setError(null);
    try {
      const room = await post('/v2/rooms', body);
      setCreated(room);
      e.target.reset();
      rooms.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const applyFilters = (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    setStart('');
    setFilters({ enabled: form.get('enabled'), template_id: form.get('template_id'), name: form.get('name').trim() });
  };
  const shown = (rooms.data?.data || []).filter((r) =>
    !search || r.name.toLowerCase().includes(search.toLowerCase()) || r.id.includes(search));
  const templateOptions = templates.data?.data || [];

  return html`<section>
    <h1>Rooms</h1>
    <form class="row" onSubmit=${create} aria-label="Create room">
      <label>Name <input name="name" placeholder="(generated)" /></label>
      <label>Description <input name="description" /></label>
      <label>Template <select name="template_id"><option value="">(default)</option>
        ${templateOptions.map((t) => html`<option value=${t.id}>${t.name}</option>`)}</select></label>
      <button type="submit">Create room</button>
    </form>
    <${ErrorBox} error=${error} />
    ${created && html`<p>Created <a href="#/rooms/${created.id}">${created.name}</a>.</p>`}
    <form class="row" onSubmit=${applyFilters} aria-label="Filter rooms">
      <label>Enabled <select name="enabled"><option value="true">enabled</option><option value="false">disabled</option></select></label>
      <label>Template <select name="template_id"><option value="">any</option>
        ${templateOptions.map((t) => html`<option value=${t.id}>${t.name}</option>`)}</select></label>
      <label>Exact name <input name="name" /></label>
      <button type="submit">Apply</button>
      <label>Search <input type="search" value=${search} onInput=${(e) => setSearch(e.target.value)} placeholder="name or id" /></label>
    </form>
    <${Loading} state=${rooms}>
      <${Table} testid="rooms" rows=${shown} columns=${[
        { label: 'Name', render: (r) => html`<a href="#/rooms/${r.id}">${r.name}</a>` },
        { label: 'Id', render: (r) => html`<code>${r.id}</code>` },
        { label: 'Template', key: 'template' },
        { label: 'Enabled', render: (r) => html`<span class="badge ${r.enabled ? 'ok' : 'bad'}">${r.enabled ? 'yes' : 'no'}</span>` },
        { label: 'Created', render: (r) => time(r.created_at) },
        { label: '', render: (r) => html`<${Action} label=${r.enabled ? 'Disable' : 'Enable'}
            run=${() => post(`/v2/rooms/${r.id}`, { enabled: !r.enabled })} done=${rooms.reload} />` },
      ]} />
      ${rooms.data?.last && rooms.data.data?.length === 100 &&
        html`<button onClick=${() => setStart(rooms.data.last)}>Next page</button>`}
    <//>
  </section>`;
}
