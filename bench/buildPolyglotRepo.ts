import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the generated history changes, so a cached repo is rebuilt. */
const GENERATOR_VERSION = 1;

export interface PolyglotRepoSpec {
  /** Commits before the busy day, one a day back from it. */
  history: number;
  /** The busy day, UTC, `YYYY-MM-DD`. */
  busyDay: string;
  busyCommits: number;
}

/** One row per language: its extension and how a function, a type and a call are written in it. */
interface LanguageRow {
  ext: string;
  header: (module: string) => string;
  fn: (name: string, arg: string, body: number) => string;
  type: (name: string, field: string) => string;
}

/** `count` lines of arithmetic, indented, with or without a closing semicolon. */
const statements = (count: number, indent: string, semicolon = true): string =>
  Array.from({ length: count }, (_, i) => `${indent}total = total + ${i + 1} * value${semicolon ? ';' : ''}`).join('\n');

const LANGUAGES: readonly LanguageRow[] = [
  {
    ext: 'ts',
    header: (m) => `// ${m}: generated for the bench\nimport { readFileSync } from 'node:fs';\n`,
    fn: (n, a, b) => `export function ${n}(${a}: number, value = 1): number {\n  let total = ${a};\n${statements(b, '  ')}\n  return total;\n}\n`,
    type: (n, f) => `export interface ${n} {\n  ${f}: number;\n  label: string;\n}\n`,
  },
  {
    ext: 'py',
    header: (m) => `# ${m}: generated for the bench\nimport os\n`,
    fn: (n, a, b) => `def ${n}(${a}, value=1):\n    total = ${a}\n${statements(b, '    ', false)}\n    return total\n`,
    type: (n, f) => `class ${n}:\n    def __init__(self, ${f}):\n        self.${f} = ${f}\n`,
  },
  {
    ext: 'rs',
    header: (m) => `// ${m}: generated for the bench\nuse std::collections::HashMap;\n`,
    fn: (n, a, b) => `pub fn ${n}(${a}: i64, value: i64) -> i64 {\n    let mut total = ${a};\n${statements(b, '    ')}\n    total\n}\n`,
    type: (n, f) => `pub struct ${n} {\n    pub ${f}: i64,\n    label: String,\n}\n`,
  },
  {
    ext: 'go',
    header: (m) => `// ${m}: generated for the bench\npackage bench\n\nimport "fmt"\n\nvar _ = fmt.Sprint\n`,
    fn: (n, a, b) => `func ${cap(n)}(${a} int, value int) int {\n\ttotal := ${a}\n${statements(b, '\t', false)}\n\treturn total\n}\n`,
    type: (n, f) => `type ${n} struct {\n\t${cap(f)} int\n\tlabel string\n}\n`,
  },
  {
    ext: 'c',
    header: (m) => `/* ${m}: generated for the bench */\n#include <stdio.h>\n`,
    fn: (n, a, b) => `long ${n}(long ${a}, long value)\n{\n\tlong total = ${a};\n${statements(b, '\t')}\n\treturn total;\n}\n`,
    type: (n, f) => `struct ${n} {\n\tlong ${f};\n\tconst char *label;\n};\n`,
  },
  {
    ext: 'cpp',
    header: (m) => `// ${m}: generated for the bench\n#include <string>\nnamespace bench {\n`,
    fn: (n, a, b) => `long ${n}(long ${a}, long value) {\n  long total = ${a};\n${statements(b, '  ')}\n  return total;\n}\n`,
    type: (n, f) => `class ${n} {\n public:\n  long ${f} = 0;\n  std::string label;\n};\n`,
  },
  {
    ext: 'java',
    header: (m) => `// ${m}: generated for the bench\npackage bench;\n\npublic final class Module${m.replace(/\W/g, '')} {\n`,
    fn: (n, a, b) => `  public static long ${n}(long ${a}, long value) {\n    long total = ${a};\n${statements(b, '    ')}\n    return total;\n  }\n`,
    type: (n, f) => `  public static final class ${n} {\n    public long ${f};\n  }\n`,
  },
];

function cap(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A module of `functions` functions and a few types: real-size source (about 10-25 KB). */
function moduleSource(row: LanguageRow, module: string, revision: number, functions: number, random: (n: number) => number): string {
  const parts = [row.header(module)];
  for (let i = 0; i < functions; i++) {
    // Each revision renames or re-signs one function and changes the bodies of a few others.
    const renamed = i === revision % functions ? `compute${i}v${revision}` : `compute${i}`;
    const body = 6 + ((i * 7 + (i % 5 === revision % 5 ? revision : 0)) % 14);
    parts.push(row.fn(renamed, i === (revision + 3) % functions && revision % 2 === 1 ? 'start' : 'seed', body));
    if (i % 8 === 0) parts.push(row.type(`Record${i}`, `field${random(3)}`));
  }
  if (row.ext === 'cpp') parts.push('}  // namespace bench\n');
  if (row.ext === 'java') parts.push('}\n');
  return parts.join('\n');
}

/**
 * A history of `history` small commits, then a busy day whose `busyCommits` commits each rewrite 2-4 real-size
 * source files in TypeScript, Python, Rust, Go, C, C++ and Java (functions renamed, re-signed, bodies changed),
 * written with `git fast-import`. Cached by spec and version.
 */
export async function ensurePolyglotRepo(cacheDir: string, spec: PolyglotRepoSpec): Promise<string> {
  const dir = join(cacheDir, `bench-polyglot-v${GENERATOR_VERSION}-${spec.history}-${spec.busyDay}-${spec.busyCommits}`);
  if (existsSync(join(dir, 'HEAD'))) return dir;
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const init = spawn('git', ['init', '-q', '--bare', '-b', 'main', building], { stdio: 'inherit' });
  await new Promise((resolve) => init.on('close', resolve));
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: building, stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let seed = 4242;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const busyStart = Date.parse(`${spec.busyDay}T01:00:00Z`) / 1000;
  const modules = ['api', 'engine', 'storage', 'net', 'cli', 'plugins'];
  const chunks: string[] = [];
  const total = spec.history + spec.busyCommits;
  for (let i = 0; i < total; i++) {
    const time = i < spec.history ? busyStart - (spec.history - i) * 86400 : busyStart + Math.floor(((i - spec.history) * 20 * 3600) / spec.busyCommits);
    const busy = i >= spec.history;
    const module = modules[random(modules.length)]!;
    const message = `${busy ? 'feat' : 'chore'}(${module}): revision ${i} of ${module}\n\nReworks the ${module} helpers.\n`;
    chunks.push(`commit refs/heads/main\nmark :${i + 1}\n`);
    chunks.push(`author Dev ${random(20)} <dev${random(20)}@example.com> ${time} +0000\n`);
    chunks.push(`committer Dev <dev@example.com> ${time} +0000\n`);
    chunks.push(`data ${Buffer.byteLength(message)}\n${message}`);
    if (i > 0) chunks.push(`from :${i}\n`);
    // Before the busy day every module exists once per language; on the busy day each commit rewrites 2-4 of them.
    const files = i === 0 ? LANGUAGES.length * modules.length : busy ? 2 + random(3) : 1;
    for (let f = 0; f < files; f++) {
      const row = i === 0 ? LANGUAGES[f % LANGUAGES.length]! : LANGUAGES[random(LANGUAGES.length)]!;
      const mod = i === 0 ? modules[Math.floor(f / LANGUAGES.length)]! : module;
      const path = `${mod}/${mod}_impl.${row.ext}`;
      const body = moduleSource(row, mod, i, 24 + random(16), random);
      chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(body)}\n${body}\n`);
    }
    if (chunks.length > 500) {
      const text = chunks.join('');
      chunks.length = 0;
      if (!child.stdin.write(text)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
  }
  child.stdin.end(chunks.join(''));
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed with exit code ${code}`);
  renameSync(building, dir);
  return dir;
}
