// The API reference, rendered from the one OpenAPI document Hundred serves (/v2/openapi.json): the /v2 API, the
// emulator's controls (only when the server runs with the emulator: it serves the document without them otherwise)
// and the server's own paths. Each operation opens to its parameters, its body and every answer it can give, with
// the exact error messages the document declares (docs/openapi.md).
import { get } from '../api.js';
import { html, useLoad, ErrorBox } from '../ui.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const URL = '/v2/openapi.json';

/** The document's parts, each a table of its paths: which paths, its heading, its test id. */
const PARTS = [
  { id: 'reference', title: null, has: (path) => path.startsWith('/v2/') },
  { id: 'reference-emulator', title: 'Emulator controls', has: (path) => path.startsWith('/emulator/') },
  { id: 'reference-server', title: 'Downloads, playback, gateway, dashboard, metrics', has: (path) => !path.startsWith('/v2/') && !path.startsWith('/emulator/') },
];

export function Reference({ session }) {
  const doc = useLoad(() => get(URL), [URL]);
  const paths = Object.entries(doc.data?.paths || {});
  return html`<section>
    <h1>API reference</h1>
    <p>The OpenAPI document: <a href=${URL} target="_blank" rel="noopener">${URL}</a>
      (also <a href="/v2/openapi.yaml" target="_blank" rel="noopener">as YAML</a>).</p>
    ${doc.error && html`<${ErrorBox} error=${doc.error} />`}
    ${doc.data && html`<p>${doc.data.info?.title} ${doc.data.info?.version} · ${paths.length} paths</p>
      ${PARTS.map((part) => {
        const mine = paths.filter(([path]) => part.has(path));
        if (mine.length === 0 || (part.id === 'reference-emulator' && !(session && session.emulator))) return null;
        return html`<div key=${part.id}>${part.title && html`<h2>${part.title}</h2>`}
          <${Paths} doc=${doc.data} paths=${mine} testid=${part.id} /></div>`;
      })}`}
  </section>`;
}

function Paths({ doc, paths, testid }) {
  return html`<table data-testid=${testid}><thead><tr><th>Method</th><th>Path</th><th>Summary</th></tr></thead><tbody>
    ${paths.flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => html`<tr key=${m + path}>
      <td><code>${m.toUpperCase()}</code></td><td><code>${path}</code></td>
      <td><${Operation} doc=${doc} item=${item} op=${item[m]} /></td></tr>`))}
    </tbody></table>`;
}

/** One operation: its summary, opening to parameters, request body and responses. */
function Operation({ doc, item, op }) {
  const params = [...(item.parameters || []), ...(op.parameters || [])].map((p) => resolve(doc, p));
  const body = op.requestBody && resolve(doc, op.requestBody);
  const bodySchema = body?.content?.['application/json']?.schema;
  return html`<details>
    <summary>${op.summary || op.operationId || ''}</summary>
    ${params.length > 0 && html`<h4>Parameters</h4><ul class="params">${params.map((p) => html`<li key=${p.in + p.name}>
      <code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}): ${describe(doc, p.schema)}
      ${p.description && html` — ${p.description}`}</li>`)}</ul>`}
    ${bodySchema && html`<h4>Body</h4><p><code>${describe(doc, bodySchema)}</code></p>`}
    <h4>Answers</h4>
    <ul class="responses">${Object.entries(op.responses || {}).map(([status, r]) => {
      const response = resolve(doc, r);
      const messages = errorMessages(doc, response.content?.['application/json']?.schema);
      return html`<li key=${status}><code>${status}</code> ${response.description || ''}
        ${messages.length > 0 && html`<ul>${messages.map((m) => html`<li key=${m}><code>${m}</code></li>`)}</ul>`}</li>`;
    })}</ul>
  </details>`;
}

/** Follows a local $ref ("#/components/...") to what it names. */
function resolve(doc, node) {
  let seen = 0;
  while (node && node.$ref && node.$ref.startsWith('#/') && seen++ < 20) {
    node = node.$ref.slice(2).split('/').reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node || {};
}

/** A schema in a few words: its component's name, its type, its enum or range. */
function describe(doc, schema) {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop();
  const alternatives = schema.anyOf || schema.oneOf;
  if (alternatives) return alternatives.map((s) => describe(doc, s)).join(' | ');
  const parts = [Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type || 'any'];
  if (schema.enum) parts.push(`one of ${schema.enum.join(', ')}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    parts.push(`${schema.minimum ?? ''}..${schema.maximum ?? ''}`);
  }
  if (schema.items) parts.push(`of ${describe(doc, schema.items)}`);
  return parts.join(', ');
}

/**
 * The exact messages an error answer's schema allows: a message enum (or pattern) on the schema itself or under its
 * allOf/anyOf/oneOf, following a bare $ref. "Unplanned" (the router's and Jetty's own refusals, on every
 * operation) is left out: it would repeat the same phrases under every answer.
 */
function errorMessages(doc, schema, depth = 0) {
  if (!schema || depth > 8) return [];
  if (schema.$ref && Object.keys(schema).length === 1) {
    return schema.$ref.endsWith('Unplanned') ? [] : errorMessages(doc, resolve(doc, schema), depth + 1);
  }
  const message = schema.properties?.message || {};
  const own = [...(message.enum || []), ...(message.pattern ? [`/${message.pattern}/`] : [])];
  const nested = [...(schema.allOf || []), ...(schema.anyOf || []), ...(schema.oneOf || [])]
    .flatMap((sub) => errorMessages(doc, sub, depth + 1));
  return [...new Set([...own, ...nested])];
}
