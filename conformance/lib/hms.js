'use strict';
// The official SDK pointed at a Hundred server, with a wire log of every HTTP exchange it makes
// (raw response text before the SDK turns `*_at` strings into Date objects), plus a raw HTTP helper.

const assert = require('node:assert/strict');
const HMS = require('@100mslive/server-sdk');
const { sign, managementClaims } = require('./jwt');

/**
 * Wraps the axios adapter of `axiosInstance` so that every request that really goes out is recorded:
 * { method, url, params, authorization, requestBody, status, statusText, raw, json() }.
 * Sits below the SDK's interceptors, so a 401 followed by the SDK's retry shows as two exchanges.
 */
function attachWireLog(axiosInstance) {
  const exchanges = [];
  const inner = axiosInstance.defaults.adapter;
  axiosInstance.defaults.adapter = function recordingAdapter(config) {
    const headers = config.headers || {};
    const ex = {
      method: String(config.method).toUpperCase(),
      baseURL: config.baseURL,
      url: config.url,
      params: config.params ? { ...config.params } : undefined,
      authorization: headers.Authorization || headers.authorization,
      requestBody: config.data,
      json() { return JSON.parse(this.raw); },
    };
    exchanges.push(ex);
    return inner(config).then(
      (res) => { ex.status = res.status; ex.statusText = res.statusText; ex.raw = res.data; ex.headers = res.headers; return res; },
      (err) => {
        if (err.response) {
          ex.status = err.response.status; ex.statusText = err.response.statusText; ex.raw = err.response.data; ex.headers = err.response.headers;
        } else {
          ex.error = err;
        }
        throw err;
      },
    );
  };
  return {
    exchanges,
    clear() { exchanges.length = 0; },
    last() { return exchanges[exchanges.length - 1]; },
    /** Runs fn and returns the exchanges it caused. */
    async during(fn) {
      const from = exchanges.length;
      let result;
      let error;
      try { result = await fn(); } catch (e) { error = e; }
      return { result, error, exchanges: exchanges.slice(from) };
    },
  };
}

/** An SDK instance aimed at `server` (its base URL unless `baseURL` is given), silent, with a wire log. */
function sdkFor(server, { baseURL = server.baseURL, accessKey = server.accessKey, secret = server.secret } = {}) {
  const hms = new HMS.SDK(accessKey, secret);
  hms.setLogLevel('silent');
  if (baseURL) hms.api.axios.defaults.baseURL = baseURL;
  const wire = attachWireLog(hms.api.axios);
  return { hms, wire };
}

/** A plain HTTP call with fetch, for what the SDK cannot send (no token, bad JSON, other methods). */
async function raw(server, method, path, { token, body, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (token === undefined) token = sign(managementClaims(server.accessKey), server.secret);
  if (token !== null) h.Authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${server.origin}${path}`, { method, headers: h, body: payload });
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, statusText: res.statusText, headers: res.headers, text, json };
}

/** Awaits a promise that must reject, and returns what it rejected with. */
async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected the call to fail, but it succeeded');
}

/** Every item of an SDK iterator, in order. */
async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

// Formats (spec §1.5, §1.6; decisions.md "Wire format").
const HEX24 = /^[0-9a-f]{24}$/;
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d*[1-9])?Z$/; // Go RFC3339Nano: no trailing zeros
const ROOM_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

/** Checks the documented error body: {"code": status, "message": "...", "details": [strings]}. */
function assertErrorBody(body, status, message) {
  assert.equal(typeof body, 'object', `error body must be a JSON object, got ${JSON.stringify(body)}`);
  assert.equal(body.code, status, `error body code: ${JSON.stringify(body)}`);
  if (message !== undefined) assert.equal(body.message, message, `error body message: ${JSON.stringify(body)}`);
  else assert.equal(typeof body.message, 'string');
  assert.ok(Array.isArray(body.details), `error body details must be an array: ${JSON.stringify(body)}`);
  for (const d of body.details) assert.equal(typeof d, 'string', `details entries are strings: ${JSON.stringify(body)}`);
}

module.exports = {
  HMS, sdkFor, attachWireLog, raw, rejection, collect, assertErrorBody,
  HEX24, UUID4, RFC3339_UTC, ROOM_CODE,
};
