import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MODEL_DIR = path.join(process.cwd(), 'tests/model/tiny-marian-nl-en');
const HUB = 'huggingface.co';
const CDN = 'cas-bridge.xethub.hf.co';
export const HUB_MODEL = `https://${HUB}/Xenova/opus-mt-nl-en/resolve/main/`;
export const HUB_CDN = `https://${CDN}/`;
/** Files at least this large are LFS/Xet files: the Hub answers them with a redirect to its CDN. */
const LARGE = 100_000;

export interface HubRequest {
  host: string;
  method: string;
  url: string;
  range: string | null;
}

/**
 * The Hugging Face Hub as it really answers, with the test model's bytes at Xenova/opus-mt-nl-en's URLs,
 * on this machine over TLS: small files straight from huggingface.co; large ones as a 302 to Xet
 * storage's bridge, a CDN origin of its own, which serves a plain GET with CORS but refuses CORS preflights
 * and HEAD (huggingface/datasets#7931). A browser reaches it through `--host-resolver-rules` (hubBrowserArgs),
 * so it sends real requests to the real host names: redirects, CORS and the page's CSP all apply as they
 * would on the Internet. `hold` keeps one file's download open until the test lets it go.
 */
export class FakeHub {
  readonly requests: HubRequest[] = [];
  private held: { file: string; until: Promise<void> } | null = null;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(port: number): Promise<FakeHub> {
    const dir = mkdtempSync(path.join(tmpdir(), 'tweetalig-hub-'));
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${HUB}`,
        '-addext',
        `subjectAltName=DNS:${HUB},DNS:${CDN}`,
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    let hub: FakeHub | null = null;
    const server = createServer(
      { key: readFileSync(key), cert: readFileSync(cert) },
      (req, res) => void hub?.answer(req, res),
    );
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    hub = new FakeHub(server, port);
    return hub;
  }

  /** Chromium flags that send both host names to a hub on this port (its certificate is self-signed, hence the last flag). */
  static browserArgs(port: number): string[] {
    return [
      `--host-resolver-rules=MAP ${HUB} 127.0.0.1:${port}, MAP ${CDN} 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
    ];
  }

  hold(file: string, until: Promise<void>) {
    this.held = { file, until };
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse) {
    const host = (req.headers.host ?? '').split(':')[0] ?? '';
    const url = new URL(req.url ?? '/', `https://${host}`);
    this.requests.push({ host, method: req.method ?? '', url: url.href, range: req.headers.range ?? null });
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'Content-Length, Content-Range, ETag',
    };
    if (host === CDN) {
      if (req.method !== 'GET') return end(res, 403, {}, 'Forbidden'); // no preflight, no HEAD, and no CORS headers either
      const file = Buffer.from(url.pathname.split('/').pop() ?? '', 'hex').toString();
      if (this.held?.file === file && !req.headers.range) await this.held.until;
      return serveFile(req, res, file, { ...cors, 'cache-control': 'public, max-age=604800, immutable' });
    }
    if (host !== HUB) return end(res, 404, {}, 'no such host');
    if (req.method === 'OPTIONS')
      return end(res, 204, {
        ...cors,
        'access-control-allow-headers': '*',
        'access-control-allow-methods': 'GET, HEAD',
      });
    const file = url.pathname.split('/resolve/main/')[1] ?? '';
    const size = sizeOf(file);
    if (size === null) return end(res, 404, cors, 'Entry not found');
    if (size < LARGE) return serveFile(req, res, file, cors);
    const signed = `${HUB_CDN}xet-bridge-us/${Buffer.from(file).toString('hex')}?X-Xet-Signed-Range=bytes%3D0-${size - 1}&Expires=1893456000&Signature=test`;
    return end(res, 302, { ...cors, location: signed }, '');
  }
}

function sizeOf(file: string): number | null {
  try {
    return statSync(path.join(MODEL_DIR, file)).size;
  } catch {
    return null;
  }
}

function end(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer = '') {
  res.writeHead(status, headers);
  res.end(body);
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: string, headers: Record<string, string>) {
  const body = readFileSync(path.join(MODEL_DIR, file));
  const type = { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' };
  const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
  if (range) {
    const [start, endAt] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
    return end(
      res,
      206,
      {
        ...headers,
        ...type,
        'content-range': `bytes ${start}-${endAt}/${body.length}`,
        'content-length': String(endAt - start + 1),
      },
      body.subarray(start, endAt + 1),
    );
  }
  end(res, 200, { ...headers, ...type, 'content-length': String(body.length) }, body);
}
