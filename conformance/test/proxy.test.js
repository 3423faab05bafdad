'use strict';
// The SDK with its default base URL https://api.100ms.live/v2, sent to Hundred through HTTPS_PROXY:
// axios then writes absolute-form request targets over plain HTTP to the proxy address, which is
// Hundred itself. No request may leave loopback, so:
//   1. the child runs under lib/loopback-guard.js (no connection or DNS lookup except 127.0.0.1/::1);
//   2. first, a sentinel run with the same environment recipe points HTTPS_PROXY at a throwaway local
//      HTTP server that records the request target; only when that proves axios honoured the proxy
//      does the real pass run, pointed at Hundred.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { startServer } = require('../lib/server');

const CHILD = path.resolve(__dirname, '../proxy/sdk-pass.js');
let server;
let proxyHonoured = false;

before(async () => { server = await startServer({ name: 'proxy' }); });
after(async () => { if (server) await server.stop(); });

/** The child's environment: ours, minus every proxy setting and HMS_* variable, plus HTTPS_PROXY=http://127.0.0.1:port. */
function proxyEnv(port, credentials) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(https?|all|no|ftp)_proxy$/i.test(k)) continue;
    if (/^HMS_/.test(k) || k === 'NODE_TEST_CONTEXT' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  const proxy = `http://127.0.0.1:${port}`;
  env.HTTPS_PROXY = proxy;
  env.https_proxy = proxy;
  env.CONF_ACCESS_KEY = credentials.accessKey;
  env.CONF_SECRET = credentials.secret;
  return env;
}

function runChild(mode, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, mode], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const checks = stdout.split('\n').filter((l) => l.startsWith('{"check"')).map((l) => JSON.parse(l));
      resolve({ code, signal, checks, stdout, stderr });
    });
  });
}

test('guard: the child process cannot connect past loopback (checked harmlessly against 0.0.0.0)', async () => {
  const env = proxyEnv(1, server);
  delete env.HTTPS_PROXY;
  delete env.https_proxy;
  const run = await runChild('guard', env);
  assert.deepEqual(run.checks.filter((c) => !c.ok), [], `${run.stdout}\n${run.stderr}`);
  assert.equal(run.checks.length, 1, run.stdout);
  assert.equal(run.code, 0, `child exit ${run.code} ${run.signal}\n${run.stderr}`);
});

test('sentinel: with HTTPS_PROXY set, axios sends https://api.100ms.live requests to the proxy, in absolute form', async () => {
  const seen = [];
  const sentinel = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, host: req.headers.host, authorization: req.headers.authorization });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"limit":10,"data":null,"last":""}');
  });
  await new Promise((resolve) => sentinel.listen(0, '127.0.0.1', resolve));
  try {
    const run = await runChild('sentinel', proxyEnv(sentinel.address().port, server));
    const failed = run.checks.filter((c) => !c.ok);
    assert.deepEqual(failed, [], `child checks failed:\n${run.stdout}\n${run.stderr}`);
    assert.equal(run.code, 0, `child exit ${run.code} ${run.signal}\n${run.stdout}\n${run.stderr}`);
    assert.equal(seen.length, 1, `the sentinel proxy saw: ${JSON.stringify(seen)}`);
    assert.equal(seen[0].method, 'GET');
    assert.equal(seen[0].url, 'https://api.100ms.live/v2/rooms', 'absolute-form request target');
    assert.equal(seen[0].host, 'api.100ms.live');
    assert.match(seen[0].authorization, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    proxyHonoured = true;
  } finally {
    await new Promise((resolve) => sentinel.close(resolve));
  }
});

test('through HTTPS_PROXY: the SDK with its default base URL works against Hundred', async (t) => {
  if (!proxyHonoured) {
    assert.fail('the sentinel did not prove that axios honours HTTPS_PROXY: not sending anything');
  }
  const run = await runChild('hundred', proxyEnv(server.port, server));
  assert.ok(run.checks.length > 0, `the child reported nothing:\n${run.stdout}\n${run.stderr}`);
  for (const c of run.checks) {
    await t.test(c.check, () => { if (!c.ok) assert.fail(c.error); });
  }
  assert.equal(run.code, 0, `child exit ${run.code} ${run.signal}\n${run.stderr}`);
});
