import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the generated history changes, so a cached repo is rebuilt. */
const GENERATOR_VERSION = 2;

export interface BenchRepoSpec {
  commits: number;
  /** The busy day, UTC, `YYYY-MM-DD`; it gets `busyCommits` commits. */
  busyDay: string;
  busyCommits: number;
  /** The last day of history, UTC. */
  lastDay: string;
}

/**
 * A large, deterministic history written with `git fast-import`: `commits` commits over the days up to
 * `lastDay`, a few files each, in a tree of ~3000 files across nested modules. Cached by spec and version.
 */
export async function ensureBenchRepo(cacheDir: string, spec: BenchRepoSpec): Promise<string> {
  const dir = join(cacheDir, `bench-repo-v${GENERATOR_VERSION}-${spec.commits}-${spec.busyDay}-${spec.busyCommits}`);
  if (existsSync(join(dir, 'HEAD'))) return dir;
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  git(['init', '-q', '--bare', '-b', 'main', building]);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: building, stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let random = 12345;
  const next = (n: number): number => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random % n;
  };
  const modules = ['api', 'core', 'planner', 'runtime', 'docs', 'tests', 'ci', 'lib/kv', 'lib/http', 'auth'];
  const lastDayEnd = Date.parse(`${spec.lastDay}T23:00:00Z`) / 1000;
  const busyStart = Date.parse(`${spec.busyDay}T01:00:00Z`) / 1000;
  const ordinary = spec.commits - spec.busyCommits;
  // Ordinary commits are spread evenly, skipping the busy day; the busy day's commits are spread over 20 hours.
  const times: number[] = [];
  const span = 730 * 86400;
  for (let i = 0; i < ordinary; i++) {
    let t = lastDayEnd - span + Math.floor((i * span) / ordinary);
    if (t >= busyStart - 3600 && t < busyStart + 23 * 3600) t -= 86400;
    times.push(t);
  }
  for (let i = 0; i < spec.busyCommits; i++) times.push(busyStart + Math.floor((i * 20 * 3600) / spec.busyCommits));
  times.sort((a, b) => a - b);
  const chunks: string[] = [];
  const flush = async (): Promise<void> => {
    const text = chunks.join('');
    chunks.length = 0;
    if (!child.stdin.write(text)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  for (let i = 0; i < times.length; i++) {
    const module = modules[next(modules.length)];
    const kind = ['feat', 'fix', 'chore', 'docs', 'refactor', 'perf', 'test'][next(7)];
    const message = `${kind}(${module}): change number ${i} in ${module} (#${10000 + i})\n\nBody line for commit ${i}.\n`;
    chunks.push(`commit refs/heads/main\nmark :${i + 1}\n`);
    chunks.push(`author Dev ${next(40)} <dev${next(40)}@example.com> ${times[i]} +0000\n`);
    chunks.push(`committer Dev ${next(40)} <dev@example.com> ${times[i]} +0000\n`);
    chunks.push(`data ${Buffer.byteLength(message)}\n${message}`);
    if (i > 0) chunks.push(`from :${i}\n`);
    const files = 1 + next(4);
    for (let f = 0; f < files; f++) {
      const path = `${module}/pkg${next(30)}/file${next(10)}.ts`;
      const body = `// ${path} revision ${i}\n${'export const value = 1;\n'.repeat(1 + next(20))}`;
      chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(body)}\n${body}\n`);
    }
    if (chunks.length > 2000) await flush();
  }
  await flush();
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed with exit code ${code}`);
  renameSync(building, dir);
  return dir;
}

function git(args: string[], cwd?: string): void {
  const result = spawnSync('git', args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
}
