// Apollo Server 5 serving tests/interop/library-schema.mjs on 127.0.0.1 with incremental
// delivery: @defer/@stream over multipart/mixed;incrementalSpec=v0.2 (pending[], incremental[]
// with id, completed[]). AS 5 only streams with graphql 17.0.0-alpha.9 exactly, and the schema
// must declare the directives. AS has no subscriptions over HTTP, so the schema has none.
//
// Usage: node server.mjs [PORT]   (default 0: a free port). The first stdout line is the URL.
// Needs `npm ci` in this directory (.npmrc sets legacy-peer-deps). Exits when stdin closes.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createResolvers, createState, exitWithParent, incrementalDirectives, queryTypeDefs,
} from '../library-schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, 'node_modules', '@apollo', 'server'))) {
  console.error(`node_modules is missing in ${here}: run "npm ci --prefix ${here}" first`);
  process.exit(1);
}
const { ApolloServer } = await import('@apollo/server');
const { startStandaloneServer } = await import('@apollo/server/standalone');
const { version } = await import('graphql');
if (version !== '17.0.0-alpha.9') {
  console.error(`graphql ${version} is installed; Apollo Server 5 streams only with 17.0.0-alpha.9`);
  process.exit(1);
}

const server = new ApolloServer({
  typeDefs: incrementalDirectives + queryTypeDefs,
  resolvers: createResolvers(createState()),
  includeStacktraceInErrorResponses: false,
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.argv[2] ?? 0), host: '127.0.0.1' },
});
console.log(url);
exitWithParent();
