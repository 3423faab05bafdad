'use strict';
// Minimal HS256 JWT minting and checking with node:crypto, so that tests can make tokens the SDK
// would never make (expired, wrong key, wrong type, alg none) and check the ones the server mints.

const crypto = require('node:crypto');

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function sign(payload, secret, header = { alg: 'HS256', typ: 'JWT' }) {
  const signingInput = `${b64url(header)}.${b64url(payload)}`;
  if (header.alg === 'none') return `${signingInput}.`;
  const sig = crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(signingInput).digest('base64url');
  return `${signingInput}.${sig}`;
}

function decode(token) {
  const [h, p] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
  };
}

/** True when `token` is an HS256 JWT whose signature checks out against `secret`. */
function verifies(token, secret) {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const expected = crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Management token claims as in spec §2.1, with overrides. */
function managementClaims(accessKey, overrides = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    access_key: accessKey,
    type: 'management',
    version: 2,
    iat: now - 10,
    nbf: now - 10,
    exp: now + 3600,
    jti: crypto.randomUUID(),
    ...overrides,
  };
}

module.exports = { sign, decode, verifies, managementClaims };
