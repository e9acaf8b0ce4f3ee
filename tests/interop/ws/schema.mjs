// The schema every WebSocket interop server in this directory serves, so that smoke.mjs and
// tst_interop_ws send the same documents to each. Built with this directory's graphql (16).
//
//   Query.hello(name)             "Hello, <name>!"
//   Query.echoParams              the connection_init payload as a JSON string ("null" if none)
//   Query.slowHello               a field that resolves after 20 ms (for @defer, yoga only)
//   Query.numbers(count)          1..count from an async generator (for @stream, yoga only)
//   Subscription.countdown(from)  from, from - 1, ..., 0, then the subscription ends
//   Subscription.fail             1, then the source stream throws "the source stream broke"
//
// onConnect() (every server's) refuses a connection whose params carry {"token": "bad"}:
// graphql-ws closes the socket with 4403 Forbidden, subscriptions-transport-ws answers
// connection_error "Prohibited connection!" and closes with 1011.

// No static import of a package: the scripts first check that `npm ci` ran (requireModules).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const typeDefs = `
type Query {
  hello(name: String = "world"): String!
  echoParams: String!
  slowHello: String!
  numbers(count: Int!): [Int!]!
}

type Subscription {
  countdown(from: Int!, intervalMs: Int = 0): Int!
  fail: Int!
}
`;

export const failMessage = 'the source stream broke';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const resolvers = {
  Query: {
    hello: (_, { name }) => `Hello, ${name}!`,
    echoParams: (_, __, context) => JSON.stringify(context?.connectionParams ?? null),
    slowHello: async () => {
      await sleep(20);
      return 'Hello, later!';
    },
    numbers: async function* (_, { count }) {
      for (let i = 1; i <= count; ++i) {
        await sleep(5);
        yield i;
      }
    },
  },
  Subscription: {
    countdown: {
      subscribe: async function* (_, { from, intervalMs }) {
        for (let i = from; i >= 0; --i) {
          if (intervalMs > 0)
            await sleep(intervalMs);
          yield { countdown: i };
        }
      },
    },
    fail: {
      subscribe: async function* () {
        yield { fail: 1 };
        throw new Error(failMessage);
      },
    },
  },
};

// The resolvers attached to the SDL's fields (what graphql-tools' makeExecutableSchema does);
// this file's schema unless others are given.
export async function executableSchema(sdl = typeDefs, fieldResolvers = resolvers) {
  const { buildSchema } = await import('graphql');
  const schema = buildSchema(sdl);
  for (const [typeName, fields] of Object.entries(fieldResolvers)) {
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

// graphql-ws's onConnect: false rejects the connection (4403 Forbidden).
export const acceptConnection = (connectionParams) => connectionParams?.token !== 'bad';

// The servers print their URL as the first line of stdout and live as long as their parent:
// when it closes stdin (or dies), they exit.
export function announce(url) {
  console.log(url);
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

// Each server script checks its packages are installed before importing them.
export function requireModules(here, modules) {
  for (const module of modules) {
    if (!existsSync(join(here, 'node_modules', module))) {
      console.error(`node_modules is missing in ${here}: run "npm ci --prefix ${here}" first`);
      process.exit(1);
    }
  }
}
