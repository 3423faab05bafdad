// The API reference, rendered from the OpenAPI documents Hundred serves: /v2/openapi.json, and with the emulator on
// /emulator/v1/openapi.json. Each operation opens to its parameters, its body and every answer it can give, with
// the exact error messages the document declares (docs/openapi.md).
import { get } from '../api.js';
import { html, useLoad, ErrorBox } from '../ui.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function Reference({ session }) {
  return html`<section>
    <h1>API reference</h1>
    <${Document} url="/v2/openapi.json" testid="reference" />
    ${session && session.emulator && html`<h2>Emulator controls</h2>
      <${Document} url="/emulator/v1/openapi.json" testid="reference-emulator" />`}
  </section>`;
}

function Document({ url, testid }) {
  const doc = useLoad(() => get(url), [url]);
  const paths = Object.entries(doc.data?.paths || {});
  return html`<div>
    <p>The OpenAPI document: <a href=${url} target="_blank" rel="noopener">${url}</a>.</p>
    ${doc.error && (doc.error.status === 404
      ? html`<p class="muted">This server does not serve this document.</p>`
      : html`<${ErrorBox} error=${doc.error} />`)}
    ${doc.data && html`<p>${doc.data.info?.title} ${doc.data.info?.version} · ${paths.length} paths</p>
      <table data-testid=${testid}><thead><tr><th>Method</th><th>Path</th><th>Summary</th></tr></thead><tbody>
      ${paths.flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => html`<tr key=${m + path}>
        <td><code>${m.toUpperCase()}</code></td><td><code>${path}</code></td>
        <td><${Operation} doc=${doc.data} item=${item} op=${item[m]} /></td></tr>`))}
      </tbody></table>`}
  </div>`;
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
    return schema.$ref.endsWith('/Unplanned') ? [] : errorMessages(doc, resolve(doc, schema), depth + 1);
  }
  const message = schema.properties?.message || {};
  const own = [...(message.enum || []), ...(message.pattern ? [`/${message.pattern}/`] : [])];
  const nested = [...(schema.allOf || []), ...(schema.anyOf || []), ...(schema.oneOf || [])]
    .flatMap((sub) => errorMessages(doc, sub, depth + 1));
  return [...new Set([...own, ...nested])];
}
