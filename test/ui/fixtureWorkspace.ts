// Builds the workspace folder that the real-VS-Code tests open: a realistic git repository whose history has one
// commit from yesterday (the base project) and nine commits dated today in the machine's time zone, covering all
// three importance levels of the offline analyzer (2 high, 1 medium, 6 low), and an `origin` remote on GitHub
// (acme/widgets) so reports show the repository's name and commit links (never opened by the tests).
//
// Used by scripts/real-vscode/run-integration.mjs and test/ui/ui.test.mjs; the path reaches the extension host as
// the environment variable DAILY_DIGEST_FIXTURE. Run `node scripts/real-vscode/fixture.mjs` to build one by hand.
import { FixtureRepo } from '../support/gitFixture.js';

export interface FixtureCommit {
  sha: string;
  subject: string;
  /** What the commit is meant to exercise, for test assertions. */
  kind: 'base' | 'breaking' | 'auth-fix' | 'feature' | 'docs' | 'tests' | 'ci' | 'deps' | 'rename' | 'binary';
  /** The importance the offline analyzer gives it (docs/rules.md); the integration suite checks it. */
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

const CSV_SOURCE = [
  "import { CSV_COLUMNS, type Column } from './columns';",
  '',
  '/** One row of a report, as the portal shows it. */',
  'export interface ReportRow {',
  '  id: string;',
  '  customer: string;',
  '  plan: string;',
  '  seats: number;',
  '  renewsOn: Date;',
  '  notes?: string;',
  '}',
  '',
  '/** Quotes a field when it holds a comma, a quote or a line break (RFC 4180). */',
  'export function quoteField(value: string): string {',
  '  if (!/[",\\r\\n]/.test(value)) return value;',
  "  return `\"${value.replace(/\"/g, '\"\"')}\"`;",
  '}',
  '',
  'function cell(row: ReportRow, column: Column): string {',
  '  const value = row[column.key];',
  "  if (value === undefined) return '';",
  '  if (value instanceof Date) return value.toISOString().slice(0, 10);',
  '  return String(value);',
  '}',
  '',
  '/** The rows as CSV text: a header line, then one line per row, CRLF line ends. */',
  'export function toCsv(rows: readonly ReportRow[], columns: readonly Column[] = CSV_COLUMNS): string {',
  "  const header = columns.map((column) => quoteField(column.title)).join(',');",
  '  const lines = rows.map((row) =>',
  "    columns.map((column) => quoteField(cell(row, column))).join(','));",
  "  return [header, ...lines].join('\\r\\n') + '\\r\\n';",
  '}',
  '',
  '/** Splits one CSV line into fields, honouring quotes (the inverse of quoteField). */',
  'export function parseCsvLine(line: string): string[] {',
  '  const fields: string[] = [];',
  "  let current = '';",
  '  let quoted = false;',
  '  for (let i = 0; i < line.length; i += 1) {',
  '    const ch = line[i];',
  '    if (quoted) {',
  "      if (ch === '\"' && line[i + 1] === '\"') {",
  "        current += '\"';",
  '        i += 1;',
  "      } else if (ch === '\"') {",
  '        quoted = false;',
  '      } else {',
  '        current += ch;',
  '      }',
  "    } else if (ch === '\"') {",
  '      quoted = true;',
  "    } else if (ch === ',') {",
  '      fields.push(current);',
  "      current = '';",
  '    } else {',
  '      current += ch;',
  '    }',
  '  }',
  '  fields.push(current);',
  '  return fields;',
  '}',
  '',
].join('\n');

const CSV_COLUMNS = [
  "import type { ReportRow } from './csv';",
  '',
  'export interface Column {',
  '  key: keyof ReportRow;',
  '  title: string;',
  '}',
  '',
  '/** The columns of an exported report, in order. */',
  'export const CSV_COLUMNS: readonly Column[] = [',
  "  { key: 'id', title: 'ID' },",
  "  { key: 'customer', title: 'Customer' },",
  "  { key: 'plan', title: 'Plan' },",
  "  { key: 'seats', title: 'Seats' },",
  "  { key: 'renewsOn', title: 'Renews on' },",
  "  { key: 'notes', title: 'Notes' },",
  '];',
  '',
].join('\n');

const CSV_DOWNLOAD = [
  "import { toCsv, type ReportRow } from '../export/csv';",
  '',
  '/** What the browser needs to offer the report as a file. */',
  'export interface Download {',
  '  fileName: string;',
  '  mimeType: string;',
  '  body: string;',
  '}',
  '',
  '/** `report-2026-01-22.csv` for a report of that day. */',
  'export function fileNameFor(day: Date): string {',
  '  return `report-${day.toISOString().slice(0, 10)}.csv`;',
  '}',
  '',
  'export function csvDownload(rows: readonly ReportRow[], day: Date): Download {',
  "  return { fileName: fileNameFor(day), mimeType: 'text/csv;charset=utf-8', body: toCsv(rows) };",
  '}',
  '',
].join('\n');

const CSV_TEST = [
  "import { test } from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { parseCsvLine, quoteField, toCsv } from '../../src/export/csv';",
  '',
  "const row = { id: 'r1', customer: 'Acme, Inc.', plan: 'team', seats: 12, renewsOn: new Date('2026-03-01T00:00:00Z') };",
  '',
  "test('quotes fields with commas, quotes and line breaks', () => {",
  "  assert.equal(quoteField('plain'), 'plain');",
  "  assert.equal(quoteField('a,b'), '\"a,b\"');",
  "  assert.equal(quoteField('say \"hi\"'), '\"say \"\"hi\"\"\"');",
  "  assert.equal(quoteField('two\\nlines'), '\"two\\nlines\"');",
  '});',
  '',
  "test('writes a header and one line per row', () => {",
  '  const csv = toCsv([row]);',
  "  const [header, line] = csv.split('\\r\\n');",
  "  assert.equal(header, 'ID,Customer,Plan,Seats,Renews on,Notes');",
  "  assert.equal(line, 'r1,\"Acme, Inc.\",team,12,2026-03-01,');",
  '});',
  '',
  "test('parses back what it wrote', () => {",
  "  const line = toCsv([row]).split('\\r\\n')[1] ?? '';",
  "  assert.deepEqual(parseCsvLine(line), ['r1', 'Acme, Inc.', 'team', '12', '2026-03-01', '']);",
  '});',
  '',
].join('\n');

/** The `origin` remote: reports name the repository `acme/widgets` and link commits to it. */
export const FIXTURE_REMOTE = 'https://github.com/acme/widgets.git';

const GRACE = { name: 'Grace Hopper', email: 'grace@example.com' };
const LINUS = { name: 'Linus Example', email: 'linus@example.com' };

export function createFixtureWorkspace(options: { now?: Date } = {}): FixtureWorkspace {
  const now = options.now ?? new Date();
  const repo = FixtureRepo.create({ prefix: 'dd-workspace-' });
  repo.git(['remote', 'add', 'origin', FIXTURE_REMOTE]);
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

  const t = todayTimes(9, now);

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

  // 3. A feature in source with a test, 100-199 lines: "new feature in source code" (+4) and "medium-sized change"
  //    (+1) score 5, which is medium (3-6). No security-sensitive, public-API or hot-path files.
  repo
    .write('src/export/csv.ts', CSV_SOURCE)
    .write('src/export/columns.ts', CSV_COLUMNS)
    .write('src/reports/download.ts', CSV_DOWNLOAD)
    .write('test/export/csv.test.ts', CSV_TEST);
  add('feat(export): add CSV export', 'feature', 'medium', t[2], { author: GRACE },
    'Reports can now be downloaded as CSV, with a header row and RFC 4180 quoting.');

  // 4. Docs only.
  repo
    .write('README.md', '# ACME portal\n\nThe customer portal.\n\n## Configuration\n\nSee [docs/config.md](docs/config.md).\n')
    .write('docs/config.md', '# Configuration\n\n| key | default |\n|---|---|\n| `portal.port` | 8080 |\n| `portal.tokenTtl` | 3600 |\n');
  add('docs: document the configuration keys', 'docs', 'low', t[3], { author: LINUS });

  // 5. Tests only.
  repo.write('test/date.test.ts', [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    '',
    "test('parses a date at the start of a leap day', () => {",
    "  assert.equal(new Date('2024-02-29T00:00:00Z').getUTCDate(), 29);",
    '});',
    '',
  ].join('\n'));
  add('test: cover leap-day date parsing', 'tests', 'low', t[4], { author: LINUS });

  // 6. CI workflow.
  repo.write('.github/workflows/ci.yml', [
    'name: ci', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    strategy:',
    '      matrix:', '        node: [20, 22]', '    steps:', '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4', '        with:', '          node-version: ${{ matrix.node }}',
    '      - run: npm ci', '      - run: npm test', '',
  ].join('\n'));
  // The analyzer has no rule for CI-only changes without new permissions or secrets: score 0, low.
  add('ci: test on Node 20 and 22', 'ci', 'low', t[5]);

  // 7. Dependency bump (manifest + lockfile).
  repo.write('package.json', PACKAGE_JSON('4.17.21')).write('package-lock.json', LOCKFILE('4.17.21'));
  // A patch bump (not major) of manifest + lock file: score 0, low.
  add('chore(deps): bump lodash from 4.17.20 to 4.17.21', 'deps', 'low', t[6], {
    author: { name: 'dependabot[bot]', email: 'dependabot@example.com' },
  });

  // 8. Pure rename.
  repo.git(['mv', 'src/utils/strings.ts', 'src/utils/text.ts']);
  add('refactor: rename utils/strings.ts to utils/text.ts', 'rename', 'low', t[7]);

  // 9. A binary file.
  repo.write('assets/logo.png', LOGO_PNG);
  add('feat: add the portal logo', 'binary', 'low', t[8], { author: GRACE });

  return { dir: repo.dir, commits, cleanup: () => repo.cleanup() };
}
