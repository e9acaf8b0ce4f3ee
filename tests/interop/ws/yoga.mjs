// graphql-yoga 5 (+ @graphql-yoga/plugin-defer-stream) with graphql-ws 6 on ws 8
// (graphql-transport-ws) on yoga's HTTP server, as yoga's graphql-ws integration documents it,
// serving schema.mjs on 127.0.0.1/graphql. Over the socket a query with @defer/@stream is
// answered with several next messages (graphql-js 16 style: incremental[] with path, hasNext).
//
// Usage: node yoga.mjs [PORT]   (default 0: a free port). The first stdout line is the ws://
// URL. Needs `npm ci` in this directory. Exits when stdin closes.

import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptConnection, announce, executableSchema, requireModules } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
requireModules(here, ['graphql-yoga', '@graphql-yoga/plugin-defer-stream', 'graphql-ws', 'ws']);
const { createYoga } = await import('graphql-yoga');
const { useDeferStream } = await import('@graphql-yoga/plugin-defer-stream');
const { WebSocketServer } = await import('ws');
const { useServer } = await import('graphql-ws/use/ws');

const yoga = createYoga({
  schema: await executableSchema(),
  plugins: [useDeferStream()],
  logging: false,
  maskedErrors: false,
  graphiql: false,
});
const httpServer = createServer(yoga);
const wsServer = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint });
useServer({
  onConnect: (ctx) => acceptConnection(ctx.connectionParams),
  execute: (args) => args.rootValue.execute(args),
  subscribe: (args) => args.rootValue.subscribe(args),
  onSubscribe: async (ctx, _id, params) => {
    const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
      ...ctx,
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      params,
    });
    const args = {
      schema,
      operationName: params.operationName,
      document: parse(params.query),
      variableValues: params.variables,
      contextValue: await contextFactory(),
      rootValue: { execute, subscribe },
    };
    const errors = validate(args.schema, args.document);
    if (errors.length)
      return errors;
    return args;
  },
}, wsServer);
httpServer.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  announce(`ws://127.0.0.1:${httpServer.address().port}${yoga.graphqlEndpoint}`);
});
