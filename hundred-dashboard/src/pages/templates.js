// Templates and their roles: read them, and edit one as JSON (the whole template, or one role); what the
// API refuses is shown as it answered, each detail naming its field.
import { useState } from 'preact/hooks';
import { get, post } from '../api.js';
import { html, useLoad, Loading, Table, ErrorBox, time } from '../ui.js';

export function Templates() {
  const templates = useLoad(() => get('/v2/templates?limit=100'), []);
  return html`<section>
    <h1>Templates</h1>
    <${Loading} state=${templates}>
      <${Table} testid="templates" rows=${templates.data?.data} columns=${[
        { label: 'Name', render: (t) => html`<a href="#/templates/${t.id}">${t.name}</a>` },
        { label: 'Id', render: (t) => html`<code>${t.id}</code>` },
        { label: 'Roles', render: (t) => Object.keys(t.roles || {}).join(', ') },
        { label: 'Default', render: (t) => (t.default ? 'yes' : '') },
        { label: 'Updated', render: (t) => time(t.updatedAt) },
      ]} />
    <//>
  </section>`;
}

/** A JSON editor posting its text to path; saved(answer) after a 200. */
function JsonEditor({ label, initial, path, saved, testid }) {
  const [text, setText] = useState(JSON.stringify(initial, null, 2));
  const [error, setError] = useState(null);
  const [ok, setOk] = useState(false);
  const save = async () => {
    setError(null);
    setOk(false);
    let body;
    try {
      body = JSON.parse(text);
    } catch (e) {
      setError({ body: { message: 'Not JSON', details: [e.message] } });
      return;
    }
    try {
      const answer = await post(path, body);
      setOk(true);
      setText(JSON.stringify(answer, null, 2));
      if (saved) saved(answer);
    } catch (failure) {
      setError(failure);
    }
  };
  return html`<div data-testid=${testid}>
    <textarea class="json-edit" aria-label=${label} value=${text} onInput=${(e) => setText(e.target.value)}></textarea>
    <div class="row"><button onClick=${save}>Save ${label}</button>${ok && html`<span class="badge ok">saved</span>`}</div>
    <${ErrorBox} error=${error} />
  </div>`;
}

export function Template({ id }) {
  const template = useLoad(() => get(`/v2/templates/${id}`), [id]);
  const [role, setRole] = useState(null);
  const t = template.data;
  return html`<section>
    <p><a href="#/templates">← Templates</a></p>
    <${Loading} state=${template}>${t && html`
      <h1>${t.name}</h1>
      <h2>Roles</h2>
      <${Table} rows=${Object.values(t.roles || {})} rowKey=${(r) => r.name} columns=${[
        { label: 'Role', key: 'name' },
        { label: 'Publishes', render: (r) => (r.publishParams?.allowed || []).join(', ') },
        { label: 'Subscribes to', render: (r) => (r.subscribeParams?.subscribeToRoles || []).join(', ') },
        { label: '', render: (r) => html`<button onClick=${() => setRole(r.name)}>Edit as JSON</button>` },
      ]} />
      ${role && html`<h2>Role ${role}</h2>
        <${JsonEditor} key=${role} label="role" testid="role-editor" initial=${t.roles[role]}
          path=${`/v2/templates/${id}/roles/${encodeURIComponent(role)}`} saved=${template.reload} />`}
      <h2>The whole template</h2>
      <${JsonEditor} key=${t.updatedAt} label="template" testid="template-editor"
        initial=${{ name: t.name, roles: t.roles, settings: t.settings, destinations: t.destinations }}
        path=${`/v2/templates/${id}`} />`}
    <//>
  </section>`;
}
