// Small pieces every page uses: loading data, showing an API error, a JSON box, buttons that call the API.
import { html } from 'htm/preact';
import { useCallback, useEffect, useState } from 'preact/hooks';

export { html };

/** Runs load() now and whenever deps change; reload() runs it again. */
export function useLoad(load, deps = []) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const run = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    return load().then(
      (data) => setState({ data, error: null, loading: false }),
      (error) => setState({ data: null, error, loading: false }),
    );
  }, deps);
  useEffect(() => {
    run();
  }, [run]);
  return { ...state, reload: run };
}

/** The API's error body as it came: code, message, and each detail (the field it names) on its own line. */
export function ErrorBox({ error }) {
  if (!error) return null;
  const body = error.body || {};
  return html`<div class="error" role="alert">
    <strong>${body.code || error.status || ''} ${body.message || error.message}</strong>
    ${Array.isArray(body.details) && body.details.length > 0 &&
      html`<ul class="details">${body.details.map((d) => html`<li>${d}</li>`)}</ul>`}
  </div>`;
}

export function Loading({ state, children }) {
  if (state.error) return html`<${ErrorBox} error=${state.error} />`;
  if (state.loading && !state.data) return html`<p class="muted">Loading…</p>`;
  return children;
}

export function Json({ value }) {
  return html`<pre class="json">${JSON.stringify(value, null, 2)}</pre>`;
}

/**
 * A button that runs an async action, shows its error beside it and calls done() after it succeeded (or
 * after it failed too, with always: the state it acted on may have moved on meanwhile).
 */
export function Action({ label, run, done, danger, testid, always }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const click = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      if (done) done(result);
    } catch (e) {
      setError(e);
      if (always && done) done();
    } finally {
      setBusy(false);
    }
  };
  return html`<span class="action">
    <button class=${danger ? 'danger' : ''} disabled=${busy} onClick=${click} data-testid=${testid}>${label}</button>
    <${ErrorBox} error=${error} />
  </span>`;
}

export function time(value) {
  if (!value || value.startsWith('0001-')) return '—';
  return value.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function Table({ columns, rows, empty = 'Nothing yet.', rowKey = (r) => r.id, testid }) {
  if (!rows || rows.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<table data-testid=${testid}>
    <thead><tr>${columns.map((c) => html`<th>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr key=${rowKey(r)}>${columns.map((c) => html`<td>${c.render ? c.render(r) : r[c.key]}</td>`)}</tr>`)}</tbody>
  </table>`;
}
