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

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createResolvers, createState, exitWithParent, queryTypeDefs, subscriptionTypeDefs,
} from '../library-schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, 'node_modules', 'graphql-ws'))) {
  console.error(`node_modules is missing in ${here}: run "npm ci --prefix ${here}" first`);
  process.exit(1);
}
const { buildSchema } = await import('graphql');
const { WebSocketServer } = await import('ws');
const { useServer } = await import('graphql-ws/use/ws');

// The resolvers attached to the SDL's fields (what graphql-tools' makeExecutableSchema does).
function executableSchema(typeDefs, resolvers) {
  const schema = buildSchema(typeDefs);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    for (const [fieldName, resolver] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (typeof resolver === 'function') {
        field.resolve = resolver;
      } else {
        field.subscribe = resolver.subscribe;
        field.resolve = resolver.resolve ?? ((value) => value[fieldName]);
      }
    }
  }
  return schema;
}

const schema = executableSchema(queryTypeDefs + subscriptionTypeDefs,
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
