// subscriptions-transport-ws 0.11 SubscriptionServer: the legacy "graphql-ws" subprotocol
// (connection_init, start, data, error, complete, stop), queries included, serving schema.mjs
// on 127.0.0.1/graphql. It brings its own ws 7.
//
// Usage: node legacy.mjs [PORT]   (default 0: a free port). The first stdout line is the ws://
// URL. Needs `npm ci` in this directory. Exits when stdin closes.

import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptConnection, announce, executableSchema, requireModules } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
requireModules(here, ['graphql', 'subscriptions-transport-ws']);
const { execute, subscribe } = await import('graphql');
const { SubscriptionServer } = await import('subscriptions-transport-ws');

const httpServer = createServer((_, response) => response.writeHead(404).end());
SubscriptionServer.create({
  schema: await executableSchema(),
  execute,
  subscribe,
  // false rejects; an object becomes the operations' context.
  onConnect: (connectionParams) => acceptConnection(connectionParams) && { connectionParams },
}, { server: httpServer, path: '/graphql' });
httpServer.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  announce(`ws://127.0.0.1:${httpServer.address().port}/graphql`);
});
