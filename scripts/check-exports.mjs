// Every type a public declaration names is itself public: walks the built declarations (dist/**/*.d.ts)
// from the package's entries (dist/lib/index.d.ts, dist/protocol/index.d.ts, dist/lib/opencti/index.d.ts), follows each public
// declaration's references through imports and local helper declarations, and lists the named types
// a user meets in a signature (hover, error message, docs) but cannot import. Exits 1 when any.
// Run after a build: `node scripts/check-exports.mjs [distDir]` (scripts/package-check.sh runs it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
// The opencti entry is walked when the build has it (a declarations-only fixture may not).
const ENTRIES = [join(dist, 'lib', 'index.d.ts'), join(dist, 'protocol', 'index.d.ts'), join(dist, 'lib', 'opencti', 'index.d.ts')].filter(
  (entry, i) => i < 2 || existsSync(entry),
);

/** The .d.ts a module specifier in `from` resolves to. */
function resolveSpec(spec, from) {
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [`${base}.d.ts`, join(base, 'index.d.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

const parsed = new Map();
/**
 * One .d.ts: its top-level declarations by name (text, exported or not), its imports (local name ->
 * { file, name }), its re-exports and `export *` targets.
 */
function parse(file) {
  const cached = parsed.get(file);
  if (cached !== undefined) return cached;
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const info = { declarations: new Map(), exported: new Set(), imports: new Map(), reexports: new Map(), stars: [] };
  parsed.set(file, info);
  // Top-level statements start at column 0 in tsc's output; continuation lines are indented or close a brace.
  const statements = text.split(/\n(?=[A-Za-z])/);
  for (const s of statements) {
    let m;
    if ((m = /^import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/.exec(s))) {
      const target = resolveSpec(m[2], file);
      for (const part of splitNames(m[1])) if (target !== undefined) info.imports.set(part.alias, { file: target, name: part.name });
    } else if ((m = /^import\s+(?:type\s+)?\*\s+as\s+(\w+)\s+from/.exec(s))) {
      // namespace imports are not followed
    } else if ((m = /^export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/.exec(s))) {
      const target = resolveSpec(m[2], file);
      for (const part of splitNames(m[1])) if (target !== undefined) info.reexports.set(part.alias, { file: target, name: part.name });
    } else if ((m = /^export\s*\*\s*from\s*['"]([^'"]+)['"]/.exec(s))) {
      const target = resolveSpec(m[1], file);
      if (target !== undefined) info.stars.push(target);
    } else if ((m = /^export\s+(?:type\s+)?\{([^}]*)\};?\s*$/.exec(s))) {
      for (const part of splitNames(m[1])) info.exported.add(part.alias);
    } else if ((m = /^(export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:const|let|var|function|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/.exec(s))) {
      info.declarations.set(m[2], (info.declarations.get(m[2]) ?? '') + s);
      if (m[1] !== undefined) info.exported.add(m[2]);
    }
  }
  return info;
}

function splitNames(list) {
  return list
    .split(',')
    .map((x) => x.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((x) => {
      const [name, alias] = x.split(/\s+as\s+/);
      return { name, alias: alias ?? name };
    });
}

/** Where `name` as exported by `file` is declared: { file, name }, or undefined. */
function declarationOf(file, name, seen = new Set()) {
  const key = `${file}#${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const info = parse(file);
  if (info.declarations.has(name)) return { file, name };
  const via = info.reexports.get(name) ?? info.imports.get(name);
  if (via !== undefined) return declarationOf(via.file, via.name, seen);
  for (const star of info.stars) {
    const found = declarationOf(star, name, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Names a module exports (declared, re-exported, star-exported). */
function exportedNames(file, seen = new Set()) {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const info = parse(file);
  const names = new Set([...info.exported, ...info.reexports.keys()]);
  for (const star of info.stars) for (const n of exportedNames(star, seen)) if (n !== 'default') names.add(n);
  return names;
}

// The public names, as the declarations they stand for.
const publicDecls = new Set();
const publicNames = new Set();
for (const entry of ENTRIES) {
  for (const name of exportedNames(entry)) {
    publicNames.add(name);
    const d = declarationOf(entry, name);
    if (d !== undefined) publicDecls.add(`${d.file}#${d.name}`);
  }
}

// Walk the references of every public declaration.
const missing = new Map(); // decl key -> the public declaration that first named it
const visited = new Set();
const queue = [...publicDecls].map((k) => ({ key: k, from: undefined }));
while (queue.length > 0) {
  const { key, from } = queue.shift();
  if (visited.has(key)) continue;
  visited.add(key);
  const [file, name] = key.split('#');
  const info = parse(file);
  const text = info.declarations.get(name) ?? '';
  const via = from ?? `${relative(dist, file)} ${name}`;
  for (const id of new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
    if (id === name) continue;
    let target;
    if (info.declarations.has(id)) target = { file, name: id };
    else if (info.imports.has(id)) target = declarationOf(info.imports.get(id).file, info.imports.get(id).name);
    if (target === undefined) continue;
    const targetKey = `${target.file}#${target.name}`;
    // A non-exported local helper (tsc's `declare const x`, a `type X` it inlined) is walked through, not reported.
    const exportedThere = parse(target.file).exported.has(target.name);
    if (exportedThere && !publicDecls.has(targetKey) && !missing.has(targetKey)) missing.set(targetKey, via);
    queue.push({ key: targetKey, from: via });
  }
}

const rows = [...missing].map(([key, via]) => {
  const [file, name] = key.split('#');
  return `${name.padEnd(36)} ${relative(dist, file).padEnd(58)} (named by ${via})`;
});
if (rows.length > 0) {
  console.error(`${rows.length} type(s) named by public declarations but not exported from csta-link or csta-link/protocol:\n${rows.sort().join('\n')}`);
  process.exit(1);
}
console.log(`exports: ${publicNames.size} public names; every type their declarations name is public`);
