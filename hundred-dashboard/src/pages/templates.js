// Templates and their roles: read them, and edit one as JSON (the whole template, or one role); what the
// API refuses is shown at the line of the field each detail names (editor.js).
import { useState } from 'preact/hooks';
import { get } from '../api.js';
import { JsonEditor } from '../editor.js';
import { html, useLoad, Loading, Table, time } from '../ui.js';

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
