// HTTP/2 cleartext (prior knowledge only: no HTTP/1 fallback) multipart subscription server for
// tst_http2. Prints its port on stdout. POST /sub?count=n: n payloads 20 ms apart, router
// framing. POST /sessions: {"sessions": <HTTP/2 sessions accepted so far>}. POST /status?code=n:
// status n with a plain-text body.
import http2 from 'node:http2';

let sessions = 0;
const server = http2.createServer({ allowHTTP1: false });
server.on('session', () => ++sessions);
server.on('request', async (req, res) => {
  for await (const _ of req); // the request body
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/sessions') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { sessions } }));
    return;
  }
  if (url.pathname === '/status') {
    res.writeHead(Number(url.searchParams.get('code')), { 'content-type': 'text/plain' });
    res.end('no such path');
    return;
  }
  const count = Number(url.searchParams.get('count') || 3);
  res.writeHead(200, { 'content-type': 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"' });
  res.write('\r\n--graphql\r\ncontent-type: application/json\r\n\r\n{}\r\n--graphql');
  for (let i = 0; i < count; ++i) {
    await new Promise((r) => setTimeout(r, 20));
    res.write(`\r\ncontent-type: application/json\r\n\r\n{"payload":{"data":{"n":${i}}}}\r\n--graphql`);
  }
  res.end('--\r\n');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
