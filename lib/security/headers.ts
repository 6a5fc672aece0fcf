/**
 * The headers every response of this origin carries. Built per request from the model settings, which are
 * read at request time: the page may talk to this origin and to the model's host, nothing else.
 */
import type { EngineConfig } from '@/lib/engine/shared/config';

/** The Hub serves large files by redirecting to its CDN on *.hf.co (Xet storage: cas-bridge.xethub.hf.co). */
const HUB = 'https://huggingface.co';
const HUB_CDN = 'https://*.hf.co';

/** Where the browser may fetch from: this origin, and for the Hub (or a mirror) its origin, with the Hub's CDN. */
export function modelOrigins(config: Pick<EngineConfig, 'source' | 'hubUrl'> | null): string[] {
  if (!config || config.source === 'self') return [];
  const origin = new URL(config.hubUrl).origin;
  return origin === HUB ? [HUB, HUB_CDN] : [origin];
}

/**
 * The content security policy. Scripts: Next.js writes its page data as inline scripts, and statically
 * generated pages cannot carry a per-request nonce, so 'unsafe-inline' stays (with 'self' and nothing
 * else: no third-party script, no eval); 'wasm-unsafe-eval' lets ONNX Runtime compile its WebAssembly.
 */
export function contentSecurityPolicy(config: Pick<EngineConfig, 'source' | 'hubUrl'> | null): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...modelOrigins(config)].join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Powerful features the reader never uses, denied to the page and anything it could embed. */
const DENIED = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export function securityHeaders(config: Pick<EngineConfig, 'source' | 'hubUrl'> | null): [string, string][] {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(config)],
    ['X-Content-Type-Options', 'nosniff'],
    // What a reader reads stays private: no page address goes along to the model host, or anywhere.
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', DENIED.map((feature) => `${feature}=()`).join(', ')],
    // Cross-origin isolation lets ONNX Runtime use SharedArrayBuffer, i.e. several threads. `credentialless`
    // (not `require-corp`) so the model can still come from the Hub: cross-origin requests without
    // credentials need no Cross-Origin-Resource-Policy header.
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Embedder-Policy', 'credentialless'],
  ];
}
