// The reference for `qgraphql --print-schema`: graphql-js's own printSchema(buildClientSchema())
// of a server's introspection, with the graphql package of the directory it runs in (each
// server's node_modules), so that the text is what that server's graphql-js prints.
//   node print-schema.mjs introspect URL   the server's schema, fetched with getIntrospectionQuery()
//   node print-schema.mjs check < SDL      parses SDL back with buildSchema(), prints it again
//   node print-schema.mjs rich             {"introspection": …, "sdl": …} of RichSchema below
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } = require('graphql');

// Everything printSchema has a rule for: non-standard root names, custom directives and
// scalars, interfaces implementing interfaces, unions, enums and inputs, deprecation with and
// without a reason, descriptions that are and are not printable as block strings, default
// values graphql-js reprints (floats, IDs, enums, lists from a single value, input objects
// completed with their fields' defaults, escapes).
const RichSchema = `
schema { query: Root mutation: Changes }

"""A directive with a description"""
directive @cached(
  "seconds" ttl: Int = 60
  scope: Scope = PUBLIC
) repeatable on FIELD_DEFINITION | OBJECT

directive @tag(name: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION

"An ISO 8601 date"
scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

scalar JSON

"""
Multi-line description
  with an indented line
and a "quote"
"""
interface Node { id: ID! }

interface Named implements Node { id: ID! name: String! }

type Person implements Node & Named @cached {
  id: ID!
  name: String!
  "  leading spaces"
  nick: String @deprecated
  old: Int @deprecated(reason: "Use \\"new\\" instead\\nsee docs")
  born: Date
  "ends with a quote \\""
  friends(first: Int = 10, after: ID = "123", order: Order = { by: NAME }): [Person!]
}

type Robot implements Node { id: ID! model: String }

union Being = Person | Robot

"Sort keys"
enum Key {
  "by name"
  NAME
  AGE @deprecated(reason: "No longer supported")
  HEIGHT @deprecated(reason: "measure again")
}

enum Scope { PUBLIC PRIVATE }

input Order {
  by: Key! = AGE
  desc: Boolean = false
  "weights"
  weights: [Float!] = 1
  limit: Float = 1.0
  ratio: Float = 1.5e3
}

input Filter {
  order: Order = { desc: true }
  ids: [ID!] = ["1", "x"]
  text: String = "tab\\tnew\\nline \\u00e9 \\"q\\" \\\\"
  any: JSON = "x"
}

type Root {
  node(
    "The id"
    id: ID!
    """
    A long description that goes on and on, longer than seventy characters in all
    """
    filter: Filter = {}
  ): Node
  beings(filter: Filter): [Being]
  carriage: String
  empty: String
}

type Changes {
  """Contains \\""" triple quotes"""
  rename(id: ID!, name: String!): Person
}
`;

const [mode, url] = process.argv.slice(2);
if (mode === 'introspect') {
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    const result = await response.json();
    if (result.errors) {
        console.error(JSON.stringify(result.errors));
        process.exit(1);
    }
    process.stdout.write(printSchema(buildClientSchema(result.data)) + '\n');
} else if (mode === 'check') {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    process.stdout.write(printSchema(buildSchema(Buffer.concat(chunks).toString('utf8'))) + '\n');
} else if (mode === 'rich') {
    const { graphqlSync } = require('graphql');
    const schema = buildSchema(RichSchema);
    // A description buildSchema cannot write: a carriage return is no block string.
    schema.getType('Root').getFields().carriage.description = 'line\r\nbreak';
    schema.getType('Root').getFields().empty.description = '';
    const result = graphqlSync({ schema, source: getIntrospectionQuery() });
    if (result.errors) {
        console.error(JSON.stringify(result.errors));
        process.exit(1);
    }
    const introspection = JSON.parse(JSON.stringify(result.data));
    process.stdout.write(JSON.stringify({
        introspection,
        sdl: printSchema(buildClientSchema(introspection)),
    }));
} else {
    console.error('usage: node print-schema.mjs introspect URL | check < SDL | rich');
    process.exit(2);
}
