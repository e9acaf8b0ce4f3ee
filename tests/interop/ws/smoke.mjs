// Checks the WebSocket interop servers of this directory with clients from npm, so that a
// failure of tst_interop_ws can be told apart from a broken server: graphql-ws's createClient
// (graphql-transport-ws) against graphql-ws.mjs, apollo-server.mjs and yoga.mjs, and a raw
// ws client speaking the legacy graphql-ws protocol against legacy.mjs. For each: hello,
// countdown (3, 2, 1, 0, then complete), the failing subscription, connection params reaching
// the resolvers, a validation error, and the rejection of {"token": "bad"} (4403 Forbidden,
// or connection_error for the legacy protocol); for yoga also @defer and @stream.
//
// Usage: node smoke.mjs   (ctest: interop_ws_servers). Needs `npm ci` in this directory.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { failMessage, requireModules } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TEST_TIMEOUT_MS = 120000; // generous for a loaded CI machine

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

requireModules(here, ['graphql-ws', 'ws']);
const { createClient } = await import('graphql-ws');
const { default: WebSocket } = await import('ws');

const watchdog = setTimeout(() => fail(`timed out after ${TEST_TIMEOUT_MS} ms`), TEST_TIMEOUT_MS);
const servers = [];

function startServer(script) {
  const server = spawn(process.execPath, [join(here, script)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    createInterface({ input: server.stdout }).once('line', (url) => resolve(url));
  });
}

// --- graphql-transport-ws, through graphql-ws's client --------------------------------------

// Runs one operation on a fresh client; resolves with its results and how it ended.
function run(url, query, { variables, connectionParams } = {}) {
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  return new Promise((resolve) => {
    const results = [];
    client.subscribe({ query, variables }, {
      next: (result) => results.push(result),
      error: (error) => resolve({ results, error }),
      complete: () => resolve({ results, completed: true }),
    });
  }).finally(() => client.dispose());
}

async function checkTransportWs(name, url) {
  const hello = await run(url, '{ hello }');
  assert.deepEqual(hello, { results: [{ data: { hello: 'Hello, world!' } }], completed: true }, name);

  const named = await run(url, 'query($n: String) { hello(name: $n) }', { variables: { n: 'ws' } });
  assert.deepEqual(named.results, [{ data: { hello: 'Hello, ws!' } }], name);

  const countdown = await run(url, 'subscription { countdown(from: 3) }');
  assert.equal(countdown.completed, true, name);
  assert.deepEqual(countdown.results, [3, 2, 1, 0].map((i) => ({ data: { countdown: i } })), name);

  // The source stream throws after one event: an error message for the operation.
  const failing = await run(url, 'subscription { fail }');
  assert.deepEqual(failing.results, [{ data: { fail: 1 } }], name);
  assert.ok(Array.isArray(failing.error), `${name}: ${JSON.stringify(failing)}`);
  assert.deepEqual(failing.error.map((e) => e.message), [failMessage], name);

  const invalid = await run(url, '{ nope }');
  assert.ok(Array.isArray(invalid.error), `${name}: ${JSON.stringify(invalid)}`);
  assert.match(invalid.error[0].message, /Cannot query field "nope" on type "Query"/, name);

  const params = { token: 'secret', nested: { n: 1 } };
  const echo = await run(url, '{ echoParams }', { connectionParams: params });
  assert.deepEqual(echo.results, [{ data: { echoParams: JSON.stringify(params) } }], name);

  const rejected = await run(url, '{ hello }', { connectionParams: { token: 'bad' } });
  assert.deepEqual(rejected.results, [], name);
  assert.equal(rejected.error?.code, 4403, `${name}: ${rejected.error?.code} ${rejected.error?.reason}`);
  assert.equal(rejected.error?.reason, 'Forbidden', name);
  console.log(`ok ${name}: hello, countdown, fail, validation error, connection params, 4403`);
}

async function checkIncremental(name, url) {
  const deferred = await run(url, '{ hello ... @defer { slowHello } }');
  assert.equal(deferred.completed, true, name);
  assert.deepEqual(deferred.results, [
    { data: { hello: 'Hello, world!' }, hasNext: true },
    { incremental: [{ data: { slowHello: 'Hello, later!' }, path: [] }], hasNext: false },
  ], `${name}: ${JSON.stringify(deferred.results)}`);

  const streamed = await run(url, '{ numbers(count: 3) @stream(initialCount: 1) }');
  assert.equal(streamed.completed, true, name);
  const items = streamed.results.flatMap((r) => r.data?.numbers ?? r.incremental?.flatMap((i) => i.items) ?? []);
  assert.deepEqual(items, [1, 2, 3], `${name}: ${JSON.stringify(streamed.results)}`);
  assert.deepEqual(streamed.results[0], { data: { numbers: [1] }, hasNext: true }, name);
  assert.equal(streamed.results.at(-1).hasNext, false, name);
  console.log(`ok ${name}: @defer, @stream (${streamed.results.length} next messages)`);
}

// --- the legacy graphql-ws protocol (subscriptions-transport-ws), over a raw socket ----------

// Opens a socket, sends connection_init (and start for each operation once acknowledged);
// resolves with every message received until each operation has ended, or the socket closed.
function runLegacy(url, operations, connectionParams) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-ws');
    const messages = [];
    let open = operations.length;
    socket.on('error', reject);
    socket.on('open', () => {
      assert.equal(socket.protocol, 'graphql-ws');
      socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams }));
    });
    socket.on('close', (code, reason) => resolve({ messages, close: { code, reason: String(reason) } }));
    socket.on('message', (text) => {
      const message = JSON.parse(String(text));
      messages.push(message);
      if (message.type === 'connection_ack') {
        operations.forEach((payload, i) =>
          socket.send(JSON.stringify({ id: String(i + 1), type: 'start', payload })));
      } else if (message.type === 'complete' || message.type === 'error') {
        if (--open === 0)
          socket.close(1000);
      }
    });
  });
}

async function checkLegacy(name, url) {
  const params = { token: 'secret' };
  const { messages } = await runLegacy(url, [
    { query: '{ hello }' },
    { query: 'subscription($from: Int!) { countdown(from: $from) }', variables: { from: 3 } },
    { query: 'subscription { fail }' },
    { query: '{ echoParams }' },
  ], params);
  const of = (id) => messages.filter((m) => m.id === id).map(({ type, payload }) => ({ type, payload }));
  assert.deepEqual(messages[0], { type: 'connection_ack' }, name);
  assert.deepEqual(of('1'), [
    { type: 'data', payload: { data: { hello: 'Hello, world!' } } },
    { type: 'complete', payload: null },
  ], `${name}: ${JSON.stringify(messages)}`);
  assert.deepEqual(of('2'), [
    ...[3, 2, 1, 0].map((i) => ({ type: 'data', payload: { data: { countdown: i } } })),
    { type: 'complete', payload: null },
  ], `${name}: ${JSON.stringify(messages)}`);
  assert.deepEqual(of('3'), [
    { type: 'data', payload: { data: { fail: 1 } } },
    { type: 'error', payload: { name: 'Error', message: failMessage } },
  ], `${name}: ${JSON.stringify(messages)}`);
  assert.deepEqual(of('4'), [
    { type: 'data', payload: { data: { echoParams: JSON.stringify(params) } } },
    { type: 'complete', payload: null },
  ], `${name}: ${JSON.stringify(messages)}`);

  const rejected = await runLegacy(url, [{ query: '{ hello }' }], { token: 'bad' });
  assert.deepEqual(rejected.messages, [
    { type: 'connection_error', payload: { message: 'Prohibited connection!' } },
  ], name);
  assert.equal(rejected.close.code, 1011, name);
  console.log(`ok ${name}: hello, countdown, fail, connection params, connection_error`);
}

let exitCode = 0;
try {
  const [graphqlWs, apolloServer, yoga, legacy] = await Promise.all(
    ['graphql-ws.mjs', 'apollo-server.mjs', 'yoga.mjs', 'legacy.mjs'].map(startServer));
  await checkTransportWs('graphql-ws', graphqlWs);
  await checkTransportWs('apollo-server', apolloServer);
  await checkTransportWs('yoga', yoga);
  await checkIncremental('yoga', yoga);
  await checkLegacy('subscriptions-transport-ws', legacy);
  console.log('PASS: every WebSocket interop server answers as expected');
} catch (error) {
  console.error('FAIL:', error);
  exitCode = 1;
} finally {
  clearTimeout(watchdog);
  for (const server of servers) {
    server.removeAllListeners('exit');
    server.stdin.end(); // the servers exit when stdin closes
  }
}
process.exitCode = exitCode;
