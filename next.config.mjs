import createNextIntlPlugin from 'next-intl/plugin';
import { ortFolder } from './scripts/ort-files.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The browser tests build into their own folder so they never clobber the build a person is serving.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // Where this build serves ONNX Runtime's files (scripts/copy-ort.mjs copies them there): a folder named
  // after their version and content, so they can be cached for good.
  env: {
    TWEETALIG_ORT_PATH: `/ort/${ortFolder()}/`,
    // The fixture sites the browser tests may read (lib/web-import/address.ts), fixed into the build so that
    // no setting at run time can open the server to loopback. Empty in every build but the tests' own.
    WEB_IMPORT_TEST_ALLOW: process.env.TWEETALIG_E2E_BUILD === '1' ? (process.env.WEB_IMPORT_TEST_ALLOW ?? '') : '',
  },
  // Security headers, cross-origin isolation included, come from proxy.ts: they depend on the model settings,
  // which are read at request time.
  async headers() {
    return [
      {
        source: '/ort/:version/:file',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
