// Apollo Client 4 as the peer of bench_endtoend: the same server, the same workload, measured
// the same way. Prints one JSON object on stdout.
//
//   node apollo-bench.mjs throughput <url>   count next() until complete
//   node apollo-bench.mjs field <url>        the same, reading r.data.seq of each result
//   node apollo-bench.mjs latency <url>      p50/p99 of receive time - server write time
//   node apollo-bench.mjs print <url>        writes JSON.stringify(result) + "\n" per result
//                                            to stdout and nothing else (as a CLI would; the
//                                            runner, bench_piperun, measures it)
//
// CPU: process.cpuUsage() around the measured phase (user + system, the whole process, all
// threads). Peak RSS: process.resourceUsage().maxRSS (KiB, getrusage ru_maxrss).
// Latency uses process.hrtime.bigint(), which is CLOCK_MONOTONIC on Linux, as the server's.

import { ApolloClient, InMemoryCache, HttpLink, gql } from '@apollo/client';

const [mode, url] = process.argv.slice(2);
if (!mode || !url) {
  console.error('usage: node apollo-bench.mjs throughput|field|latency|print <url>');
  process.exit(2);
}

const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
const query = gql`subscription { tick { seq t } }`;

function percentile(sorted, p) {
  if (!sorted.length) return -1;
  return sorted[Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
}

if (mode === 'throughput' || mode === 'field') {
  const readField = mode === 'field';
  let payloads = 0;
  let fields = 0; // results whose data.seq is a number
  let seqSum = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  client.subscribe({ query, fetchPolicy: 'no-cache' }).subscribe({
    next: (r) => {
      ++payloads;
      if (!readField) return;
      const seq = r.data.seq;
      if (typeof seq === 'number') { ++fields; seqSum += seq; }
    },
    error: (e) => { console.error('subscription failed:', e); process.exit(1); },
    complete: () => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = process.cpuUsage(cpu0);
      if (readField && fields !== payloads) {
        console.error(`${fields} of ${payloads} results had a number in data.seq`);
        process.exitCode = 1;
      }
      console.log(JSON.stringify({
        client: 'apollo', payloads, fields, seqSum, seconds, cpu: (cpu.user + cpu.system) / 1e6,
        hwmKiB: process.resourceUsage().maxRSS,
      }));
      process.exit();
    },
  });
} else if (mode === 'print') {
  // stdout is a pipe: Node writes to pipes synchronously on Linux, one write() per result,
  // as the CLI's fwrite + fflush.
  client.subscribe({ query, fetchPolicy: 'no-cache' }).subscribe({
    next: (r) => { process.stdout.write(JSON.stringify(r) + '\n'); },
    error: (e) => { console.error('subscription failed:', e); process.exit(1); },
    complete: () => { process.stdout.write('', () => process.exit(0)); },
  });
} else if (mode === 'latency') {
  const us = [];
  client.subscribe({ query, fetchPolicy: 'no-cache' }).subscribe({
    next: (r) => {
      const now = process.hrtime.bigint();
      us.push(Number(now - BigInt(r.data.tick.t)) / 1e3);
    },
    error: (e) => { console.error('subscription failed:', e); process.exit(1); },
    complete: () => {
      const v = us.slice(5).sort((a, b) => a - b); // the first few are warm-up, as in C++
      console.log(JSON.stringify({
        client: 'apollo', count: v.length, p50us: percentile(v, 0.5), p99us: percentile(v, 0.99),
        maxus: v.length ? v[v.length - 1] : -1,
      }));
      process.exit(0);
    },
  });
} else {
  console.error('unknown mode', mode);
  process.exit(2);
}
