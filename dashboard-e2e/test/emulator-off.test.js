'use strict';
// With --emulator false the dashboard hides what needs the emulator (its pages, joining a peer) and keeps the rest.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const hundred = require('../lib/hundred');
const { launch } = require('../lib/browser');

const ACCESS_KEY = 'e2e-prod-key';
const SECRET = 'e2e-prod-secret-0123456789';

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([
    hundred.start({ accessKey: ACCESS_KEY, secret: SECRET, extra: ['--emulator', 'false'] }),
    launch(),
  ]);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

test('the emulator pages and controls are hidden, the rest is there', async () => {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/dashboard/`);
  await page.locator('input[name=access_key]').fill(ACCESS_KEY);
  await page.locator('input[name=secret]').fill(SECRET);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Rooms' }).waitFor();
  const nav = await page.locator('nav a').allInnerTexts();
  assert.deepEqual(nav, ['Rooms', 'Templates', 'Sessions', 'Recordings & streams', 'Webhooks', 'API reference']);

  await page.locator('form[aria-label="Create room"] input[name=name]').fill('prod-room');
  await page.getByRole('button', { name: 'Create room' }).click();
  await page.getByTestId('rooms').getByRole('link', { name: 'prod-room' }).click();
  await page.getByRole('heading', { name: 'Live peers' }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'Join a peer' }).count(), 0, 'no emulator join form');

  await page.evaluate(() => { location.hash = '#/emulator'; });
  await page.waitForFunction(() => location.hash === '#/emulator');
  assert.equal(await page.getByRole('heading', { name: 'Emulator' }).count(), 0, 'no emulator page');

  // The one document, as this server serves it: without the emulator's paths.
  await page.evaluate(() => { location.hash = '#/reference'; });
  await page.getByTestId('reference').waitFor();
  await page.getByTestId('reference-server').waitFor();
  assert.equal(await page.getByTestId('reference-emulator').count(), 0, 'no emulator section');
  assert.equal(await page.locator('code', { hasText: /^\/emulator\// }).count(), 0, 'no /emulator path');
});
