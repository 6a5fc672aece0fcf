import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import house from './scripts/eslint-house.mjs';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ['**/*.{ts,tsx}'], plugins: { house }, rules: { 'house/rooms': 'error' } },
  globalIgnores([
    '.next/**',
    '.next-e2e/**',
    '.e2e/**',
    'next-env.d.ts',
    'public/ort/**',
    'public/sw.js',
    'playwright-report/**',
    'test-results/**',
    'bench/out/**',
    'bench/standin/**',
    '.bench-full/**',
    'lib/engine/kernels/assembly/**', // AssemblyScript, compiled by scripts/build-kernels.mjs
    'public/kernels/**',
  ]),
]);
