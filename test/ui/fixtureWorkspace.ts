// Builds the workspace folder that the real-VS-Code tests open: a realistic git repository whose history has one
// commit from yesterday (the base project) and eight commits dated today in the machine's time zone, covering the
// importance levels the extension is expected to tell apart.
//
// Used by scripts/real-vscode/run-integration.mjs and test/ui/ui.test.mjs; the path reaches the extension host as
// the environment variable DAILY_DIGEST_FIXTURE. Run `node scripts/real-vscode/fixture.mjs` to build one by hand.
import { FixtureRepo } from '../support/gitFixture.js';

export interface FixtureCommit {
  sha: string;
  subject: string;
  /** What the commit is meant to exercise, for test assertions. */
  kind: 'base' | 'breaking' | 'auth-fix' | 'docs' | 'tests' | 'ci' | 'deps' | 'rename' | 'binary';
  /** The importance a reasonable classifier should give it. */
  expected: 'high' | 'medium' | 'low' | null;
  /** Committer date as written (ISO 8601 with the local offset). */
  date: string;
}

export interface FixtureWorkspace {
  dir: string;
  commits: FixtureCommit[];
  cleanup(): void;
}

/** `2026-01-22T10:00:00+08:00` for a Date, in the machine's local zone. */
export function localIso(d: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:` +
    `${pad(d.getSeconds())}${sign}${pad(off / 60)}:${pad(off % 60)}`;
}

/** n timestamps today, in order, none in the future (unless the day is only seconds old). */
export function todayTimes(n: number, now = new Date()): Date[] {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const span = now.getTime() - midnight.getTime();
  if (span < 10 * 60_000) {
    return Array.from({ length: n }, (_, i) => new Date(midnight.getTime() + (i + 1) * 1000));
  }
  const first = midnight.getTime() + span * 0.1;
  const last = now.getTime() - 60_000;
  return Array.from({ length: n }, (_, i) => new Date(first + ((last - first) * i) / Math.max(1, n - 1)));
}

// A valid 16x16 PNG (a small orange square).
const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAIElEQVR4nGP4n2dCEmIY1TCqYVTDqIZRDaMaRjUMVQ0ASHa5oAhq2QwAAAAASUVORK5CYII=',
  'base64');

const PACKAGE_JSON = (lodash: string) => JSON.stringify({
  name: 'acme-portal', version: '2.3.0', private: true,
  scripts: { test: 'node --test' },
  dependencies: { lodash },
}, null, 2) + '\n';

const LOCKFILE = (lodash: string) => JSON.stringify({
  name: 'acme-portal', version: '2.3.0', lockfileVersion: 3, requires: true,
  packages: {
    '': { name: 'acme-portal', version: '2.3.0', dependencies: { lodash: `^${lodash}` } },
    'node_modules/lodash': {
      version: lodash,
      resolved: `https://registry.example.invalid/lodash/-/lodash-${lodash}.tgz`,
      integrity: `sha512-${Buffer.from(`lodash-${lodash}`).toString('base64')}`,
      license: 'MIT',
    },
  },
}, null, 2) + '\n';

const GRACE = { name: 'Grace Hopper', email: 'grace@example.com' };
const LINUS = { name: 'Linus Example', email: 'linus@example.com' };

export function createFixtureWorkspace(options: { now?: Date } = {}): FixtureWorkspace {
  const now = options.now ?? new Date();
  const repo = FixtureRepo.create({ prefix: 'dd-workspace-' });
  const commits: FixtureCommit[] = [];
  const add = (subject: string, kind: FixtureCommit['kind'], expected: FixtureCommit['expected'], date: Date,
    extra: Parameters<FixtureRepo['commit']>[1] extends infer S ? Partial<S> : never = {}, body = '') => {
    const iso = localIso(date);
    const sha = repo.commit(body ? `${subject}\n\n${body}` : subject, { date: iso, ...extra });
    commits.push({ sha, subject, kind, expected, date: iso });
  };

  // Yesterday: the project as it stood.
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 16, 30, 0);
  repo
    .write('README.md', '# ACME portal\n\nThe customer portal.\n')
    .write('package.json', PACKAGE_JSON('4.17.20'))
    .write('package-lock.json', LOCKFILE('4.17.20'))
    .write('src/auth/session.ts', [
      'export interface Session { user: string; token: string; }',
      '',
      'export function parseToken(raw: string): Session {',
      "  const [user, token] = raw.split(':');",
      '  return { user, token };',
      '}',
      '',
    ].join('\n'))
    .write('src/auth/refresh.ts', [
      'export interface RefreshToken { value: string; expiresAt: number; }',
      '',
      'export function canRefresh(token: RefreshToken): boolean {',
      '  return token.value.length > 0;',
      '}',
      '',
    ].join('\n'))
    .write('src/api/client.ts', [
      "import { parseToken } from '../auth/session';",
      '',
      'export function authHeader(raw: string): string {',
      '  return `Bearer ${parseToken(raw).token}`;',
      '}',
      '',
    ].join('\n'))
    .write('src/utils/strings.ts', 'export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);\n')
    .write('test/date.test.ts', "import { test } from 'node:test';\n\ntest('placeholder', () => {});\n")
    .write('.github/workflows/ci.yml', [
      'name: ci', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:',
      '      - uses: actions/checkout@v4', '      - uses: actions/setup-node@v4', '        with:',
      '          node-version: 20', '      - run: npm ci', '      - run: npm test', '',
    ].join('\n'));
  add('chore: initial project', 'base', null, yesterday);

  const t = todayTimes(8, now);

  // 1. Breaking change in source, no tests touched.
  repo
    .write('src/auth/session.ts', [
      'export interface Session { user: string; token: string; scopes: string[]; }',
      '',
      '/** Tokens are now `user.token.scope1,scope2`; the old `user:token` form is rejected. */',
      'export function parseToken(raw: string): Session {',
      "  const [user, token, scopes = ''] = raw.split('.');",
      "  if (!token) throw new Error('unsupported token format');",
      "  return { user, token, scopes: scopes.split(',').filter(Boolean) };",
      '}',
      '',
    ].join('\n'))
    .write('src/api/client.ts', [
      "import { parseToken } from '../auth/session';",
      '',
      'export function authHeader(raw: string, scope?: string): string {',
      '  const session = parseToken(raw);',
      "  if (scope && !session.scopes.includes(scope)) throw new Error(`missing scope ${scope}`);",
      '  return `Bearer ${session.token}`;',
      '}',
      '',
    ].join('\n'));
  add('feat!: switch session tokens to the scoped format', 'breaking', 'high', t[0], { author: GRACE },
    'BREAKING CHANGE: tokens in the old user:token form are rejected; clients must re-authenticate.');

  // 2. A fix in src/auth.
  repo.write('src/auth/refresh.ts', [
    'export interface RefreshToken { value: string; expiresAt: number; }',
    '',
    'export function canRefresh(token: RefreshToken, now = Date.now()): boolean {',
    '  return token.value.length > 0 && token.expiresAt > now;',
    '}',
    '',
  ].join('\n'));
  add('fix(auth): reject expired refresh tokens', 'auth-fix', 'high', t[1]);

  // 3. Docs only.
  repo
    .write('README.md', '# ACME portal\n\nThe customer portal.\n\n## Configuration\n\nSee [docs/config.md](docs/config.md).\n')
    .write('docs/config.md', '# Configuration\n\n| key | default |\n|---|---|\n| `portal.port` | 8080 |\n| `portal.tokenTtl` | 3600 |\n');
  add('docs: document the configuration keys', 'docs', 'low', t[2], { author: LINUS });

  // 4. Tests only.
  repo.write('test/date.test.ts', [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    '',
    "test('parses a date at the start of a leap day', () => {",
    "  assert.equal(new Date('2024-02-29T00:00:00Z').getUTCDate(), 29);",
    '});',
    '',
  ].join('\n'));
  add('test: cover leap-day date parsing', 'tests', 'low', t[3], { author: LINUS });

  // 5. CI workflow.
  repo.write('.github/workflows/ci.yml', [
    'name: ci', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    strategy:',
    '      matrix:', '        node: [20, 22]', '    steps:', '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4', '        with:', '          node-version: ${{ matrix.node }}',
    '      - run: npm ci', '      - run: npm test', '',
  ].join('\n'));
  add('ci: test on Node 20 and 22', 'ci', 'medium', t[4]);

  // 6. Dependency bump (manifest + lockfile).
  repo.write('package.json', PACKAGE_JSON('4.17.21')).write('package-lock.json', LOCKFILE('4.17.21'));
  add('chore(deps): bump lodash from 4.17.20 to 4.17.21', 'deps', 'medium', t[5], {
    author: { name: 'dependabot[bot]', email: 'dependabot@example.com' },
  });

  // 7. Pure rename.
  repo.git(['mv', 'src/utils/strings.ts', 'src/utils/text.ts']);
  add('refactor: rename utils/strings.ts to utils/text.ts', 'rename', 'low', t[6]);

  // 8. A binary file.
  repo.write('assets/logo.png', LOGO_PNG);
  add('feat: add the portal logo', 'binary', 'low', t[7], { author: GRACE });

  return { dir: repo.dir, commits, cleanup: () => repo.cleanup() };
}
