'use strict';
// Editing a template or a role as JSON: what the API refuses is marked at the line of the field its detail names
// (gutter, tinted line, the message beside it, aria-invalid pointing at the list), a detail that names no field of
// the text is only listed, and a syntax error is marked at its line and column without anything being sent.
// Takes the template page's screenshot (template.png) with a nested field marked.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const hundred = require('../lib/hundred');
const { launch, screenshot } = require('../lib/browser');

const ACCESS_KEY = 'e2e-fields-key';
const SECRET = 'e2e-fields-secret-0123456789';
/** The editor's line height and top padding (style.css, .json-editor). */
const LINE_PX = 20;
const PAD_PX = 6;

let server;
let api;
let browser;
let page;
let templateId;
const posts = [];

before(async () => {
  [server, browser] = await Promise.all([hundred.start({ accessKey: ACCESS_KEY, secret: SECRET }), launch()]);
  api = hundred.client(server.url, ACCESS_KEY, SECRET);
  templateId = (await api('POST', '/v2/templates', { name: 'e2e-fields', roles: { host: {}, guest: {} } })).id;
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/v2/templates')) posts.push(r.url()); });
  await page.goto(`${server.url}/dashboard/`);
  await page.locator('input[name=access_key]').fill(ACCESS_KEY);
  await page.locator('input[name=secret]').fill(SECRET);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Rooms' }).waitFor();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function openTemplate() {
  // a fresh page each time: no editor left open or holding the last test's text
  await page.evaluate((h) => { location.hash = h; }, `#/templates/${templateId}`);
  await page.reload();
  await page.getByRole('heading', { name: 'The whole template' }).waitFor();
}

/** The one line of text holding needle, 1-based, and the offset of its first non-space character. */
function lineOf(text, needle) {
  const lines = text.split('\n');
  const found = lines.map((l, i) => (l.includes(needle) ? i : -1)).filter((i) => i >= 0);
  assert.equal(found.length, 1, `exactly one line holds ${needle}`);
  const before = lines.slice(0, found[0]).join('\n').length + (found[0] > 0 ? 1 : 0);
  return { line: found[0] + 1, offset: before + lines[found[0]].search(/\S/) };
}

/** Saves the editor, answering the API's JSON answer to that save. */
async function saveAndAnswer(editor, label, urlEnd) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(urlEnd)),
    editor.getByRole('button', { name: `Save ${label}` }).click(),
  ]);
  return { status: response.status(), body: await response.json() };
}

/** The marked line's box sits where the textarea draws that line (the backdrop follows its scrolling). */
async function assertDrawnAt(editor, textarea, line) {
  const box = await editor.locator(`.line.bad[data-line="${line}"]`).boundingBox();
  const area = await textarea.boundingBox();
  const scrollTop = await textarea.evaluate((t) => t.scrollTop);
  const expected = area.y + PAD_PX + (line - 1) * LINE_PX - scrollTop;
  assert.ok(Math.abs(box.y - expected) < 1.5, `line ${line} is drawn at y=${box.y}, its text at y=${expected}`);
  assert.ok(box.y >= area.y && box.y + LINE_PX <= area.y + area.height, 'the marked line is in view');
}

test('a nested value the API refuses is marked at its field\'s line with the API\'s message', async () => {
  await openTemplate();
  const editor = page.getByTestId('template-editor');
  const textarea = editor.getByLabel('template', { exact: true });
  const body = JSON.parse(await textarea.inputValue());
  body.roles.host.publishParams.audio.bitRate = 999;
  const text = JSON.stringify(body, null, 2);
  const at = lineOf(text, '"bitRate": 999');
  await textarea.fill(text);

  const answer = await saveAndAnswer(editor, 'template', `/v2/templates/${templateId}`);
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, 'Invalid body param');
  assert.deepEqual(answer.body.details, ['roles.host.publishParams.audio.bitRate must be between 16 and 128']);

  const note = editor.getByTestId('field-error');
  await note.waitFor();
  assert.equal(await note.count(), 1, 'one line is marked');
  assert.equal(await note.getAttribute('data-line'), String(at.line), 'the mark is at the bitRate line');
  assert.equal(await note.innerText(), 'must be between 16 and 128');
  assert.deepEqual(await editor.locator('.gutter .ln.bad').allInnerTexts(), [String(at.line)]);

  assert.equal(await textarea.getAttribute('aria-invalid'), 'true');
  const described = await textarea.getAttribute('aria-describedby');
  const list = page.locator(`[id="${described}"]`);
  assert.equal(await list.getAttribute('role'), 'alert');
  assert.match(await list.innerText(), /400 Invalid body param/);
  const item = list.getByRole('button', { name: `line ${at.line}: ${answer.body.details[0]}` });
  await item.click(); // jumps to the field: the caret at its key, the line scrolled into view
  assert.equal(await textarea.evaluate((t) => t.selectionStart), at.offset);
  assert.equal(await textarea.evaluate((t) => document.activeElement === t), true);
  await assertDrawnAt(editor, textarea, at.line);
  await screenshot(page, 'template');

  // An edit above the field moves the mark with it (the text is read again on each edit).
  await textarea.fill(`\n\n${text}`);
  assert.equal(await note.getAttribute('data-line'), String(at.line + 2));

  // A detail naming no field of the text is listed, without a line.
  await textarea.fill('{"settings": {}}');
  const refused = await saveAndAnswer(editor, 'template', `/v2/templates/${templateId}`);
  assert.deepEqual(refused.body.details, ['roles is required']);
  await editor.getByRole('alert').getByText('roles is required', { exact: true }).waitFor();
  assert.equal(await note.count(), 0, 'no line is marked');
  assert.equal(await editor.getByRole('alert').getByRole('button').count(), 0, 'nothing to jump to');

  // Fixed: saved, nothing marked.
  body.roles.host.publishParams.audio.bitRate = 64;
  await textarea.fill(JSON.stringify(body, null, 2));
  assert.equal((await saveAndAnswer(editor, 'template', `/v2/templates/${templateId}`)).status, 200);
  await editor.getByText('saved', { exact: true }).waitFor();
  assert.equal(await editor.getByRole('alert').count(), 0);
  assert.equal(await textarea.getAttribute('aria-invalid'), null);
  const stored = await api('GET', `/v2/templates/${templateId}`);
  assert.equal(stored.roles.host.publishParams.audio.bitRate, 64);
});

test('a role the API refuses is marked at the array element its detail names', async () => {
  await openTemplate();
  await page.getByRole('row', { name: /^guest/ }).getByRole('button', { name: 'Edit as JSON' }).click();
  const editor = page.getByTestId('role-editor');
  const textarea = editor.getByLabel('role', { exact: true });
  const role = JSON.parse(await textarea.inputValue());
  role.publishParams.allowed = ['audio', 'hologram'];
  const text = JSON.stringify(role, null, 2);
  const at = lineOf(text, '"hologram"');
  await textarea.fill(text);
  const answer = await saveAndAnswer(editor, 'role', `/v2/templates/${templateId}/roles/guest`);
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body.details, ['publishParams.allowed[1] must be one of audio, video, screen, simulcast']);
  const note = editor.getByTestId('field-error');
  await note.waitFor();
  assert.equal(await note.getAttribute('data-line'), String(at.line));
  assert.equal(await note.innerText(), 'must be one of audio, video, screen, simulcast');
  assert.equal(await textarea.getAttribute('aria-invalid'), 'true');
});

test('broken JSON is marked at its line and column and not sent', async () => {
  await openTemplate();
  const editor = page.getByTestId('template-editor');
  const textarea = editor.getByLabel('template', { exact: true });
  const good = await textarea.inputValue();
  const name = lineOf(good, '"name": "e2e-fields",');
  const broken = good.replace('"name": "e2e-fields",', '"name": "e2e-fields"'); // the comma left out
  const next = broken.split('\n')[name.line]; // the line after it, where a comma or } was expected
  const column = next.search(/\S/) + 1;
  await textarea.fill(broken);
  const sent = posts.length;
  await editor.getByRole('button', { name: 'Save template' }).click();

  const note = editor.getByTestId('field-error');
  await note.waitFor();
  assert.equal(await note.getAttribute('data-line'), String(name.line + 1));
  assert.equal(await note.innerText(), `Expected "," or "}" after a value in an object, found '"' (column ${column})`);
  const alert = editor.getByRole('alert');
  assert.match(await alert.innerText(), /^Not JSON/);
  await alert.getByRole('button', { name: new RegExp(`^line ${name.line + 1}, column ${column}: Expected`) }).click();
  assert.equal(await textarea.evaluate((t) => t.selectionStart), broken.split('\n').slice(0, name.line).join('\n').length + column);
  assert.equal(await textarea.getAttribute('aria-invalid'), 'true');
  assert.equal(posts.length, sent, 'nothing was posted');

  // An unterminated string deeper in the text moves the mark there as it is typed.
  const deep = lineOf(good, '"bitRate": 64');
  const lines = good.split('\n');
  lines[deep.line - 1] = lines[deep.line - 1].replace('"bitRate"', '"bitRate');
  await textarea.fill(lines.join('\n'));
  assert.equal(await note.getAttribute('data-line'), String(deep.line));
  assert.match(await note.innerText(), /^Unterminated string/);

  // Mended: the mark goes as the text becomes JSON again, before any save.
  await textarea.fill(good);
  await note.waitFor({ state: 'detached' });
  assert.equal(await editor.getByRole('alert').count(), 0);
  assert.equal(await textarea.getAttribute('aria-invalid'), null);
  assert.equal(posts.length, sent, 'still nothing posted');
});
