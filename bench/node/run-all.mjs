// Runs every end-to-end benchmark, one after the other, and prints Markdown tables.
// Called by bench/run.sh (which builds first); not a test.
//
//   node run-all.mjs <build-dir> [--quick]
//
// Environment: REPEAT (runs per throughput case, median reported; default 5),
// IDLE_SECONDS (scale idle phase, default 20), LATENCY_COUNT (payloads per latency run, 10 ms
// apart; default 1000).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = path.resolve(process.argv[2] || 'build-bench');
const quick = process.argv.includes('--quick');
const bin = (name) => path.join(buildDir, 'bench', name);
const REPEAT = Number(process.env.REPEAT || (quick ? 1 : 5));
const IDLE = Number(process.env.IDLE_SECONDS || (quick ? 3 : 20));
const LATENCY_COUNT = Number(process.env.LATENCY_COUNT || (quick ? 200 : 1000));
const results = { started: new Date().toISOString() };

function log(...a) { console.error('#', ...a); }

async function startServer(cmd, args) {
  const portFile = path.join(os.tmpdir(), `qgraphql-bench-${process.pid}-${Date.now()}.port`);
  const child = spawn(cmd, [...args, portFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100 && !fs.existsSync(portFile); ++i) await new Promise((r) => setTimeout(r, 100));
  if (!fs.existsSync(portFile)) { child.kill(); throw new Error(`${cmd} did not start`); }
  const port = Number(fs.readFileSync(portFile, 'utf8'));
  fs.unlinkSync(portFile);
  return { child, port, stop: () => new Promise((r) => { child.once('exit', r); child.kill(); }) };
}

function runJson(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 900_000, ...opts });
  const line = (r.stdout || '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) {
    log(`FAILED: ${cmd} ${args.join(' ')} (status ${r.status})\n${r.stderr}`);
    return null;
  }
  return JSON.parse(line);
}

const median = (xs, key) => {
  const v = xs.filter(Boolean).sort((a, b) => a[key] - b[key]);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
const fmt = (x, d = 0) => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const mib = (kib) => fmt(kib / 1024, 1);

function table(head, rows) {
  const out = [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i ? '---:' : '---')).join('|')}|`];
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  console.log(out.join('\n') + '\n');
}

const qgraphql = (mode, url) => runJson(bin('bench_endtoend'), [mode, url]);
const apollo = (mode, url) => runJson('node', [path.join(here, 'apollo-bench.mjs'), mode, url]);
const qml = (url) => runJson(bin('bench_qml'), [url]);
const SUBSCRIPTION = 'subscription { tick { seq t } }';
const cliPath = path.join(buildDir, 'tools', 'qgraphql', 'qgraphql');
// A client whose stdout goes into bench_piperun's pipe: lines, bytes and the child's CPU.
const piped = (n, cmd, args) => runJson(bin('bench_piperun'), [`${n}`, cmd, ...args]);
const cliPrint = (n, url) => piped(n, cliPath, [url, SUBSCRIPTION]);
const apolloPrint = (n, url) => piped(n, 'node', [path.join(here, 'apollo-bench.mjs'), 'print', url]);
const withRate = (r) => r && { ...r, rate: r.payloads / r.seconds };

// Runs every client `repeat` times, the clients alternating run by run (so that a noisy moment
// on the machine hits all alike), and returns the median run of each by payloads/s.
function alternate(label, clients, repeat) {
  const runsOf = clients.map(() => []);
  for (let i = 0; i < repeat; ++i) {
    clients.forEach(([client, fn], k) => { log(`${label} ${client} run ${i + 1}`); runsOf[k].push(withRate(fn())); });
  }
  return clients.map(([client], k) => ({ client, runs: runsOf[k], median: median(runsOf[k], 'rate') }));
}

async function main() {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1];
  console.log(`## Machine\n\n${os.cpus().length} CPUs (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 20)} MiB RAM, ` +
    `Linux ${os.release()}, Node ${process.version}, load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

  // 1. Decoder alone (the existing benchmark).
  log('decoder benchmark');
  const dec = spawnSync(bin('bench_multipartdecoder'), [quick ? '0.3' : '1'], { encoding: 'utf8' });
  console.log('## Decoder alone (bench_multipartdecoder)\n\n' + dec.stdout);
  // Its table rows, for bench_plot: | part | read | work | MB/s | parts/s | ns/part | MB fed |
  results.decoder = (dec.stdout || '').split('\n').map((l) => l.split('|').map((c) => c.trim()))
    .filter((c) => c.length >= 9 && /^[\d.]+$/.test(c[4]))
    .map(([, part, read, work, mbs, parts, ns]) => ({ part, read, work, mbPerSecond: Number(mbs),
      partsPerSecond: Number(parts), nsPerPart: Number(ns) }));
  if (fs.existsSync(bin('bench_json'))) {
    log('JSON parser benchmark');
    const js = spawnSync(bin('bench_json'), [quick ? '0.3' : '1'], { encoding: 'utf8' });
    console.log('## JSON parsers on our payloads (bench_json)\n\n' + js.stdout);
  }

  const load = await startServer(bin('bench_loadserver'), []);
  const base = `http://127.0.0.1:${load.port}`;
  try {
    // 2 + 3. Throughput, ours and Apollo Client 4, same server, same workload.
    const cases = [
      { name: '~100 B', size: 100, count: 100000 },
      { name: '16 KiB', size: 16384, count: 10000 },
    ];
    const rows = [];
    const ratios = [];
    results.throughput = [];
    for (const c of cases) {
      const url = `${base}/stream?size=${c.size}&count=${c.count}`;
      const per = {};
      const clients = [['QGraphQL', qgraphql], ['Apollo Client 4', apollo]];
      // Interleaved, so that a noisy moment on the machine hits both clients alike.
      const runsOf = clients.map(() => []);
      for (let i = 0; i < REPEAT; ++i) {
        clients.forEach(([client, fn], k) => { log(`throughput ${c.name} ${client} run ${i + 1}`); runsOf[k].push(fn('throughput', url)); });
      }
      for (const [k, [client]] of clients.entries()) {
        const runs = runsOf[k];
        const m = median(runs.map((r) => r && { ...r, rate: r.payloads / r.seconds }), 'rate');
        per[client] = m;
        results.throughput.push({ case: c.name, client, runs, median: m });
        if (!m) { rows.push([c.name, client, 'failed', '', '', '']); continue; }
        const ok = m.payloads === c.count ? '' : ` (got ${m.payloads} of ${c.count})`;
        rows.push([c.name, `${c.count}`, client, fmt(m.rate) + ok, fmt(m.cpu / m.payloads * 1e5, 2),
          fmt(m.cpu / m.payloads * 1e6, 1), mib(m.hwmKiB)]);
      }
      const q = per['QGraphQL'];
      const a = per['Apollo Client 4'];
      if (q && a) {
        ratios.push([c.name, fmt(q.rate / a.rate, 2) + 'x', fmt((q.cpu / q.payloads) / (a.cpu / a.payloads), 2) + 'x',
          fmt(q.hwmKiB / a.hwmKiB, 2) + 'x']);
      }
    }
    console.log(`## End to end over loopback (median of ${REPEAT})\n`);
    table(['payload', 'N', 'client', 'payloads/s', 'CPU s per 10^5', 'CPU µs per payload', 'peak RSS MiB'], rows);
    console.log('Ratios, QGraphQL / Apollo Client 4 (payloads/s: higher is better; CPU per payload and peak RSS: lower is better)\n');
    table(['payload', 'payloads/s', 'CPU per payload', 'peak RSS'], ratios);

    // The CLI against Apollo Client 4, each printing every result into a pipe read by
    // bench_piperun. CPU is the child's whole life (wait4), so start-up counts; one run with a
    // single payload per client measures it, and the "net" columns take it off.
    results.cli = [];
    const cliRows = [];
    const cliRatios = [];
    const cliClients = [['qgraphql (CLI)', cliPrint], ['Apollo Client 4 (node)', apolloPrint]];
    const startup = {};
    for (const [client, fn] of cliClients) {
      log(`CLI start-up ${client}`);
      const r = fn(1, `${base}/stream?size=100&count=1`);
      startup[client] = r && { ...r, payloads: r.lines };
    }
    results.cliStartup = startup;
    for (const c of cases) {
      const url = `${base}/stream?size=${c.size}&count=${c.count}`;
      const per = {};
      const clients = cliClients.map(([client, fn]) => [client, () => {
        const r = fn(c.count, url);
        return r && { ...r, payloads: r.lines };
      }]);
      for (const { client, runs, median: m } of alternate(`CLI ${c.name}`, clients, REPEAT)) {
        results.cli.push({ case: c.name, client, runs, median: m, startup: startup[client] });
        per[client] = m;
        if (!m) { cliRows.push([c.name, `${c.count}`, client, 'failed', '', '', '', '', '', '']); continue; }
        const s = startup[client];
        const netRate = s ? (m.payloads - 1) / (m.seconds - s.seconds) : NaN;
        const netCpu = s ? (m.cpu - s.cpu) / (m.payloads - 1) * 1e6 : NaN;
        Object.assign(m, { netRate, netCpuUs: netCpu });
        cliRows.push([c.name, `${c.count}`, client, fmt(m.rate), fmt(netRate), fmt(m.cpu / m.payloads * 1e6, 1),
          fmt(netCpu, 1), fmt(m.bytes / m.lines, 0), fmt(m.bytes / 1e6, 1), mib(m.hwmKiB)]);
      }
      const q = per[cliClients[0][0]];
      const a = per[cliClients[1][0]];
      if (q && a) {
        cliRatios.push([c.name, `${fmt(q.rate / a.rate, 2)}x`, `${fmt(q.netRate / a.netRate, 2)}x`,
          `${fmt((q.cpu / q.payloads) / (a.cpu / a.payloads), 2)}x`, `${fmt(q.netCpuUs / a.netCpuUs, 2)}x`]);
      }
    }
    console.log(`## CLI: every result printed to a pipe (median of ${REPEAT})\n`);
    console.log('`qgraphql URL \'subscription { tick { seq t } }\'` (one compact line per result, the server\'s text) ' +
      'against `node apollo-bench.mjs print URL` (`JSON.stringify(result)` per result), stdout into a pipe read by ' +
      '`bench_piperun`; payloads/s = lines / wall time from spawn to exit; CPU = the child\'s user+system from `wait4()`. ' +
      '"net": minus a one-payload run of the same client (start-up: ' +
      cliClients.map(([k]) => `${k} ${startup[k] ? fmt(startup[k].seconds * 1e3) + ' ms, ' + fmt(startup[k].cpu * 1e3) + ' ms CPU' : 'failed'}`).join('; ') +
      ').\n');
    table(['payload', 'N', 'client', 'payloads/s', 'net payloads/s', 'CPU µs per payload', 'net CPU µs per payload',
      'bytes per line', 'MB out', 'peak RSS MiB'], cliRows);
    console.log('Ratios, qgraphql / Apollo Client 4 (payloads/s: higher is better; CPU per payload: lower is better)\n');
    table(['payload', 'payloads/s', 'net payloads/s', 'CPU per payload', 'net CPU per payload'], cliRatios);

    // A consumer that reads one field of every result: the library through data() (builds the
    // whole tree) and through value() (from the result's text), QML's onResultReceived, and
    // Apollo's r.data.seq. GUI thread: the CPU of the thread that runs the event loop and
    // receives the results (ours: CLOCK_THREAD_CPUTIME_ID of the main thread; Apollo: the
    // process, as Node's main thread does the parsing).
    results.consumer = [];
    const conRows = [];
    const conRatios = [];
    const apolloName = 'Apollo Client 4: r.data.seq';
    const conClients = [
      ['QGraphQL: r.data()["seq"]', (url) => qgraphql('data', url)],
      ['QGraphQL: r.value(u"seq")', (url) => qgraphql('value', url)],
      ...(fs.existsSync(bin('bench_qml')) ? [['QML: onResultReceived, data.seq', (url) => qml(url)]] : []),
      [apolloName, (url) => apollo('field', url)],
    ];
    for (const c of cases) {
      const url = `${base}/stream?size=${c.size}&count=${c.count}`;
      const per = alternate(`consumer ${c.name}`, conClients.map(([client, fn]) => [client, () => fn(url)]), REPEAT);
      const a = per.find((p) => p.client === apolloName).median;
      for (const { client, runs, median: m } of per) {
        results.consumer.push({ case: c.name, client, runs, median: m });
        if (!m) { conRows.push([c.name, `${c.count}`, client, 'failed', '', '', '']); continue; }
        const ok = m.payloads === c.count && m.fields === c.count ? '' : ` (${m.fields} fields in ${m.payloads} of ${c.count})`;
        const gui = m.guiCpu != null ? m.guiCpu : m.cpu; // Apollo: the process
        conRows.push([c.name, `${c.count}`, client, fmt(m.rate) + ok, fmt(m.cpu / m.payloads * 1e6, 1),
          (m.guiCpu != null ? '' : 'process: ') + fmt(gui / m.payloads * 1e6, 1), mib(m.hwmKiB)]);
        if (a && client !== apolloName) {
          const aCpu = a.cpu / a.payloads;
          conRatios.push([c.name, client, `${fmt(m.rate / a.rate, 2)}x`, `${fmt((m.cpu / m.payloads) / aCpu, 2)}x`,
            `${fmt((gui / m.payloads) / aCpu, 2)}x`]);
        }
      }
    }
    console.log(`## Consumer reading one field of every result (median of ${REPEAT})\n`);
    table(['payload', 'N', 'client', 'payloads/s', 'CPU µs per payload', 'GUI-thread CPU µs per payload', 'peak RSS MiB'], conRows);
    console.log('Ratios to Apollo Client 4 (targets: payloads/s ≥ 2x, CPU per payload < 1x, ' +
      'GUI-thread CPU per payload ≤ 0.25x of Apollo\'s CPU per payload)\n');
    table(['payload', 'client', 'payloads/s', 'CPU per payload', 'GUI-thread CPU / Apollo CPU'], conRatios);

    // How the comparison changes with payload size: about 16 MB of payloads per run, both
    // clients alternating, median of 3.
    const SWEEP_REPEAT = quick ? 1 : 3;
    results.sweep = [];
    const sweepRows = [];
    for (const size of [100, 1024, 4096, 16384, 65536]) {
      const count = Math.max(100, Math.min(100000, Math.round((quick ? 4e6 : 16e6) / size)));
      const url = `${base}/stream?size=${size}&count=${count}`;
      const runs = [[], []];
      for (let i = 0; i < SWEEP_REPEAT; ++i) {
        log(`payload size sweep ${size} B, run ${i + 1}`);
        runs[0].push(qgraphql('throughput', url));
        runs[1].push(apollo('throughput', url));
      }
      const [q, a] = runs.map((rs) => median(rs.map((r) => r && { ...r, rate: r.payloads / r.seconds }), 'rate'));
      results.sweep.push({ size, count, qgraphql: q, apollo: a });
      const perPayload = (m) => (m ? m.cpu / m.payloads * 1e6 : NaN);
      sweepRows.push([`${size}`, `${count}`, q ? fmt(q.rate) : 'failed', a ? fmt(a.rate) : 'failed',
        q && a ? `${fmt(q.rate / a.rate, 2)}x` : '', fmt(perPayload(q), 1), fmt(perPayload(a), 1),
        q && a ? `${fmt(perPayload(q) / perPayload(a), 2)}x` : '']);
    }
    console.log(`## Payload size sweep (about 16 MB of payloads per run, median of ${SWEEP_REPEAT})\n`);
    table(['payload B', 'N', 'QGraphQL payloads/s', 'Apollo payloads/s', 'ratio', 'QGraphQL CPU µs/payload',
      'Apollo CPU µs/payload', 'CPU ratio'], sweepRows);

    // 5. Peak RSS against stream length.
    const rss = [];
    results.rss = [];
    for (const n of [10000, 1000000]) {
      log(`RSS vs length: ${n}`);
      const r = qgraphql('throughput', `${base}/stream?size=100&count=${n}`);
      results.rss.push({ n, r });
      rss.push(r);
    }
    console.log('## Peak RSS against stream length (QGraphQL, ~100 B payloads)\n');
    table(['N', 'payloads received', 'payloads/s', 'peak RSS MiB'],
      rss.map((r, i) => [[10000, 1000000][i], r ? r.payloads : 'failed', r ? fmt(r.payloads / r.seconds) : '', r ? mib(r.hwmKiB) : '']));
    if (rss[0] && rss[1]) console.log(`10^6 vs 10^4: ${fmt((rss[1].hwmKiB / rss[0].hwmKiB - 1) * 100, 1)} % (target: within 10 %)\n`);

    // 4. Latency, both framings, both clients.
    const lat = [];
    results.latency = [];
    for (const framing of ['router', 'leading']) {
      const url = `${base}/latency?count=${LATENCY_COUNT}&interval=10&framing=${framing}`;
      for (const [client, fn] of [['QGraphQL', qgraphql], ['Apollo Client 4', apollo]]) {
        log(`latency ${framing} ${client}`);
        const r = fn('latency', url);
        results.latency.push({ framing, client, r });
        lat.push([framing === 'router' ? 'delimiter after the part (router)' : 'delimiter before the part',
          client, r ? `${r.count}` : 'failed', r ? fmt(r.p50us) : '', r ? fmt(r.p99us) : '', r ? fmt(r.maxus) : '']);
      }
    }
    console.log(`## Latency: one payload every 10 ms, server write (CLOCK_MONOTONIC) to delivery\n`);
    table(['framing', 'client', 'samples', 'p50 µs', 'p99 µs', 'max µs'], lat);

    // 4b. QGraphQL over WebSocket (bench_wsserver, graphql-transport-ws) next to multipart: the
    // same payloads, the same client program, the same measures.
    if (fs.existsSync(bin('bench_wsserver'))) {
      const ws = await startServer(bin('bench_wsserver'), []);
      const wsBase = `ws://127.0.0.1:${ws.port}`;
      try {
        results.websocket = { throughput: [], latency: null };
        const wsRows = [];
        for (const c of cases) {
          const runs = [];
          for (let i = 0; i < REPEAT; ++i) {
            log(`websocket throughput ${c.name} run ${i + 1}`);
            runs.push(qgraphql('throughput', `${wsBase}/stream?size=${c.size}&count=${c.count}`));
          }
          const m = median(runs.map(withRate), 'rate');
          results.websocket.throughput.push({ case: c.name, runs, median: m });
          const multipart = results.throughput.find((t) => t.case === c.name && t.client === 'QGraphQL');
          for (const [transport, r] of [['multipart (HTTP)', multipart && multipart.median],
                                        ['WebSocket', m]]) {
            wsRows.push([c.name, transport, r ? fmt(r.rate) : 'failed', r ? fmt(r.cpu / r.payloads * 1e6, 2) : '',
              r ? mib(r.hwmKiB) : '']);
          }
        }
        log('websocket latency');
        const wsLat = qgraphql('latency', `${wsBase}/latency?count=${LATENCY_COUNT}&interval=10`);
        results.websocket.latency = wsLat;
        const httpLat = (results.latency.find((l) => l.framing === 'router' && l.client === 'QGraphQL') || {}).r;
        console.log('## QGraphQL over WebSocket (graphql-transport-ws) next to multipart\n');
        table(['payload', 'transport', 'payloads/s', 'CPU µs per payload', 'peak RSS MiB'], wsRows);
        table(['transport', 'samples', 'p50 µs', 'p99 µs', 'max µs'],
          [['multipart (HTTP, router framing)', httpLat], ['WebSocket', wsLat]].map(([t, r]) =>
            [t, r ? `${r.count}` : 'failed', r ? fmt(r.p50us) : '', r ? fmt(r.p99us) : '', r ? fmt(r.maxus) : '']));
      } finally {
        await ws.stop();
      }
    }
  } finally {
    await load.stop();
  }

  // 6. Scale.
  const scaleRows = [];
  results.scale = [];
  for (const proto of ['h2', 'h1']) {
    const server = await startServer('node', [path.join(here, 'scale-server.mjs'), proto]);
    try {
      for (const subs of [1, 100, 1000]) {
        const live = Math.ceil(200000 / subs);
        log(`scale ${proto} ${subs} subscriptions, idle ${IDLE} s, ${live} payloads each`);
        const r = runJson(bin('bench_endtoend'), ['scale', `http://127.0.0.1:${server.port}`, `${subs}`, proto, `${IDLE}`, `${live}`]);
        results.scale.push(r);
        if (!r) { scaleRows.push([proto, subs, 'failed']); continue; }
        const perSub = (r.rssOpenKiB - r.rssBeforeKiB) / subs;
        scaleRows.push([r.proto, `${subs}`, `${proto === 'h2' ? r.serverStats.connections : r.serverStats.connections - 1}`, fmt(r.openSeconds, 2), mib(r.rssOpenKiB),
          fmt(perSub, 1), fmt(r.idleCpu / r.idleSeconds * 100, 3), fmt(r.livePayloads / r.liveSeconds),
          r.livePayloads === r.liveExpected ? '' : `${r.livePayloads}/${r.liveExpected}`, mib(r.hwmKiB)]);
      }
    } finally {
      await server.stop();
    }
  }
  console.log(`## Scale: concurrent subscriptions in one process (heartbeat every 5 s, idle ${IDLE} s; ` +
    'live: ~100 B payloads, 2x10^5 in all)\n');
  console.log('RSS per subscription = (RSS with all open - RSS before the first) / count; connections = TCP ' +
    'connections that carry the subscriptions, as the server counts them (HTTP/1.1: minus the control connection).\n');
  table(['protocol', 'subscriptions', 'connections', 'open in s', 'RSS open MiB', 'KiB per subscription',
    'idle CPU % of one core', 'live payloads/s', 'missing', 'peak RSS MiB (live)'], scaleRows);

  const out = path.join(buildDir, 'bench-results.json');
  fs.writeFileSync(out, JSON.stringify(results, null, 1));
  log(`raw results: ${out}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
