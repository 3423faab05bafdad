// The emulator's controls: the clock, a media job, fault rules, the workspace webhook, and joining a peer.
import { useState } from 'preact/hooks';
import { del, get, post } from '../api.js';
import { html, useLoad, Loading, Table, Action, ErrorBox, Json, time } from '../ui.js';

/** A form whose submit posts what body(form) makes; shows the answer or the error. */
function Control({ label, name, body, path, done, children }) {
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    setAnswer(null);
    try {
      const form = new FormData(e.target);
      const result = await post(typeof path === 'function' ? path(form) : path, body(form));
      setAnswer(result);
      if (done) done(result);
    } catch (failure) {
      setError(failure);
    }
  };
  return html`<form class="row" onSubmit=${submit} aria-label=${name}>
    ${children}<button type="submit">${label}</button>
    <${ErrorBox} error=${error} />
    ${answer && html`<details open><summary>answer</summary><${Json} value=${answer} /></details>`}
  </form>`;
}

function Clock() {
  const clock = useLoad(() => get('/emulator/v1/clock'), []);
  return html`<div class="card"><h2>Clock</h2>
    <${Loading} state=${clock}>${clock.data && html`<p>Now <strong data-testid="clock-now">${time(clock.data.now)}</strong>
      ${clock.data.frozen ? html`<span class="badge">frozen</span>` : ''}</p>`}<//>
    <${Control} name="Move the clock" label="Advance" path="/emulator/v1/clock" done=${clock.reload}
      body=${(f) => ({ advance_seconds: Number(f.get('seconds')) })}>
      <label>Seconds <input name="seconds" type="number" step="any" min="0" value="60" /></label>
    <//>
    <${Action} label=${clock.data?.frozen ? 'Run again' : 'Freeze'} run=${() => post('/emulator/v1/clock', { frozen: !clock.data?.frozen })} done=${clock.reload} />
  </div>`;
}

function Job() {
  const [job, setJob] = useState(null);
  const [error, setError] = useState(null);
  const look = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      setJob(await get(`/emulator/v1/jobs/${encodeURIComponent(new FormData(e.target).get('job_id').trim())}`));
    } catch (failure) {
      setError(failure);
    }
  };
  const again = () => get(`/emulator/v1/jobs/${job.id}`).then(setJob);
  return html`<div class="card"><h2>Media job</h2>
    <form class="row" onSubmit=${look} aria-label="Find a job"><label>Job id (a recording's or stream's id) <input name="job_id" /></label><button type="submit">Show</button></form>
    <${ErrorBox} error=${error} />
    ${job && html`<p><code>${job.id}</code> ${job.kind}: <strong>${job.status}</strong></p>
      <${Action} label="Advance" run=${() => post(`/emulator/v1/jobs/${job.id}/advance`)} done=${again} />
      <${Action} label="Fail" danger run=${() => post(`/emulator/v1/jobs/${job.id}/fail`, { error_type: 'INTERNAL_ERROR' })} done=${again} />`}
    <p class="muted">Each job also has Advance and Fail beside it on Recordings & streams.</p>
  </div>`;
}

function Faults() {
  const faults = useLoad(() => get('/emulator/v1/faults'), []);
  return html`<div class="card"><h2>Faults</h2>
    <${Control} name="Add a fault" label="Add fault" path="/emulator/v1/faults" done=${faults.reload}
      body=${(f) => ({ method: f.get('method'), path: f.get('path'), status: Number(f.get('status')),
        times: f.get('times') ? Number(f.get('times')) : undefined })}>
      <label>Method <select name="method"><option>*</option><option>GET</option><option>POST</option><option>DELETE</option></select></label>
      <label>Path <input name="path" value="/v2/rooms" required /></label>
      <label>Status <input name="status" type="number" value="503" size="4" /></label>
      <label>Times <input name="times" type="number" min="1" placeholder="always" size="4" /></label>
    <//>
    <${Loading} state=${faults}>
      <${Table} testid="faults" rows=${faults.data?.faults} empty="No fault rules." columns=${[
        { label: 'Method', key: 'method' },
        { label: 'Path', render: (r) => html`<code>${r.path}</code>` },
        { label: 'Status', key: 'status' },
        { label: 'Left', render: (r) => r.times ?? '∞' },
        { label: '', render: (r) => html`<${Action} label="Delete" run=${() => del(`/emulator/v1/faults/${r.id}`)} done=${faults.reload} />` },
      ]} />
    <//>
    <${Action} label="Delete all" danger run=${() => del('/emulator/v1/faults')} done=${faults.reload} />
  </div>`;
}

function Webhook() {
  const webhook = useLoad(() => get('/emulator/v1/webhook').catch((e) => (e.status === 404 ? null : Promise.reject(e))), []);
  return html`<div class="card"><h2>Workspace webhook</h2>
    <${Loading} state=${webhook}><p>${webhook.data?.url ? html`Sends to <code>${webhook.data.url}</code>` : 'None configured.'}</p><//>
    <${Control} name="Set the webhook" label="Set" path="/emulator/v1/webhook" done=${webhook.reload}
      body=${(f) => ({ url: f.get('url') })}>
      <label>URL <input name="url" type="url" placeholder="http://127.0.0.1:9000/hook" required /></label>
    <//>
  </div>`;
}

function JoinPeer() {
  return html`<div class="card"><h2>Join a peer</h2>
    <${Control} name="Join a peer" label="Join" path=${(f) => `/emulator/v1/rooms/${encodeURIComponent(f.get('room_id').trim())}/peers`}
      body=${(f) => ({ role: f.get('role'), name: f.get('name') || undefined })}>
      <label>Room id <input name="room_id" required /></label>
      <label>Role <input name="role" value="host" required /></label>
      <label>Name <input name="name" /></label>
    <//>
  </div>`;
}

export function Emulator() {
  return html`<section>
    <h1>Emulator</h1>
    <div class="cards"><${Clock} /><${Job} /><${JoinPeer} /><${Webhook} /><${Faults} /></div>
  </section>`;
}
