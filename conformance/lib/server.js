'use strict';
// Starts the built Hundred jar on a free loopback port with a throwaway in-memory database,
// and stops it again. One server per test file (node --test runs each file in its own process).

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const MODULE_DIR = path.resolve(__dirname, '..');
const JAR = process.env.HUNDRED_JAR
  ? path.resolve(process.env.HUNDRED_JAR)
  : path.resolve(MODULE_DIR, '../hundred-server/target/hundred-server.jar');
const LOG_DIR = path.join(MODULE_DIR, 'target', 'server-logs');
const STARTUP_TIMEOUT_MS = 30_000;

/** The java executable: HUNDRED_JAVA, else Temurin 25 when installed, else JAVA_HOME, else PATH. */
function javaExecutable() {
  if (process.env.HUNDRED_JAVA) return process.env.HUNDRED_JAVA;
  const temurin = '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';
  if (fs.existsSync(temurin)) return temurin;
  if (process.env.JAVA_HOME) {
    const fromHome = path.join(process.env.JAVA_HOME, 'bin', 'java');
    if (fs.existsSync(fromHome)) return fromHome;
  }
  return 'java';
}

/** A 24-hex access key, like the cloud's. */
function newAccessKey() {
  return crypto.randomBytes(12).toString('hex');
}

/** A secret in the cloud's style (base64-ish, 44+ chars). */
function newSecret() {
  return crypto.randomBytes(33).toString('base64').replace(/[+/=]/g, 'x');
}

/**
 * Starts `java -jar hundred-server.jar serve --host 127.0.0.1 --port 0 --db mem ...` and resolves once
 * it printed `listening on http://127.0.0.1:<port>`.
 * @returns {Promise<{port:number, origin:string, baseURL:string, accessKey:string, secret:string,
 *   stop:()=>Promise<void>, output:()=>string}>}
 */
async function startServer({ name = 'server', accessKey = newAccessKey(), secret = newSecret(), extraArgs = [] } = {}) {
  if (!fs.existsSync(JAR)) {
    throw new Error(`server jar not found at ${JAR}: build it first (mvn -B -q -DskipTests package -pl hundred-server -am)`);
  }
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logPath = path.join(LOG_DIR, `${name}.log`);
  const log = fs.createWriteStream(logPath);

  // The server reads every flag from HUNDRED_* too: do not let the caller's environment leak in.
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('HUNDRED_')) env[k] = v;
  }
  const args = [
    '-jar', JAR, 'serve',
    '--host', '127.0.0.1', '--port', '0', '--db', 'mem',
    '--access-key', accessKey, '--secret', secret,
    ...extraArgs,
  ];
  const proc = spawn(javaExecutable(), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  // Never leave a JVM behind, even if the test process dies without running its hooks.
  const killOnExit = () => { if (!exited) proc.kill('SIGKILL'); };
  process.on('exit', killOnExit);

  const port = await new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`server did not print "listening on" within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    function finish(err, value) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        proc.kill('SIGKILL');
        err.message += `\n--- server output (${logPath}) ---\n${output.slice(-4000)}`;
        reject(err);
      } else {
        resolve(value);
      }
    }
    const onData = (chunk) => {
      const text = chunk.toString('utf8');
      output += text;
      log.write(text);
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) finish(null, Number(m[1]));
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('error', (err) => finish(err));
    exitPromise.then(({ code, signal }) => finish(new Error(`server exited before listening (code ${code}, signal ${signal})`)));
  });

  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    baseURL: `${origin}/v2`,
    accessKey,
    secret,
    output: () => output,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (!exited) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exitPromise;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}

module.exports = { startServer, newAccessKey, newSecret, javaExecutable, JAR };
