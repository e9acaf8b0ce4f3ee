// Scale benchmark server: many concurrent multipart subscriptions over HTTP/1.1 (node:http) or
// HTTP/2 cleartext with prior knowledge (node:http2, no HTTP/1 fallback). Run by bench/run.sh.
//
//   node scale-server.mjs h1|h2 <port-file>
//
//   POST /sub      a subscription: router-framed multipart, a {} heartbeat at once and then
//                  every HEARTBEAT_MS (default 5000) ms, until /live ends it
//   POST /query    {"data":{"ok":true}} (warm-up)
//   POST /stats    {"open": <open subscriptions>}
//   POST /live?count=<n>   every open subscription gets n ~100 B payloads, written from a
//                  pre-built buffer as fast as its stream drains, then ends
import http from 'node:http';
import http2 from 'node:http2';
import fs from 'node:fs';

const [proto, portFile] = process.argv.slice(2);
const heartbeatMs = Number(process.env.HEARTBEAT_MS || 5000);
const delimiter = '\r\n--graphql';
const partHeader = '\r\ncontent-type: application/json\r\n\r\n';
const part = (json) => partHeader + json + delimiter;
const heartbeat = Buffer.from(part('{}'));

function payload(seq) {
  // ~100 B, the shape of the end-to-end small payload
  const head = `{"payload":{"data":{"seq":${seq},"text":"hello, world","items":[`;
  return head + '{"id":0,"name":"item \\"0\\"","score":0.0}]}}}';
}
const perBlock = 1000;
const block = Buffer.from(Array.from({ length: perBlock }, (_, i) => part(payload(i))).join(''));
const blockOf = (n) => Buffer.from(Array.from({ length: n }, (_, i) => part(payload(i))).join(''));

const open = new Set();

async function writeAll(res, buf) {
  if (!res.write(buf)) await new Promise((resolve) => res.once('drain', resolve));
}

async function goLive(stream, count) {
  const { res, timer } = stream;
  clearInterval(timer);
  try {
    let left = count;
    while (left >= perBlock && !res.destroyed) { await writeAll(res, block); left -= perBlock; }
    if (left > 0 && !res.destroyed) await writeAll(res, blockOf(left));
  } finally {
    open.delete(stream);
    if (!res.destroyed) res.end('--\r\n');
  }
}

async function handler(req, res) {
  const url = new URL(req.url, 'http://x');
  for await (const _ of req); // the request body
  if (url.pathname === '/sub') {
    res.writeHead(200, { 'content-type': 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"' });
    res.write(delimiter);
    res.write(heartbeat);
    const stream = { res, timer: setInterval(() => res.write(heartbeat), heartbeatMs) };
    open.add(stream);
    res.on('close', () => { clearInterval(stream.timer); open.delete(stream); });
    return;
  }
  let body;
  if (url.pathname === '/live') {
    const count = Number(url.searchParams.get('count') || 100);
    const streams = [...open];
    for (const s of streams) goLive(s, count);
    body = { live: streams.length };
  } else if (url.pathname === '/stats') {
    body = { open: open.size, connections };
  } else {
    body = { data: { ok: true } };
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = proto === 'h2'
  ? http2.createServer({ settings: { maxConcurrentStreams: 100000 } }, handler)
  : http.createServer({ keepAliveTimeout: 0 }, handler);
server.maxConnections = 100000;
let connections = 0; // open TCP connections (HTTP/2: sessions)
server.on(proto === 'h2' ? 'session' : 'connection', (c) => {
  ++connections;
  c.on('close', () => --connections);
});
server.listen(0, '127.0.0.1', () => {
  fs.writeFileSync(portFile + '.tmp', `${server.address().port}\n`);
  fs.renameSync(portFile + '.tmp', portFile);
});
