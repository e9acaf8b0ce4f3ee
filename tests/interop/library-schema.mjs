// The schema both interop servers (yoga/server.mjs, apollo-server/server.mjs) serve, so that
// tst_interop_servers can send the same documents to both. Plain JavaScript with no imports:
// each server builds it with its own graphql version.
//
// Some resolvers are slow on purpose (they await a few ms), so that deferred fragments and
// streamed list items really arrive in later parts of the response. One field (Book.rating of
// book "3") fails, so that errors inside deferred fragments can be compared as well.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Apollo Server (graphql 17.0.0-alpha.9) needs the directives declared in the schema;
// graphql-yoga's defer-stream plugin adds them itself.
export const incrementalDirectives = `
directive @defer(if: Boolean! = true, label: String) on FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @stream(if: Boolean! = true, label: String, initialCount: Int = 0) on FIELD
`;

export const queryTypeDefs = `
type Query {
  hello(name: String = "world"): String!
  library: Library!
  book(id: ID!): Book
  books: [Book!]!
  "Yields count integers from 1, each after delayMs."
  numbers(count: Int!, delayMs: Int = 20): [Int!]!
}

type Mutation {
  addReview(bookId: ID!, stars: Int!, text: String!): Review!
}

type Library {
  name: String!
  address: Address!
  books: [Book!]!
  "Slow (150 ms)."
  stats: Stats!
}

type Address {
  city: String!
  street: String!
}

type Stats {
  bookCount: Int!
  reviewCount: Int!
  averageStars: Float
}

type Book {
  id: ID!
  title: String!
  tags: [String!]!
  author: Author!
  "Slow (40 ms)."
  reviews: [Review!]!
  "Slow (30 ms); fails for book 3."
  rating: Float
}

type Author {
  name: String!
  born: Int
  "Slow (60 ms)."
  bio: String
}

type Review {
  id: ID!
  stars: Int!
  text: String!
}
`;

export const subscriptionTypeDefs = `
type Subscription {
  "Counts down from 'from' to 0, one event every intervalMs."
  countdown(from: Int!, intervalMs: Int = 50): Int!
}
`;

const authors = {
  tolkien: { name: 'J. R. R. Tolkien', born: 1892, bio: 'Philologist and author.' },
  leguin: { name: 'Ursula K. Le Guin', born: 1929, bio: 'Author of Earthsea.' },
  herbert: { name: 'Frank Herbert', born: 1920, bio: null },
};

export function createState() {
  return {
    books: [
      { id: '1', title: 'The Hobbit', tags: ['fantasy', 'classic'], author: 'tolkien', rating: 4.7 },
      { id: '2', title: 'A Wizard of Earthsea', tags: ['fantasy'], author: 'leguin', rating: 4.4 },
      { id: '3', title: 'Dune', tags: ['sf', 'classic', 'desert'], author: 'herbert', rating: null },
      { id: '4', title: 'The Dispossessed', tags: [], author: 'leguin', rating: 4.5 },
    ],
    reviews: {
      1: [{ id: 'r1', stars: 5, text: 'Lovely.' }, { id: 'r2', stars: 4, text: 'Long walk.' }],
      2: [{ id: 'r3', stars: 4, text: 'Quiet magic.' }],
      3: [],
      4: [{ id: 'r4', stars: 5, text: 'Anarres!' }],
    },
    nextReview: 5,
  };
}

export function createResolvers(state, { withSubscription = false } = {}) {
  const allReviews = () => Object.values(state.reviews).flat();
  const resolvers = {
    Query: {
      hello: (_, { name }) => `Hello, ${name}!`,
      library: () => ({}),
      book: (_, { id }) => state.books.find((book) => book.id === id) ?? null,
      books: async () => {
        await sleep(10);
        return state.books;
      },
      numbers: async function* (_, { count, delayMs }) {
        for (let i = 1; i <= count; ++i) {
          await sleep(delayMs);
          yield i;
        }
      },
    },
    Mutation: {
      addReview: (_, { bookId, stars, text }) => {
        if (!state.reviews[bookId]) throw new Error(`No book with id ${bookId}`);
        const review = { id: `r${state.nextReview++}`, stars, text };
        state.reviews[bookId].push(review);
        return review;
      },
    },
    Library: {
      name: () => 'Loopback Public Library',
      address: () => ({ city: 'Localhost', street: '127 Loopback Lane' }),
      books: () => state.books,
      stats: async () => {
        await sleep(150);
        const reviews = allReviews();
        return {
          bookCount: state.books.length,
          reviewCount: reviews.length,
          averageStars: reviews.length
            ? reviews.reduce((sum, review) => sum + review.stars, 0) / reviews.length
            : null,
        };
      },
    },
    Book: {
      author: (book) => authors[book.author],
      reviews: async (book) => {
        await sleep(40);
        return state.reviews[book.id] ?? [];
      },
      rating: async (book) => {
        await sleep(30);
        if (book.rating === null) throw new Error(`No rating for book ${book.id} yet`);
        return book.rating;
      },
    },
    Author: {
      bio: async (author) => {
        await sleep(60);
        return author.bio;
      },
    },
  };
  if (withSubscription) {
    resolvers.Subscription = {
      countdown: {
        subscribe: async function* (_, { from, intervalMs }) {
          for (let i = from; i >= 0; --i) {
            await sleep(intervalMs);
            yield { countdown: i };
          }
        },
      },
    };
  }
  return resolvers;
}

// The servers live as long as their parent: when the test closes stdin (or dies), they exit.
export function exitWithParent() {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
