#!/usr/bin/env node
// Copies ONNX Runtime Web's WASM files from node_modules into public/ort/<version>-<hash>/ at build time,
// so the app serves them from its own origin and never asks a CDN (see ort-files.mjs for the folder name).
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ORT_FILES, ortFolder, ortPackage } from './ort-files.mjs';

const { dist } = ortPackage();
const folder = ortFolder();
const root = path.resolve('public/ort');
mkdirSync(path.join(root, folder), { recursive: true });
// Earlier builds' files go: only the ones this build's bundle names are served.
for (const entry of readdirSync(root))
  if (entry !== folder) rmSync(path.join(root, entry), { recursive: true, force: true });
for (const f of ORT_FILES) {
  copyFileSync(path.join(dist, f), path.join(root, folder, f));
  console.log(`public/ort/${folder}/${f} (${(statSync(path.join(root, folder, f)).size / 1e6).toFixed(1)} MB)`);
}
