// The API reference: the OpenAPI document Hundred serves at /v2/openapi.json, its paths and operations listed.
import { get } from '../api.js';
import { html, useLoad, ErrorBox } from '../ui.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function Reference() {
  const doc = useLoad(() => get('/v2/openapi.json'), []);
  const paths = Object.entries(doc.data?.paths || {});
  return html`<section>
    <h1>API reference</h1>
    <p>The OpenAPI document: <a href="/v2/openapi.json" target="_blank" rel="noopener">/v2/openapi.json</a>.</p>
    ${doc.error && (doc.error.status === 404
      ? html`<p class="muted">This server does not serve an OpenAPI document.</p>`
      : html`<${ErrorBox} error=${doc.error} />`)}
    ${doc.data && html`<p>${doc.data.info?.title} ${doc.data.info?.version} · ${paths.length} paths</p>
      <table data-testid="reference"><thead><tr><th>Method</th><th>Path</th><th>Summary</th></tr></thead><tbody>
      ${paths.flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => html`<tr key=${m + path}>
        <td><code>${m.toUpperCase()}</code></td><td><code>${path}</code></td><td>${item[m].summary || ''}</td></tr>`))}
      </tbody></table>`}
  </section>`;
}
