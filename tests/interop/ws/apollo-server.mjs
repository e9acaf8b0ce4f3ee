// Apollo Server 5 on Express 5 (queries over HTTP) with graphql-ws 6 on ws 8 on the same HTTP
// server (graphql-transport-ws), as Apollo Server's subscriptions documentation sets it up,
// serving schema.mjs on 127.0.0.1/graphql.
//
// Usage: node apollo-server.mjs [PORT]   (default 0: a free port). The first stdout line is
// the ws:// URL. Needs `npm ci` in this directory. Exits when stdin closes.

import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptConnection, announce, executableSchema, requireModules } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
requireModules(here, ['@apollo/server', '@as-integrations/express5', 'express', 'graphql-ws', 'ws']);
const { ApolloServer } = await import('@apollo/server');
const { ApolloServerPluginDrainHttpServer } = await import('@apollo/server/plugin/drainHttpServer');
const { expressMiddleware } = await import('@as-integrations/express5');
const { default: express } = await import('express');
const { WebSocketServer } = await import('ws');
const { useServer } = await import('graphql-ws/use/ws');

const schema = await executableSchema();
const app = express();
const httpServer = createServer(app);
const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
const serverCleanup = useServer({
  schema,
  onConnect: (ctx) => acceptConnection(ctx.connectionParams),
  context: (ctx) => ({ connectionParams: ctx.connectionParams }),
}, wsServer);

const server = new ApolloServer({
  schema,
  includeStacktraceInErrorResponses: false,
  plugins: [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    { async serverWillStart() { return { async drainServer() { await serverCleanup.dispose(); } }; } },
  ],
});
await server.start();
app.use('/graphql', express.json(), expressMiddleware(server));
httpServer.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  announce(`ws://127.0.0.1:${httpServer.address().port}/graphql`);
});
