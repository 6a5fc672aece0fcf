#!/usr/bin/env node
// Serves the production build, as `next start` does, with one thing `next start` cannot do: tell the app who
// its peer is. The web import's rate limit must key on the address this server's socket sees, not on a header
// the client writes (lib/web-import/client-address.ts). Every request gets `x-tweetalig-peer: <token> <address>`,
// overwriting any a client sent; the token is this process's own, so a forged header is never believed.
//   node scripts/serve.mjs [-p PORT] [-H HOST]      (PORT and HOSTNAME from the environment otherwise)
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';

const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('-p') ?? process.env.PORT ?? 3000);
const hostname = arg('-H') ?? process.env.HOSTNAME ?? undefined;
const token = randomBytes(18).toString('base64url');
process.env.TWEETALIG_PEER_TOKEN = token;

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, '..'), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

createServer((req, res) => {
  req.headers['x-tweetalig-peer'] = `${token} ${req.socket.remoteAddress ?? ''}`;
  void handle(req, res);
}).listen(port, hostname, () => console.log(`Tweetalig on http://${hostname ?? 'localhost'}:${port}`));
