'use strict';
// Makes this Node process unable to open a TCP connection or resolve a name anywhere but the
// loopback addresses 127.0.0.1 and ::1. Load it before anything that talks to the network.
// The proxy pass runs the SDK with its default base URL https://api.100ms.live/v2: should axios
// ever ignore HTTPS_PROXY, the connection is refused here, before any DNS query or packet.

const net = require('node:net');
const dns = require('node:dns');

const LOOPBACK = new Set(['127.0.0.1', '::1']);

class NonLoopbackError extends Error {
  constructor(target) {
    super(`loopback guard: refused to contact ${target} (only 127.0.0.1 and ::1 are allowed)`);
    this.code = 'ENONLOOPBACK';
  }
}

function targetOf(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // net.createConnection passes its normalized [options, cb]
  if (first && typeof first === 'object') {
    if (first.path) return { ok: false, target: `ipc:${first.path}` };
    const host = first.host === undefined ? 'localhost' : String(first.host);
    return { ok: LOOPBACK.has(host), target: `${host}:${first.port}` };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = typeof args[1] === 'string' ? args[1] : 'localhost';
    return { ok: LOOPBACK.has(host), target: `${host}:${first}` };
  }
  return { ok: false, target: String(first) };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const { ok, target } = targetOf(args);
  if (!ok) throw new NonLoopbackError(target);
  return originalConnect.apply(this, args);
};

function guardLookup(original) {
  return function guardedLookup(hostname, ...rest) {
    if (!LOOPBACK.has(hostname)) throw new NonLoopbackError(`dns:${hostname}`);
    return original.call(this, hostname, ...rest);
  };
}
dns.lookup = guardLookup(dns.lookup);
dns.promises.lookup = guardLookup(dns.promises.lookup);
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveSrv', 'resolveTxt']) {
  dns[name] = () => { throw new NonLoopbackError(`dns:${name}`); };
  dns.promises[name] = () => { throw new NonLoopbackError(`dns:${name}`); };
}

/** Proves the guard is in the path net.connect takes, without any risk: 0.0.0.0 is this host anyway. */
function selfTest() {
  try {
    const socket = net.connect(9, '0.0.0.0');
    socket.destroy();
  } catch (e) {
    if (e instanceof NonLoopbackError) return;
    throw e;
  }
  throw new Error('loopback guard is not active');
}

module.exports = { selfTest, NonLoopbackError, LOOPBACK };
