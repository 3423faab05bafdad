'use strict';
// Starts the built server jar on a free port (in-memory database) and calls its API with a management
// token minted here (HS256 with node:crypto), for the set-up the browser tests need.

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const JAR = path.resolve(__dirname, '../../hundred-server/target/hundred-server.jar');
const STARTUP_TIMEOUT_MS = 90_000;

function java() {
  const temurin = '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';
  if (process.env.JAVA_HOME) return path.join(process.env.JAVA_HOME, 'bin', 'java');
  return fs.existsSync(temurin) ? temurin : 'java';
}

/** Resolves {url, stop()} once the server printed its `listening on` line. */
function start({ accessKey, secret, extra = [] }) {
  if (!fs.existsSync(JAR)) throw new Error(`${JAR} is missing: build hundred-server first`);
  const args = ['-jar', JAR, 'serve', '--host', '127.0.0.1', '--port', '0', '--db', 'mem',
    '--access-key', accessKey, '--secret', secret, ...extra];
  const proc = spawn(java(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`no "listening on" within ${STARTUP_TIMEOUT_MS} ms:\n${output.slice(-3000)}`));
    }, STARTUP_TIMEOUT_MS);
    const read = (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        proc.stdout.off('data', read);
        proc.stderr.off('data', read);
        resolve({
          url: m[1],
          stop: () => new Promise((done) => {
            if (proc.exitCode !== null) return done();
            proc.once('exit', done);
            proc.kill('SIGTERM');
          }),
        });
      }
    };
    proc.stdout.setEncoding('utf8').on('data', read);
    proc.stderr.setEncoding('utf8').on('data', read);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output.slice(-3000)}`));
    });
  });
}

const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function managementToken(accessKey, secret) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ access_key: accessKey, type: 'management', version: 2, iat: now, nbf: now, exp: now + 3600,
    jti: crypto.randomUUID() });
  const sig = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** The API as a backend calls it (bearer token), for setting the scene. Answers the JSON; throws on non-2xx. */
function client(url, accessKey, secret) {
  const token = managementToken(accessKey, secret);
  return async function call(method, p, body) {
    const res = await fetch(url + p, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

module.exports = { start, client };
