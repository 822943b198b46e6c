// ESLint rule `hearth/no-type-import-cycle`: no import cycle among our own files, counting
// `import type` too. import-x/no-cycle skips type-only imports because they vanish at run time,
// but a cycle of types is still a knot in the design (DESIGN.md: "No import cycles"); the one
// that started this rule was every route importing `type Services` from web/app.ts, which imports
// the routes. Dynamic `import()` is not followed: it is how a module defers a dependency on purpose.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** A relative specifier resolved to a .ts file of ours, or undefined (packages, JSON, assets). */
function resolveLocal(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The static import/export-from specifiers of a file's text. */
function staticSpecifiers(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      out.push(statement.moduleSpecifier.text);
    }
  }
  return out;
}

// One lint run reads each file once.
const edges = new Map();
function importsOf(file) {
  let list = edges.get(file);
  if (!list) {
    list = [...new Set(staticSpecifiers(file, readFileSync(file, 'utf8')).map((s) => resolveLocal(file, s)).filter(Boolean))];
    edges.set(file, list);
  }
  return list;
}

/** The shortest chain of imports from `start` back to `target`, or undefined. */
function pathBack(start, target) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === target) {
        const chain = [file];
        for (let at = previous.get(file); at; at = previous.get(at)) chain.unshift(at);
        return chain;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

export const noTypeImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles between our own modules, type-only imports included' },
    schema: [],
    messages: { cycle: 'Import cycle (type imports count): {{chain}}' },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!file.endsWith('.ts')) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolveLocal(file, node.source.value);
      if (!target || target === file) return;
      const chain = pathBack(target, file);
      if (chain) {
        const names = [file, ...chain, file].map((f) => relative(context.cwd, f));
        context.report({ node, messageId: 'cycle', data: { chain: names.join(' -> ') } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'no-type-import-cycle': noTypeImportCycle } };
