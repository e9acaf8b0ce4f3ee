// graphql-yoga 5 (+ @graphql-yoga/plugin-defer-stream) serving tests/interop/library-schema.mjs
// on 127.0.0.1. Subscriptions go over SSE (yoga has no multipart subscriptions), @defer/@stream
// over multipart/mixed (graphql-js 16 style: incremental[] with path).
//
// Usage: node server.mjs [PORT]   (default 0: a free port). The first stdout line is the URL.
// Needs `npm ci` in this directory. Exits when stdin closes.

import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createResolvers, createState, exitWithParent, queryTypeDefs, subscriptionTypeDefs,
} from '../library-schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, 'node_modules', 'graphql-yoga'))) {
  console.error(`node_modules is missing in ${here}: run "npm ci --prefix ${here}" first`);
  process.exit(1);
}
const { createYoga, createSchema } = await import('graphql-yoga');
const { useDeferStream } = await import('@graphql-yoga/plugin-defer-stream');

const state = createState();
const yoga = createYoga({
  schema: createSchema({
    typeDefs: queryTypeDefs + subscriptionTypeDefs,
    resolvers: createResolvers(state, { withSubscription: true }),
  }),
  plugins: [useDeferStream()],
  logging: false,
  maskedErrors: false,
  graphiql: false,
});

const server = createServer(yoga);
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}${yoga.graphqlEndpoint}`);
});
exitWithParent();
