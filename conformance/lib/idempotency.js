'use strict';
// Idempotency keys and rate limits (docs/idempotency-and-rate-limits.md): an Idempotency-Key header on the
// requests the official SDK sends (its own axios and its typed methods), and Hundred's emulator clock, which
// the rate limit's bucket follows, moved with the SDK's own management token.

const { raw } = require('./hms');

/**
 * Runs `fn` with `Idempotency-Key: key` on every request the SDK's axios sends meanwhile. SDK 0.3.0's own
 * request interceptor replaces `config.headers` with its Authorization/Accept/Content-Type set, so a header
 * given per request or by a user's interceptor never leaves; below the interceptors, at the adapter, it does.
 */
async function withKey(hms, key, fn) {
  const axios = hms.api.axios;
  const inner = axios.defaults.adapter;
  axios.defaults.adapter = (config) => {
    if (typeof config.headers.set === 'function') config.headers.set('Idempotency-Key', key);
    else config.headers['Idempotency-Key'] = key;
    return inner(config);
  };
  try {
    return await fn();
  } finally {
    axios.defaults.adapter = inner;
  }
}

/** The server clock (GET/POST /emulator/v1/clock) through fetch, with the SDK's management token. */
class Clock {
  constructor(server, hms) {
    this.server = server;
    this.hms = hms;
  }

  async set(body) {
    const { token } = await this.hms.auth.getManagementToken();
    const res = await raw(this.server, 'POST', '/emulator/v1/clock', { token, body });
    if (res.status !== 200) throw new Error(`clock ${JSON.stringify(body)} -> ${res.status} ${res.text}`);
    return res.json;
  }

  freeze() {
    return this.set({ frozen: true });
  }

  advance(seconds) {
    return this.set({ advance_seconds: seconds });
  }
}

module.exports = { withKey, Clock };
