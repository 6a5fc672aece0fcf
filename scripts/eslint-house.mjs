// A lint rule that keeps each import inside the rooms scripts/house-rooms.mjs allows.
import path from 'node:path';
import { forbidden } from './house-rooms.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

function targetOf(file, source) {
  if (source.startsWith('@/')) return source.slice(2);
  if (source.startsWith('.')) return path.relative(ROOT, path.resolve(path.dirname(file), source));
  return null; // a package
}

const rooms = {
  meta: { type: 'problem', schema: [], docs: { description: 'imports stay inside the rooms the house allows' } },
  create(context) {
    const file = path.relative(ROOT, context.filename);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = targetOf(context.filename, source);
      const why = target && forbidden(file, target);
      if (why) context.report({ node: node.source, message: why });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const plugin = { rules: { rooms } };
export default plugin;
