// Interop test: Apollo Client 4 (@apollo/client, on Node's global fetch, no React) runs a
// query, the login mutation, a cookie-authenticated query, a countdown subscription, the
// message feed and a subscription that ends with a transport-level error against the QGraphQL
// demo server, and checks every result.
//
// Usage: node apollo-client-interop.mjs PATH/TO/qgraphql-demo-server
// Needs `npm ci` in this directory first; without node_modules it fails and says so.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const TEST_TIMEOUT_MS = 120000; // generous for a loaded CI machine

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

if (!existsSync(join(here, 'node_modules', '@apollo', 'client'))) {
  fail(`node_modules is missing in ${here}: run "npm ci --prefix tests/interop" first`);
}
const serverPath = process.argv[2];
if (!serverPath || !existsSync(serverPath)) {
  fail(`usage: node apollo-client-interop.mjs PATH/TO/qgraphql-demo-server (got "${serverPath}")`);
}

// Imported only after the check above, so that a missing install gives a clear message.
const { ApolloClient, InMemoryCache, HttpLink, gql } = await import('@apollo/client');

const watchdog = setTimeout(() => fail(`timed out after ${TEST_TIMEOUT_MS} ms`), TEST_TIMEOUT_MS);

function startServer() {
  const server = spawn(serverPath, ['--port', '0', '--heartbeat-interval', '100'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
    createInterface({ input: server.stdout }).once('line', (url) => resolve({ server, url }));
  });
}

// A fetch that records what Apollo Client sent and got, and keeps cookies like a browser
// (Node's fetch has no cookie jar).
function recordingFetch() {
  const exchanges = [];
  let cookie = '';
  const fetchWithCookies = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    exchanges.push({
      body: JSON.parse(init.body),
      accept: headers.get('accept'),
      status: response.status,
      contentType: response.headers.get('content-type'),
      setCookie,
    });
    return response;
  };
  return { fetch: fetchWithCookies, exchanges, cookie: () => cookie };
}

function collect(observable) {
  return new Promise((resolve) => {
    const values = [];
    observable.subscribe({
      next: (result) => values.push(result),
      error: (error) => resolve({ values, error }),
      complete: () => resolve({ values, completed: true }),
    });
  });
}

const { server, url } = await startServer();
console.log(`demo server at ${url}`);
let exitCode = 0;
try {
  const recorder = recordingFetch();
  const client = new ApolloClient({
    link: new HttpLink({ uri: url, fetch: recorder.fetch }),
    cache: new InMemoryCache(),
  });

  // 1. A query with variables.
  const hello = await client.query({
    query: gql`query Hello($name: String) { hello(name: $name) }`,
    variables: { name: 'Apollo' },
  });
  assert.equal(hello.data.hello, 'Hello, Apollo!');
  console.log('ok query', JSON.stringify(hello.data));

  // 2. The login mutation (Apollo adds __typename to the selection) sets the session cookie.
  const login = await client.mutate({
    mutation: gql`mutation Login($u: String!) { login(username: $u, password: "secret") { id name } }`,
    variables: { u: 'ada' },
  });
  assert.equal(login.data.login.name, 'ada');
  assert.equal(login.data.login.__typename, 'User');
  assert.match(recorder.exchanges.at(-1).setCookie ?? '', /^qgraphql_session=[0-9a-f]+; Path=\/; .*HttpOnly/);
  console.log('ok mutation', JSON.stringify(login.data));

  // 3. The cookie authenticates the next request.
  const me = await client.query({ query: gql`{ me { id name } }`, fetchPolicy: 'network-only' });
  assert.equal(me.data.me.name, 'ada');
  assert.equal(me.data.me.id, login.data.login.id);
  console.log('ok cookie session', JSON.stringify(me.data));

  // 4. A multipart subscription with arguments: every value in order, then completion.
  const countdown = await collect(
    client.subscribe({ query: gql`subscription { countdown(from: 3, intervalMs: 150) }` }));
  assert.equal(countdown.error, undefined, `subscription error: ${countdown.error}`);
  assert.equal(countdown.completed, true);
  assert.deepEqual(countdown.values.map((r) => r.data?.countdown), [3, 2, 1, 0]);
  const subscribeExchange = recorder.exchanges.at(-1);
  assert.match(subscribeExchange.accept, /multipart\/mixed;.*subscriptionSpec=1\.0/);
  assert.equal(subscribeExchange.status, 200);
  assert.equal(subscribeExchange.contentType, 'multipart/mixed;boundary="graphql";subscriptionSpec=1.0');
  console.log('ok subscription', JSON.stringify(countdown.values.map((r) => r.data)));

  // 5. The message feed: a mutation posts to a running subscription.
  const exchangesBefore = recorder.exchanges.length;
  let feed;
  const firstMessage = new Promise((resolve, reject) => {
    feed = client.subscribe({ query: gql`subscription { messageAdded { id text author } }` })
      .subscribe({ next: resolve, error: reject, complete: () => reject(new Error('the feed completed')) });
  });
  // The fetch wrapper records the exchange once the stream's response has started.
  while (recorder.exchanges.length === exchangesBefore) await new Promise((r) => setTimeout(r, 10));
  const posted = await client.mutate({
    mutation: gql`mutation { postMessage(text: "hello from Apollo") { id text author } }`,
  });
  assert.equal(posted.data.postMessage.author, 'ada');
  const message = await firstMessage;
  feed.unsubscribe();
  assert.equal(message.data.messageAdded.text, 'hello from Apollo');
  assert.equal(message.data.messageAdded.author, 'ada');
  console.log('ok message feed', JSON.stringify(message.data));

  // 6. A transport-level error ({"payload":null,"errors":[...]}) reaches the error callback.
  const failing = await collect(
    client.subscribe({ query: gql`subscription { failing(after: 2, intervalMs: 50) }` }));
  assert.deepEqual(failing.values.map((r) => r.data?.failing).filter((v) => v !== undefined), [1, 2]);
  const failure = failing.error ?? failing.values.at(-1)?.error;
  assert.ok(failure, 'the transport-level error was not reported');
  assert.match(String(failure.message ?? failure), /failed on purpose after 2 event/);
  console.log('ok transport error', String(failure.message ?? failure));

  console.log('PASS: Apollo Client 4 interoperates with the demo server');
} catch (error) {
  console.error('FAIL:', error);
  exitCode = 1;
} finally {
  clearTimeout(watchdog);
  server.removeAllListeners('exit');
  server.kill();
}
process.exit(exitCode);
