// The dashboard: a sign-in form until the session is known, then a page per hash route (#/rooms, ...).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, get, post, useCsrf, whenSignedOut } from './api.js';
import { html, ErrorBox } from './ui.js';
import { Rooms } from './pages/rooms.js';
import { Room } from './pages/room.js';
import { Templates, Template } from './pages/templates.js';
import { Sessions } from './pages/sessions.js';
import { Media } from './pages/media.js';
import { Webhooks } from './pages/webhooks.js';
import { Journal, Inbox } from './pages/journal.js';
import { Emulator } from './pages/emulator.js';
import { Reference } from './pages/reference.js';
import './style.css';

const PAGES = [
  { path: 'rooms', label: 'Rooms' },
  { path: 'templates', label: 'Templates' },
  { path: 'sessions', label: 'Sessions' },
  { path: 'media', label: 'Recordings & streams' },
  { path: 'webhooks', label: 'Webhooks' },
  { path: 'journal', label: 'Request journal', emulator: true },
  { path: 'inbox', label: 'Event inbox', emulator: true },
  { path: 'emulator', label: 'Emulator', emulator: true },
  { path: 'reference', label: 'API reference' },
];

function useHash() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
}

function SignIn({ signedIn }) {
  const [mode, setMode] = useState('key');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const body = mode === 'key'
      ? { access_key: form.get('access_key'), secret: form.get('secret') }
      : { token: form.get('token') };
    setError(null);
    try {
      signedIn(await post('/dashboard/api/sign-in', body));
    } catch (failure) {
      setError(failure);
    }
  };
  return html`<main class="signin">
    <h1>Hundred</h1>
    <form onSubmit=${submit} aria-label="Sign in">
      <p>
        <label><input type="radio" name="mode" checked=${mode === 'key'} onChange=${() => setMode('key')} /> Access key and secret</label>
        <label><input type="radio" name="mode" checked=${mode === 'token'} onChange=${() => setMode('token')} /> Management token</label>
      </p>
      ${mode === 'key'
        ? html`<label>Access key <input name="access_key" autocomplete="username" required /></label>
               <label>Secret <input name="secret" type="password" autocomplete="current-password" required /></label>`
        : html`<label>Management token <textarea name="token" rows="4" required></textarea></label>`}
      <button type="submit">Sign in</button>
      <${ErrorBox} error=${error} />
    </form>
  </main>`;
}

function Page({ route, session }) {
  const [name, id] = route;
  switch (name) {
    case 'rooms': return id ? html`<${Room} id=${id} session=${session} />` : html`<${Rooms} />`;
    case 'templates': return id ? html`<${Template} id=${id} />` : html`<${Templates} />`;
    case 'sessions': return html`<${Sessions} roomId=${id} />`;
    case 'media': return html`<${Media} session=${session} />`;
    case 'webhooks': return html`<${Webhooks} />`;
    case 'journal': return session.emulator ? html`<${Journal} />` : null;
    case 'inbox': return session.emulator ? html`<${Inbox} />` : null;
    case 'emulator': return session.emulator ? html`<${Emulator} />` : null;
    case 'reference': return html`<${Reference} session=${session} />`;
    default: location.hash = '#/rooms'; return null;
  }
}

function App() {
  const [session, setSession] = useState(undefined);
  const route = useHash();
  useEffect(() => {
    whenSignedOut(() => setSession(null));
    get('/dashboard/api/session').then(setSession, () => setSession(null));
  }, []);
  useEffect(() => useCsrf(session ? session.csrf_token : null), [session]);
  if (session === undefined) return html`<p class="muted">Loading…</p>`;
  if (session === null) {
    return html`<${SignIn} signedIn=${(s) => { useCsrf(s.csrf_token); setSession(s); }} />`;
  }
  useCsrf(session.csrf_token);
  const signOut = async () => {
    await api('POST', '/dashboard/api/sign-out');
    setSession(null);
  };
  return html`<div class="layout">
    <nav>
      <div class="brand">Hundred</div>
      <div class="workspace" title="access key">${session.workspace || session.access_key}</div>
      ${PAGES.filter((p) => !p.emulator || session.emulator).map((p) =>
        html`<a href="#/${p.path}" class=${route[0] === p.path ? 'current' : ''}>${p.label}</a>`)}
      <button class="link" onClick=${signOut}>Sign out</button>
    </nav>
    <main><${Page} route=${route} session=${session} /></main>
  </div>`;
}

render(html`<${App} />`, document.getElementById('app'));
