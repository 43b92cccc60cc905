// The repositories of the report view's walk (test/ui/reportView.mjs): the route's (commits two days ago and
// yesterday, none today) and three renovate bumps added to the usual fixture workspace.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function gitIn(dir, args, who = { name: 'Ada Lovelace', email: 'ada@example.com' }, date) {
  const env = {
    ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email,
    ...(date === undefined ? {} : { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
  };
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
}

/** A local day `offset` days from today at `hour`:00, as git takes it. */
function dayAt(offset, hour) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  date.setHours(hour, 0, 0, 0);
  return date.toISOString();
}

export function localDay(offset) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The route's repository: commits two days ago and yesterday (a breaking change, a fix, three bot bumps), none today. */
export function routeRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'dd-route-'));
  gitIn(dir, ['init', '-q', '-b', 'main']);
  gitIn(dir, ['remote', 'add', 'origin', 'https://github.com/acme/widgets.git']);
  const write = (path, text) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = (message, date, who) => {
    gitIn(dir, ['add', '-A'], who, date);
    gitIn(dir, ['commit', '-q', '-m', message], who, date);
  };
  const api = (version) => Array.from({ length: 30 }, (_, i) => `export function call${i}(input: string): string {\n  return \`${version}:\${input}:${i}\`;\n}\n`).join('');
  write('package.json', '{ "name": "widgets", "dependencies": { "left-pad": "1.0.0" } }\n');
  write('src/api/v1.ts', api('v1'));
  write('src/auth/session.ts', 'export const TTL = 3600;\nexport function valid(age: number): boolean {\n  return age < TTL;\n}\n');
  commit('chore: base project', dayAt(-2, 9));
  write('src/parser.ts', 'export function parse(text: string): string[] {\n  return text.split(/\\s+/);\n}\n');
  commit('feat(parser): split words on any whitespace', dayAt(-2, 15));
  write('src/api/v1.ts', api('v2'));
  commit('feat!: answer every call in the v2 format\n\nBREAKING CHANGE: clients that parse the v1 answers fail.\n', dayAt(-1, 10),
    { name: 'Grace Hopper', email: 'grace@example.com' });
  write('src/auth/session.ts', 'export const TTL = 900;\nexport function valid(age: number): boolean {\n  return age >= 0 && age < TTL;\n}\n');
  commit('fix(auth): reject expired and negative session ages', dayAt(-1, 11));
  const bot = { name: 'renovate[bot]', email: 'bot@renovateapp.com' };
  for (let index = 1; index <= 3; index += 1) {
    write('package.json', `{ "name": "widgets", "dependencies": { "left-pad": "1.${index}.0" } }\n`);
    commit(`chore(deps): update dependency left-pad to v1.${index}.0`, dayAt(-1, 12 + index), bot);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Three renovate bumps dated a few minutes ago, so that today has a bot group to fold. */
export function addBotCommits(dir) {
  for (let index = 0; index < 3; index += 1) {
    writeFileSync(join(dir, 'renovate.json'), `{ "bump": ${index} }\n`);
    // A few minutes ago, but never yesterday (the walk may run just after midnight).
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    const date = new Date(Math.max(Date.now() - (3 - index) * 60_000, midnight.getTime() + (index + 1) * 1000)).toISOString();
    const bot = { name: 'renovate[bot]', email: 'bot@renovateapp.com' };
    gitIn(dir, ['add', '-A'], bot, date);
    gitIn(dir, ['commit', '-q', '-m', `chore(deps): update dependency left-pad to v1.${index + 1}.0`], bot, date);
  }
}
