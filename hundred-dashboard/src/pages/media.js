// Recordings, live streams and external streams with their state, and the assets they left, downloadable
// through their presigned links (the emulator's job controls beside each job when it is on). A running live
// stream plays in the page.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api.js';
import { html, useLoad, Loading, Table, Action, time } from '../ui.js';

const STATE = { completed: 'ok', failed: 'bad' };
const badge = (s) => html`<span class="badge ${STATE[s] || ''}">${s}</span>`;

async function download(asset) {
  const { url } = await get(`/v2/recording-assets/${asset.id}/presigned-url?presign_duration=600`);
  const link = document.createElement('a');
  link.href = url;
  link.download = asset.path.split('/').pop() || asset.id;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

// Chromium (Debian's 156 here, headless too), Safari and Edge play HLS themselves, and the streams are fMP4 with H.264
// and AAC, so a <video> needs no player library (hls.js) here. A browser that plays none says so.
const NATIVE_HLS = typeof document !== 'undefined'
  && document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';

// Chromium's HLS fails (DEMUXER_ERROR_COULD_NOT_PARSE) when it opens a live playlist listing fewer than two
// segments, what a stream shows for its first 4 s, so the <video> gets its source once the first rendition
// lists three (RFC 8216 §6.3.3: a client starts no closer than three target durations to the live end).
async function segmentsListed(masterUrl, cancelled) {
  const master = await (await fetch(masterUrl)).text();
  const variant = new URL(master.split('\n').find((l) => l && !l.startsWith('#')), masterUrl);
  while (!cancelled()) {
    if ((await (await fetch(variant)).text()).split('#EXTINF').length > 3) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function Player({ stream, close }) {
  const [ready, setReady] = useState(false);
  const [error, setError] = useState(null);
  useEffect(() => {
    let cancelled = false;
    if (NATIVE_HLS) {
      segmentsListed(stream.playback.url, () => cancelled)
        .then((listed) => { if (listed && !cancelled) setReady(true); }, (e) => setError(String(e)));
    }
    return () => { cancelled = true; };
  }, [stream.playback.url]);
  return html`<div class="player" data-testid="player">
    <p>Playing <code>${stream.id}</code> (${stream.playback.url.split('/').pop()}) <button type="button" onClick=${close}>Close</button></p>
    ${!NATIVE_HLS
      ? html`<p class="muted">This browser plays no HLS by itself: open the m3u8 link in a player (VLC, ffplay, Safari).</p>`
      : error ? html`<p role="alert">${error}</p>`
      : ready ? html`<video data-testid="hls-video" src=${stream.playback.url} controls muted autoplay playsinline width="640"></video>`
      : html`<p class="muted">Waiting for the first segments…</p>`}
  </div>`;
}

function Jobs({ title, path, testid, reloadAll, emulator, playable }) {
  const jobs = useLoad(() => get(`${path}?limit=50`), [path]);
  const [playing, setPlaying] = useState(null);
  return html`<h2>${title}</h2>
    <${Loading} state=${jobs}>
      <${Table} testid=${testid} rows=${jobs.data?.data} empty="None." columns=${[
        { label: 'Id', render: (j) => html`<code>${j.id}</code>` },
        { label: 'Room', render: (j) => html`<a href="#/rooms/${j.room_id}"><code>${j.room_id}</code></a>` },
        { label: 'State', render: (j) => badge(j.status) },
        { label: 'Started', render: (j) => time(j.started_at) },
        { label: 'Stopped', render: (j) => time(j.stopped_at) },
        { label: 'Playback', render: (j) => (j.playback?.url ? html`<a href=${j.playback.url}>m3u8</a>
          ${playable && j.status === 'running' && html` <button type="button" data-testid="play" onClick=${() => setPlaying(j)}>Play</button>`}` : '') },
        { label: '', render: (j) => html`
          ${!['completed', 'failed', 'stopping', 'post_processing'].includes(j.status) &&
            html`<${Action} label="Stop" run=${() => post(`${path}/${j.id}/stop`)} done=${jobs.reload} />`}
          ${emulator && !['completed', 'failed'].includes(j.status) && html`
            <${Action} label="Advance" testid="advance" always run=${() => post(`/emulator/v1/jobs/${j.id}/advance`)} done=${() => { jobs.reload(); reloadAll(); }} />
            <${Action} label="Fail" danger always run=${() => post(`/emulator/v1/jobs/${j.id}/fail`, {})} done=${jobs.reload} />`}` },
      ]} />
      ${playing && html`<${Player} key=${playing.id} stream=${playing} close=${() => setPlaying(null)} />`}
    <//>`;
}

export function Media({ session }) {
  const assets = useLoad(() => get('/v2/recording-assets?limit=100'), []);
  const emulator = session?.emulator;
  return html`<section>
    <h1>Recordings & streams</h1>
    <${Jobs} title="Recordings" path="/v2/recordings" testid="recordings" reloadAll=${assets.reload} emulator=${emulator} />
    <${Jobs} title="Live streams (HLS)" path="/v2/live-streams" testid="live-streams" reloadAll=${assets.reload} emulator=${emulator} playable />
    <${Jobs} title="External streams (RTMP)" path="/v2/external-streams" testid="external-streams" reloadAll=${assets.reload} emulator=${emulator} />
    <h2>Assets</h2>
    <${Loading} state=${assets}>
      <${Table} testid="assets" rows=${assets.data?.data} empty="No assets yet." columns=${[
        { label: 'Type', key: 'type' },
        { label: 'Job', render: (a) => html`<code>${a.job_id}</code>` },
        { label: 'State', render: (a) => badge(a.status) },
        { label: 'Size', render: (a) => `${a.size} B` },
        { label: 'File', render: (a) => html`<code title=${a.path}>${a.path.split('/').pop()}</code>` },
        { label: '', render: (a) => html`<${Action} label="Download" testid="download" run=${() => download(a)} />` },
      ]} />
    <//>
  </section>`;
}
