// graphql-ws 6 on ws 8 (graphql-transport-ws) serving schema.mjs on 127.0.0.1/graphql.
//
// Usage: node graphql-ws.mjs [PORT]   (default 0: a free port). The first stdout line is the
// ws:// URL. Needs `npm ci` in this directory. Exits when stdin closes.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptConnection, announce, executableSchema, requireModules } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
requireModules(here, ['graphql', 'graphql-ws', 'ws']);
const { WebSocketServer } = await import('ws');
const { useServer } = await import('graphql-ws/use/ws');

const schema = await executableSchema();
const server = new WebSocketServer({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0), path: '/graphql' });
useServer({
  schema,
  onConnect: (ctx) => acceptConnection(ctx.connectionParams),
  context: (ctx) => ({ connectionParams: ctx.connectionParams }),
}, server);
server.on('listening', () => announce(`ws://127.0.0.1:${server.address().port}/graphql`));
