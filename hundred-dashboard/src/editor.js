// A JSON editor that shows each error at the line it is about: the API's details at the field they name
// ("roles.host.publishParams.audio.bitRate must be between 16 and 128"), a syntax error at its line and column.
// A plain textarea over a backdrop that repeats its text invisibly, so that a marked line can be tinted and its
// message written after the line's end; line numbers in a gutter beside it. No editor library.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { post } from './api.js';
import { html } from './ui.js';
import { fieldOf, locate } from './jsonpos.js';

/** Must match the editor's line-height in style.css: a jump to a line scrolls by it. */
const LINE_PX = 20;

/**
 * What to show: {title, items}, each item {text} and, when it is at a place in the text, {line, column, offset,
 * note} (note: what is written beside the line). Details that name no field of the text have no line.
 */
function problemsOf(text, located, failure, syntax) {
  if (syntax) {
    const e = located.error;
    if (e) {
      return { title: 'Not JSON', items: [{ ...e, note: `${e.message} (column ${e.column})`,
        text: `line ${e.line}, column ${e.column}: ${e.message}` }] };
    }
    try {
      JSON.parse(text);
      return null; // fixed since the save was refused
    } catch (native) {
      return { title: 'Not JSON', items: [{ text: native.message }] }; // a case the locator let through
    }
  }
  if (!failure) return null;
  const body = failure.body || {};
  const details = Array.isArray(body.details) ? body.details : [];
  return {
    title: `${body.code || failure.status || ''} ${body.message || failure.message}`.trim(),
    items: details.map((d) => {
      const field = fieldOf(d, located.paths);
      return field ? { ...field, note: field.rule, text: `line ${field.line}: ${d}` } : { text: String(d) };
    }),
  };
}

/**
 * Edits initial as JSON text and posts the text as typed (so the API judges what was written, and the places
 * it names are places in this text); saved(answer) after a 2xx.
 */
export function JsonEditor({ label, initial, path, saved, testid }) {
  const [text, setText] = useState(JSON.stringify(initial, null, 2));
  const [failure, setFailure] = useState(null);
  const [syntax, setSyntax] = useState(false);
  const [ok, setOk] = useState(false);
  const area = useRef(null);
  const gutter = useRef(null);
  const backdrop = useRef(null);
  // Read again on every edit, so marks follow their field while the text above them changes.
  const located = useMemo(() => locate(text), [text]);
  const problems = useMemo(() => problemsOf(text, located, failure, syntax), [text, located, failure, syntax]);
  const byLine = new Map();
  for (const p of problems?.items || []) {
    if (p.line) byLine.set(p.line, [...(byLine.get(p.line) || []), p]);
  }
  const errorsId = `${testid}-errors`;

  const sync = () => {
    const t = area.current;
    if (!t) return;
    gutter.current.style.transform = `translateY(${-t.scrollTop}px)`;
    backdrop.current.style.transform = `translate(${-t.scrollLeft}px, ${-t.scrollTop}px)`;
  };
  useLayoutEffect(sync);

  const jump = (p) => {
    const t = area.current;
    t.focus();
    t.setSelectionRange(p.offset, p.offset);
    t.scrollTop = Math.max(0, (p.line - 3) * LINE_PX);
    sync();
  };

  const save = async () => {
    setOk(false);
    setFailure(null);
    try {
      JSON.parse(text);
    } catch {
      setSyntax(true);
      return;
    }
    setSyntax(false);
    try {
      const answer = await post(path, text);
      setOk(true);
      setText(JSON.stringify(answer, null, 2));
      if (saved) saved(answer);
    } catch (e) {
      setFailure(e);
    }
  };

  const lines = text.split('\n');
  return html`<div data-testid=${testid}>
    <div class="json-editor">
      <div class="gutter" aria-hidden="true" style=${{ width: `${String(lines.length).length + 2.5}ch` }}><div ref=${gutter}>${lines.map((_, n) => {
        const marks = byLine.get(n + 1);
        return html`<div class=${marks ? 'ln bad' : 'ln'} title=${marks ? marks.map((m) => m.note).join('\n') : undefined}>${n + 1}</div>`;
      })}</div></div>
      <div class="code">
        <div class="backdrop" aria-hidden="true"><div ref=${backdrop}>${lines.map((l, n) => {
          const marks = byLine.get(n + 1);
          if (!marks) return html`<div class="line">${l}</div>`;
          return html`<div class="line bad" data-line=${n + 1}>${l}<span class="note" data-testid="field-error"
            data-line=${n + 1}>${marks.map((m) => m.note).join('; ')}</span></div>`;
        })}</div></div>
        <textarea ref=${area} aria-label=${label} value=${text} wrap="off" spellcheck="false"
          aria-invalid=${problems ? 'true' : undefined} aria-describedby=${problems ? errorsId : undefined}
          onInput=${(e) => { setText(e.target.value); setOk(false); }} onScroll=${sync}></textarea>
      </div>
    </div>
    <div class="row"><button onClick=${save}>Save ${label}</button>${ok && html`<span class="badge ok">saved</span>`}</div>
    ${problems && html`<div class="error" role="alert" id=${errorsId}>
      <strong>${problems.title}</strong>
      ${problems.items.length > 0 && html`<ul class="details">${problems.items.map((p) => html`<li>${p.line
        ? html`<button class="goto" onClick=${() => jump(p)}>${p.text}</button>`
        : p.text}</li>`)}</ul>`}
    </div>`}
  </div>`;
}
