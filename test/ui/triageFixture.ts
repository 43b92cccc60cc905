// The repository of the triage walk (test/ui/triageWalk.mjs): nothing today; its last active day, three days ago, has
// a breaking change, a security fix, an eleven-file refactor, three renovate bumps and a docs change; the day before
// has two commits. Dates are in the machine's time zone. An `origin` on GitHub gives the commits web links.
import { FixtureRepo } from '../support/gitFixture.js';
import { localIso } from './fixtureWorkspace.js';
import { MODULES, stepModuleSource } from './diffFixture.js';

export interface TriageFixture {
  dir: string;
  /** `YYYY-MM-DD` of the last day with commits, and of the day before it. */
  lastDay: string;
  dayBefore: string;
  subjects: {
    breaking: string;
    fix: string;
    wide: string;
    docs: string;
    earlier: string;
  };
  /** A file of the wide commit, for the single-file diff. */
  wideFile: string;
  cleanup(): void;
}

function sourceFile(module: string, lines: number, revision: number): string {
  return stepModuleSource(module, lines, revision, 'one step function per stage');
}

const day = (d: Date): string => localIso(d).slice(0, 10);

function at(base: Date, hours: number, minutes: number): string {
  const date = new Date(base);
  date.setHours(hours, minutes, 0, 0);
  return localIso(date);
}

export function createTriageFixture(): TriageFixture {
  const repo = FixtureRepo.create({ prefix: 'dd-triage-walk-' });
  repo.git(['remote', 'add', 'origin', 'https://github.com/acme/widgets.git']);
  const last = new Date();
  last.setDate(last.getDate() - 3);
  const before = new Date(last);
  before.setDate(before.getDate() - 1);
  const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
  const grace = { name: 'Grace Hopper', email: 'grace@example.com' };
  const renovate = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };

  MODULES.forEach((name, i) => repo.write(`src/${name}/${name}.ts`, sourceFile(name, 300 + i * 30, 0)));
  repo.write('src/auth/session.ts', 'export function issueToken(user: string): string {\n  return `legacy:${user}`;\n}\n')
    .write('Cargo.toml', '[dependencies]\njiff = "0.2.33"\nsyn = "2.0.100"\ntokio = "1.47.0"\n')
    .write('README.md', '# Widgets\n');
  const earlier = 'feat(export): add CSV export';
  repo.commit('chore: the widgets project', { date: at(before, 10, 0), author: ada });
  repo.write('src/export/csv.ts', 'export function toCsv(rows: string[][]): string {\n  return rows.map((row) => row.join(",")).join("\\n");\n}\n')
    .commit(earlier, { date: at(before, 15, 30), author: grace });

  const docs = 'docs: describe the scoped tokens';
  repo.write('README.md', '# Widgets\n\nTokens are scoped: `scope:user`.\n').commit(docs, { date: at(last, 9, 10), author: grace });
  repo.write('Cargo.toml', '[dependencies]\njiff = "0.2.34"\nsyn = "2.0.100"\ntokio = "1.47.0"\n')
    .commit('Update Rust crate jiff to v0.2.34', { date: at(last, 9, 40), author: renovate });
  const wide = 'refactor: revise the step functions of every module';
  MODULES.forEach((name, i) => repo.write(`src/${name}/${name}.ts`, sourceFile(name, 300 + i * 30, 1)));
  repo.commit(wide, { date: at(last, 10, 20), author: ada });
  repo.write('Cargo.toml', '[dependencies]\njiff = "0.2.34"\nsyn = "3.0.0"\ntokio = "1.47.0"\n')
    .commit('Update Rust crate syn to v3.0.0', { date: at(last, 11, 5), author: renovate });
  const fix = 'fix(auth): reject expired refresh tokens';
  repo.write('src/auth/refresh.ts', [
    'export function acceptRefresh(token: { expiresAt: number }, now: number): boolean {',
    '  // An expired refresh token was accepted: the session outlived its grant.',
    '  return token.expiresAt > now;',
    '}', '',
  ].join('\n')).commit(fix, { date: at(last, 13, 45), author: grace });
  const breaking = 'feat!: switch session tokens to the scoped format';
  repo.write('src/auth/session.ts', 'export function issueToken(user: string, scope: string): string {\n  return `${scope}:${user}`;\n}\n')
    .commit(`${breaking}\n\nBREAKING CHANGE: issueToken takes a scope; legacy tokens are refused.`, { date: at(last, 15, 0), author: ada });
  repo.write('Cargo.toml', '[dependencies]\njiff = "0.2.34"\nsyn = "3.0.0"\ntokio = "1.47.1"\n')
    .commit('Update Rust crate tokio to v1.47.1', { date: at(last, 16, 20), author: renovate });

  return {
    dir: repo.dir, lastDay: day(last), dayBefore: day(before),
    subjects: { breaking, fix, wide, docs, earlier },
    wideFile: 'src/planner/planner.ts',
    cleanup: () => repo.cleanup(),
  };
}
