// graphql-ws 6 on ws 8 serving tests/interop/library-schema.mjs over the graphql-transport-ws
// protocol on 127.0.0.1/graphql: queries, mutations and the countdown subscription.
// onConnect refuses a connection_init whose payload lacks {"token": "secret"}: graphql-ws then
// closes the socket with 4403 Forbidden; {"token": "restart"} closes it with 1012.
//
// It shares this directory's pinned packages with the other WebSocket servers (schema.mjs is
// theirs; this one serves the schema tst_interop_servers also uses, for tst_interop_websocket).
//
// Usage: node library-schema-server.mjs [PORT]   (default 0: a free port). The first stdout
// line is the URL. Needs `npm ci` in this directory. Exits when stdin closes.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createResolvers, createState, exitWithParent, queryTypeDefs, subscriptionTypeDefs,
} from '../library-schema.mjs';
import { executableSchema, requireModules } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
requireModules(here, ['graphql', 'graphql-ws', 'ws']);
const { WebSocketServer } = await import('ws');
const { useServer } = await import('graphql-ws/use/ws');

const schema = await executableSchema(queryTypeDefs + subscriptionTypeDefs,
                                      createResolvers(createState(), { withSubscription: true }));
const server = new WebSocketServer({
  host: '127.0.0.1', port: Number(process.argv[2] ?? 0), path: '/graphql',
});
useServer({
  schema,
  onConnect: (ctx) => {
    // A server going down for a restart: close code 1012, which Qt 6.4 does not accept.
    if (ctx.connectionParams?.token === 'restart') {
      ctx.extra.socket.close(1012, 'Service restart');
      return false;
    }
    return ctx.connectionParams?.token === 'secret';
  },
}, server);
server.on('listening', () => {
  console.log(`ws://127.0.0.1:${server.address().port}/graphql`);
});
exitWithParent();
