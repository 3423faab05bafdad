'use strict';
// Polls and quizzes through the SDK (spec §14). The SDK has no typed poll wrapper: every call is its generic
// hms.api.post/get, as a user of SDK 0.3.0 would write it. Peers and the poll controls come from Hundred's
// emulator (lib/polls.js); DELETE, which the SDK cannot send, goes through fetch.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../lib/server');
const { sdkFor, rejection, assertErrorBody, HEX24 } = require('../lib/hms');
const { Emulator } = require('../lib/live');
const { docsExample, PollEmulator, assertKeysInOrder, assertRunWire, assertResponseWire, assertResultWire } =
  require('../lib/polls');

let server;
let hms;
let wire;
let emu;
let polls;
const uniq = () => crypto.randomBytes(4).toString('hex');

before(async () => {
  server = await startServer({ name: 'polls' });
  ({ hms, wire } = sdkFor(server));
  emu = new Emulator(server, hms);
  polls = new PollEmulator(server, hms);
});
after(async () => { if (server) await server.stop(); });

/** The single exchange of an SDK call, asserted to be `method url` answered 200; its wire JSON. */
async function only(call, method, url) {
  const { result, error, exchanges } = await wire.during(call);
  if (error) throw error;
  assert.equal(exchanges.length, 1, exchanges.map((e) => `${e.method} ${e.url} ${e.status}`).join(' | '));
  const [ex] = exchanges;
  assert.equal(ex.method, method);
  assert.equal(ex.url, url);
  assert.equal(ex.status, 200, `${method} ${url} -> ${ex.status} ${ex.raw}`);
  return { result, json: ex.json() };
}

async function roomWithPolls(pollIds) {
  await hms.rooms.create({ name: `polls-${uniq()}`, polls: pollIds });
  return wire.last().json();
}

test('create answers the docs example with an id; get and rewrite answer the poll', async () => {
  const body = docsExample();
  const { result, json } = await only(() => hms.api.post('/polls', body), 'POST', '/polls');
  assert.match(json.id, HEX24);
  assert.deepEqual(json, { id: json.id, ...body });
  assertKeysInOrder(json, ['id', 'title', 'duration', 'anonymous', 'mode', 'type', 'start', 'questions'], 'poll');
  assert.deepEqual(result, json, 'the SDK hands the poll over as is (it has no *_at field)');

  const got = await only(() => hms.api.get(`/polls/${json.id}`), 'GET', `/polls/${json.id}`);
  assert.deepEqual(got.json, json);

  const rewritten = await only(() => hms.api.post(`/polls/${json.id}`, { title: 'second', type: 'quiz' }),
    'POST', `/polls/${json.id}`);
  assert.deepEqual(rewritten.json, {
    id: json.id, title: 'second', duration: 0, anonymous: false, mode: 'userid', type: 'quiz', start: 'auto', questions: [],
  });
  // The SDK sends {} when a POST has no payload: a rewrite to the defaults (a curl without body reads the poll).
  const defaults = await only(() => hms.api.post(`/polls/${json.id}`), 'POST', `/polls/${json.id}`);
  assert.equal(defaults.json.title, '');
  const curl = await polls.call('POST', `/v2/polls/${json.id}`);
  assert.equal(curl.status, 200);
  assert.deepEqual(curl.json, defaults.json);
});

test('questions and options: rewrite, add at the next index, delete with re-indexing', async () => {
  const created = await hms.api.post('/polls', {
    type: 'quiz',
    questions: [{ text: 'a' }, { text: 'b', type: 'multiple-choice', options: [{ text: 'x' }, { text: 'y' }, { text: 'z' }],
      answer: { options: [1, 3] } }, { text: 'c' }],
  });
  const id = created.id;
  const q = await only(() => hms.api.post(`/polls/${id}/questions/1`, { text: 'A', type: 'short-answer', weight: 4 }),
    'POST', `/polls/${id}/questions/1`);
  assert.deepEqual(q.json, {
    index: 1, text: 'A', format: 'text', attachment: [], skippable: true, duration: 0, once: false, weight: 4,
    answer_min_len: 0, answer_max_len: 0, type: 'short-answer', options: [],
  });
  const added = await hms.api.post(`/polls/${id}/questions/4`, { text: 'd' });
  assert.equal(added.index, 4);
  const option = await only(() => hms.api.post(`/polls/${id}/questions/2/options/4`, { text: 'w', weight: 2 }),
    'POST', `/polls/${id}/questions/2/options/4`);
  assert.deepEqual(option.json, { index: 4, text: 'w', weight: 2 });

  await polls.delete(`/polls/${id}/questions/2/options/1`);
  await polls.delete(`/polls/${id}/questions/3`);
  const poll = await hms.api.get(`/polls/${id}`);
  assert.deepEqual(poll.questions.map((x) => `${x.index}:${x.text}`), ['1:A', '2:b', '3:d']);
  assert.deepEqual(poll.questions[1].options.map((o) => `${o.index}:${o.text}`), ['1:y', '2:z', '3:w']);
  assert.deepEqual(poll.questions[1].answer.options, [2], 'the right answer follows its option');
});

test('errors reach the SDK as {code, message}: unknown poll, bad field, unknown question', async () => {
  const missing = await rejection(hms.api.get('/polls/655bffeecd34739a72637399'));
  assert.deepEqual(missing, { code: 404, name: 'Not Found', message: 'Poll not found' });
  assertErrorBody(wire.last().json(), 404, 'Poll not found');

  const bad = await rejection(hms.api.post('/polls', { mode: 'username' }));
  assert.deepEqual(bad, { code: 400, name: 'Bad Request', message: 'Invalid body param' });
  assert.deepEqual(wire.last().json().details, ['mode must be one of peerid, userid; got username']);

  const { id } = await hms.api.post('/polls', { questions: [{}] });
  const question = await rejection(hms.api.post(`/polls/${id}/questions/3`, {}));
  assert.equal(question.code, 404);
  assert.equal(question.message, 'Question not found');
  const wrongType = await rejection(hms.api.post(`/polls/${id}/questions/1`, { weight: '2' }));
  assert.equal(wrongType.code, 400);
  assert.deepEqual(wire.last().json().details, ['weight must be an integer']);
});

test('a linked auto poll starts with the session; answers, sessions, responses and results through the SDK', async () => {
  const poll = await hms.api.post('/polls', {
    title: 'Lunch', questions: [
      { text: 'Where?', options: [{ text: 'in', weight: 1 }, { text: 'out', weight: 3 }] },
      { text: 'Days?', type: 'multiple-choice', options: [{ text: 'Mon' }, { text: 'Tue' }] },
      { text: 'Why?', type: 'short-answer' }],
  });
  const room = await roomWithPolls([poll.id]);
  assert.deepEqual(room.polls, [poll.id]);
  const ann = await emu.join(room.id, { role: 'host', name: 'Ann', user_id: 'u-ann' });
  const bob = await emu.join(room.id, { role: 'guest', name: 'Bob', user_id: 'u-bob' });
  const session = await hms.sessions.retrieveActiveByRoom(room.id);

  const r1 = await polls.answer(room.id, ann.id, { poll_id: poll.id, question: 1, option: 2, duration: 1200 });
  await polls.answer(room.id, ann.id, { poll_id: poll.id, question: 2, options: [1, 2] });
  await polls.answer(room.id, bob.id, { poll_id: poll.id, question: 3, text: 'sun' });
  const r4 = await polls.answer(room.id, ann.id, { poll_id: poll.id, question: 1, option: 1 });
  assert.equal(r4.update, true);
  assert.equal(r4.original_response, r1.id);

  const sessions = await only(() => hms.api.get(`/polls/${poll.id}/sessions`), 'GET', `/polls/${poll.id}/sessions`);
  assertKeysInOrder(sessions.json, ['last', 'limit', 'responses'], 'sessions page');
  assert.equal(sessions.json.responses.length, 1);
  const run = sessions.json.responses[0];
  assertRunWire(run);
  assert.equal(run.session_id, session.id);
  assert.equal(run.stopped_at, null);
  assert.equal(run.total_responses, 4);
  assert.equal(run.unique_participants, 2);
  assert.equal(sessions.json.last, run.id);

  const responses = await only(() => hms.api.get(`/polls/${poll.id}/responses`, { limit: 10, all: false }),
    'GET', `/polls/${poll.id}/responses`);
  assertKeysInOrder(responses.json, ['last', 'limit', 'responses'], 'responses page');
  responses.json.responses.forEach(assertResponseWire);
  assert.deepEqual(responses.json.responses.map((r) => `${r.user_id}:${r.question}`), ['u-ann:1', 'u-bob:3', 'u-ann:2']);
  const all = await hms.api.get(`/polls/${poll.id}/responses`, { all: true });
  assert.equal(all.responses.length, 4);
  const byQuestion = await hms.api.get(`/polls/${poll.id}/responses`, { question: 2 });
  assert.deepEqual(byQuestion.responses[0].options, [1, 2]);
  const one = await only(() => hms.api.get(`/polls/${poll.id}/responses/${r1.id}`), 'GET', `/polls/${poll.id}/responses/${r1.id}`);
  assert.deepEqual(one.json, r1);

  const results = await only(() => hms.api.get(`/polls/${poll.id}/results`, { question: 1 }), 'GET', `/polls/${poll.id}/results`);
  assertKeysInOrder(results.json, ['last', 'limit', 'results'], 'results page');
  assert.equal(results.json.results.length, 1);
  assertResultWire(results.json.results[0]);
  assert.equal(results.json.results[0].score, 1, 'a poll scores the weight of the option chosen');
  const result = await hms.api.get(`/polls/${poll.id}/results/${results.json.results[0].id}`);
  assert.deepEqual(result, results.json.results[0]);

  const nested = await hms.api.get(`/polls/${poll.id}/sessions/${session.id}/responses`);
  assert.equal(nested.responses.length, 3);
  const nestedResults = await hms.api.get(`/polls/${poll.id}/sessions/${session.id}/results`);
  assert.equal(nestedResults.results.length, 3);
  const docsCurl = await hms.api.get(`/polls/${poll.id}/sessions/${session.id}`);
  assert.deepEqual(docsCurl.responses.map((s) => s.id), [run.id]);

  await emu.leave(room.id, ann.id);
  await emu.leave(room.id, bob.id);
  const stopped = (await hms.api.get(`/polls/${poll.id}/sessions`)).responses[0];
  assert.match(stopped.stopped_at, /Z$/);
});

test('a quiz run with the emulator: right answers score their weight, once and skippable hold', async () => {
  const quiz = await hms.api.post('/polls', {
    type: 'quiz', start: 'manual', questions: [
      { text: 'Capital of Italy?', weight: 2, once: true, options: [{ text: 'Milan' }, { text: 'Rome' }], answer: { options: [2] } },
      { text: 'Capital of France?', type: 'short-answer', weight: 5, skippable: false,
        answer: { text: 'Paris', trim: true } }],
  });
  const room = await roomWithPolls([]);
  const ann = await emu.join(room.id, { role: 'guest', name: 'Ann', user_id: 'u-ann' });
  const started = await polls.start(room.id, quiz.id);
  assertRunWire(started);
  await polls.answer(room.id, ann.id, { poll_id: quiz.id, question: 1, option: 2 });
  await polls.answer(room.id, ann.id, { poll_id: quiz.id, question: 2, text: ' paris ' });
  const again = await polls.tryAnswer(room.id, ann.id, { poll_id: quiz.id, question: 1, option: 1 });
  assert.equal(again.status, 400);
  assertErrorBody(again.json, 400, 'Invalid request');
  assert.deepEqual(again.json.details, ['question 1 can be answered once']);
  const skip = await polls.tryAnswer(room.id, ann.id, { poll_id: quiz.id, question: 2, skipped: true });
  assert.deepEqual(skip.json.details, ['question 2 cannot be skipped']);

  const results = await hms.api.get(`/polls/${quiz.id}/results`);
  assert.deepEqual(results.results.map((r) => `${r.question}=${r.score}`), ['2=5', '1=2']);
  const stopped = await polls.stop(room.id, quiz.id);
  assert.match(stopped.stopped_at, /Z$/);
  const late = await polls.tryAnswer(room.id, ann.id, { poll_id: quiz.id, question: 2, text: 'Paris' });
  assert.deepEqual(late.json.details, ['poll not running in this session']);
});

test('responses page newest first: SDK get with start and limit, an empty last page', async () => {
  const questions = Array.from({ length: 23 }, () => ({ options: [{}] }));
  const poll = await hms.api.post('/polls', { start: 'manual', questions });
  const room = await roomWithPolls([]);
  const ann = await emu.join(room.id, { role: 'guest', name: 'Ann' });
  await polls.start(room.id, poll.id);
  const sent = [];
  for (let q = 1; q <= 23; q += 1) sent.unshift((await polls.answer(room.id, ann.id, { poll_id: poll.id, question: q, option: 1 })).id);

  const seen = [];
  const sizes = [];
  let start;
  for (;;) {
    const page = await hms.api.get(`/polls/${poll.id}/responses`, start ? { start, limit: 10 } : { limit: 10 });
    assert.equal(page.limit, 10);
    if (page.responses === null) {
      assert.equal(page.last, '');
      break;
    }
    sizes.push(page.responses.length);
    page.responses.forEach((r) => seen.push(r.id));
    start = page.last;
  }
  assert.deepEqual(sizes, [10, 10, 3]);
  assert.deepEqual(seen, sent);
  const clamped = await hms.api.get(`/polls/${poll.id}/results`, { limit: 1000 });
  assert.equal(clamped.limit, 100);
  assert.equal(clamped.results.length, 23);
});
