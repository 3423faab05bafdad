'use strict';
// Debian's Chromium, headless, driven by playwright-core (which brings no browser of its own), with a fresh
// profile each run.

const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hundred-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A full-page screenshot named NAME.png: into docs/screenshots/ (the README's) with UPDATE_SCREENSHOTS=1, else
 * into target/screenshots/, so that a test run does not change committed files.
 */
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.resolve(__dirname, '../../docs/screenshots')
  : path.resolve(__dirname, '../target/screenshots');

async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

module.exports = { launch, screenshot };
