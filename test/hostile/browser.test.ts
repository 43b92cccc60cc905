// Hostile commit text in a real browser engine (Debian chromium through playwright-core): the exported HTML page,
// and the webview bundle (webview/main.ts: marked + DOMPurify + link decoration) in a page that mimics the VS Code
// webview host. Every payload sets window.__pwned / the title / opens a dialog if it ever runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Report } from '../../src/core/domain/report.js';
import type { ExtensionToWebview } from '../../src/shared/protocol.js';
import { validateWebviewMessage } from '../../src/extension/panel/webviewMessages.js';
import { indexReport } from '../../src/shared/reportIndex.js';
import { DAY, FixtureRepo, SCRIPT_PAYLOADS, at, commitFromFile, removeAll, runCli, tempDir } from '../support/hostileFixtures.js';
import { buildWebviewBundle, writeWebviewHostPage } from '../support/webviewHost.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Elements and attributes that must not exist in a rendered report, checked in the live DOM. */
const domAudit = (root: string): string => `((root) => {
  const problems = [];
  const bad = 'script,iframe,frame,object,embed,svg,math,img,video,audio,form,input,button,textarea,select,base,link,template,details[open],style:not(head style),meta:not(head meta)';
  for (const el of root.querySelectorAll(bad)) problems.push('element <' + el.tagName.toLowerCase() + '>');
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction') problems.push(name + ' on <' + el.tagName.toLowerCase() + '>');
      if (['href', 'src', 'action', 'data', 'xlink:href'].includes(name)) {
        const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        if (!/^(https?:\\/\\/|#)/.test(value)) problems.push(name + '=' + attr.value + ' on <' + el.tagName.toLowerCase() + '>');
      }
    }
  }
  for (const a of root.querySelectorAll('a[href^="#"]')) {
    const id = a.getAttribute('href').slice(1);
    if (id !== '' && document.getElementById(id) === null) problems.push('dangling #' + id);
  }
  return problems;
})(document.querySelector(${JSON.stringify(root)}))`;

let context: BrowserContext;
let profile: string;
let work: string;
let repo: FixtureRepo;
let report: Report;
let htmlFile: string;
/** A second repository for the webview: two hostile bots whose bumps fold into groups. */
let bots: FixtureRepo;
let webReport: Report;

before(async () => {
  assert.ok(existsSync(CHROMIUM), 'Debian chromium is installed at /usr/bin/chromium');
  work = tempDir('dd-browser-');
  profile = tempDir('dd-chromium-profile-');
  repo = FixtureRepo.create({ prefix: 'dd-hostile-web-' });
  repo.git(['remote', 'add', 'origin', 'git@github.com:acme/hostile.git']);
  repo.write('README.md', 'base\n').commit('chore: base', { date: '2026-01-20T10:00:00Z' });
  SCRIPT_PAYLOADS.forEach((payload, index) => {
    const minute = String(index).padStart(2, '0');
    // High importance (breaking) so the full form with file list and body-derived text is shown.
    repo.write(`src/${payload.replace(/[/\n]/g, '_').slice(0, 60)}.ts`, `export const v${index} = ${index};\n`);
    commitFromFile(repo, `feat!: ${payload}\n\n${payload}\n\nBREAKING CHANGE: ${payload}\n`, at(`10:${minute}`), [],
      { name: `Mallory ${payload.replace(/[<>\n]/g, ' ')}`, email: 'm@example.com' });
  });
  const json = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  report = JSON.parse(json.stdout) as Report;
  htmlFile = join(work, 'report.html');
  const html = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC', '--out', htmlFile]);
  assert.equal(html.code, 0, html.stderr);

  bots = FixtureRepo.create({ prefix: 'dd-hostile-bots-' });
  bots.write('Cargo.toml', '[dependencies]\n').commit('chore: base', { date: '2026-01-20T10:00:00Z' });
  const botNames = [`renovate[bot] ${SCRIPT_PAYLOADS[0]}`, `dependabot[bot] ${SCRIPT_PAYLOADS[3]}`];
  botNames.forEach((name, who) => {
    for (let index = 0; index < 3; index += 1) {
      bots.write('Cargo.lock', `# ${who} ${index}\n`);
      commitFromFile(bots, `chore(deps): update crate ${SCRIPT_PAYLOADS[index + who]} to v1.${index}.0\n`,
        at(`11:${who}${index}`), [], { name: name.replace(/\n/g, ' '), email: `bot${who}@example.com` });
    }
  });
  const web = runCli(['--repo', repo.dir, '--repo', bots.dir, '--date', DAY, '--tz', 'UTC', '--format', 'json']);
  assert.equal(web.code, 0, web.stderr);
  webReport = JSON.parse(web.stdout) as Report;

  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
});

after(async () => {
  await context?.close();
  repo?.cleanup();
  bots?.cleanup();
  removeAll(work, profile);
});

interface Watched {
  page: Page;
  dialogs: string[];
  pageErrors: string[];
}

async function watchedPage(): Promise<Watched> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Any request that leaves file:// is refused (no network anyway) and recorded.
  await page.route(/^(?!file:)/, (route) => route.abort());
  return { page, dialogs, pageErrors };
}

async function assertNothingRan(watched: Watched, label: string, root = 'body'): Promise<void> {
  const { page, dialogs } = watched;
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, [], `${label}: a dialog opened`);
  assert.equal(await page.evaluate('window.__pwned'), undefined, `${label}: a payload ran`);
  assert.notEqual(await page.title(), 'PWNED', `${label}: a payload changed the title`);
  assert.deepEqual(await page.evaluate(domAudit(root)), [], `${label}: dangerous DOM`);
}

test('the exported HTML page, with its CSP and with the CSP removed: no payload runs, no dangerous element exists', async () => {
  const html = readFileSync(htmlFile, 'utf8');
  const withoutCsp = join(work, 'no-csp.html');
  writeFileSync(withoutCsp, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  assert.doesNotMatch(readFileSync(withoutCsp, 'utf8'), /Content-Security-Policy/);
  for (const file of [htmlFile, withoutCsp]) {
    const watched = await watchedPage();
    await watched.page.goto(pathToFileURL(file).href);
    await assertNothingRan(watched, file);
    assert.equal(await watched.page.evaluate('document.scripts.length'), 0, 'the exported page has no script at all');
    // The report is all there: every hostile subject is shown as text.
    const text = await watched.page.evaluate('document.body.innerText') as string;
    for (const commit of report.repositories[0]?.commits ?? []) {
      const visible = commit.subject.replace(/\s+/g, ' ').replace(/[\u202a-\u202e\u2066-\u2069]/g, '').trim();
      assert.ok(text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').includes(visible.slice(0, 30)), `subject shown: ${visible}`);
    }
    // In-page links work and stay in the page.
    const links = await watched.page.$$('a[href^="#"]');
    assert.ok(links.length > 10);
    for (const link of links.slice(0, 15)) await link.click();
    assert.ok(watched.page.url().startsWith('file://'));
    await assertNothingRan(watched, `${file} after clicks`);
    await watched.page.close();
  }
});


/** The chrome's words (toolbar, filters, table heads, glance and section titles): what must follow the language. */
const CHROME = '#toolbar vscode-button, #toolbar vscode-badge, .dd-field-label, .dd-picker > vscode-button, ' +
  '.dd-table th, .dd-glance h3, .dd-calendar-title, .dd-shown, .dd-clear, .dd-commit-mark vscode-checkbox, .dd-facts-title, h1, ' +
  '.dd-contents-title, .dd-contents-link, .dd-stats h3, .dd-stats-table th, .dd-stats-line, .dd-details-title';

test('the webview bundle in a mimicked webview host, with hostile text in every control: inert DOM, every click posts one message the extension accepts, all words follow the language', async () => {
  const bundleDir = tempDir('dd-webview-bundle-');
  const bundle = await buildWebviewBundle(bundleDir);
  const watched = await watchedPage();
  const { page: tab } = watched;
  await tab.goto(writeWebviewHostPage(bundleDir, bundle, 'dark'));
  await tab.waitForFunction('window.__posted.some((m) => m.type === "ready")');

  // Facts with hostile names on the first commit that has files, pointing at one of its files.
  const withFacts = structuredClone(webReport);
  const target = withFacts.repositories[0]?.commits.find((commit) => commit.files.length > 0);
  assert.ok(target !== undefined);
  Object.assign(target.analysis, { facts: [
    { kind: 'flag', change: 'removed', name: `--x ${SCRIPT_PAYLOADS[1]}`, framework: 'clap', path: target.files[0]?.path, line: 3, side: 'old' },
    { kind: 'definition', change: 'added', defKind: 'class', name: SCRIPT_PAYLOADS[0], public: true, language: 'ts', path: target.files[0]?.path, line: 1 },
    { kind: 'flag', change: 'added', name: '--evil', path: 'javascript:window.__pwned=1', line: 1 },
  ] });
  const post = async (message: ExtensionToWebview): Promise<void> => {
    await tab.evaluate((m) => window.postMessage(m, '*'), message);
  };
  const posted = async (): Promise<{ type: string; [key: string]: unknown }[]> => {
    const list = await tab.evaluate('window.__posted') as { type: string }[];
    await tab.evaluate('window.__posted = []');
    return list;
  };
  const accepted = (message: unknown): void => {
    const result = validateWebviewMessage(message, withFacts);
    assert.equal(result.ok, true, `${JSON.stringify(message)}: ${result.ok ? '' : result.reason}`);
  };
  await post({ type: 'report', report: withFacts, reviewed: [], navigation: { today: DAY } });
  await tab.waitForSelector('article.report');
  assert.deepEqual(watched.pageErrors, []);
  await assertNothingRan(watched, 'webview', '#content');
  await assertNothingRan(watched, 'webview toolbar', '#toolbar');
  assert.equal(await tab.evaluate('document.scripts.length'), 2, 'only the host stub and the bundle are scripts');
  await posted();

  // The commit table's SHA opens the diff with a SHA the extension accepts.
  await tab.click('a.dd-diff');
  const [openCommit, ...rest] = await posted();
  assert.equal(rest.length, 0);
  assert.equal(openCommit?.type, 'openCommit');
  accepted(openCommit);

  // A javascript: link, from the report text (rendered as text) or planted in the DOM, does nothing on click.
  await tab.click('text=click me >> visible=true');
  await tab.evaluate(`(() => {
    const a = document.createElement('a');
    a.id = 'planted'; a.href = 'javascript:window.__pwned=1'; a.textContent = 'planted';
    document.querySelector('article.report').prepend(a);
  })()`);
  await tab.click('#planted');
  assert.deepEqual(await posted(), [], 'a javascript: click posted a message');
  assert.equal(await tab.evaluate('window.__pwned'), undefined, 'a javascript: click ran');
  await tab.evaluate(`document.getElementById('planted').remove()`);

  // The commit's web page: exactly one openExternal, and the page does not navigate.
  const before = tab.url();
  await tab.click('tr.dd-row a.dd-remote');
  const [external] = await posted();
  assert.equal(external?.type, 'openExternal');
  assert.match(String(external?.url), /^https:\/\/github\.com\/acme\/hostile\/commit\/[0-9a-f]{40}$/);
  accepted(external);
  assert.equal(tab.url(), before);

  // Facts: shown as text, each a link to its line; the one whose path is not a file of the commit is refused.
  const factTexts = await tab.$$eval('a.dd-fact-link', (links) => links.map((link) => link.textContent ?? ''));
  assert.ok(factTexts.some((text) => text.includes(SCRIPT_PAYLOADS[0])), factTexts.join('\n'));
  for (const link of await tab.$$('.dd-facts a.dd-fact-link')) {
    await link.click();
    const [fact] = await posted();
    assert.equal(fact?.type, 'openFact');
    const result = validateWebviewMessage(fact, withFacts);
    // The planted facts: only the one at a file of the commit is accepted; the report's own facts (the CLI read the
    // fixture's code) all are.
    assert.equal(result.ok, fact?.sha !== target.sha || fact?.path === target.files[0]?.path, JSON.stringify(fact));
  }

  // The bots' groups: folded in one line each, the hostile names as text; a click opens one, another closes it.
  const groups = await tab.$$eval('a[data-dd-action="toggleGroup"]', (links) => links.map((link) => link.textContent ?? ''));
  assert.equal(groups.length, 2, groups.join('\n'));
  assert.ok(groups.some((text) => text.includes('renovate[bot] img src=x') && text.includes('<script>')), groups.join('\n'));
  assert.equal(await tab.locator('tr.dd-member').count(), 0);
  await tab.click('a[data-dd-action="toggleGroup"]');
  assert.equal(await tab.locator('tr.dd-member').count(), 3);
  assert.equal(await tab.getAttribute('a[data-dd-action="toggleGroup"]', 'aria-expanded'), 'true');
  await assertNothingRan(watched, 'webview with a group open', '#content');

  // The tree's "Show in Report" on a folded commit of the other group: the group opens and the page goes there.
  const folded = withFacts.repositories[1]?.groups?.[1]?.shas[0];
  const entry = indexReport(withFacts).commits.find((candidate) => candidate.commit.sha === folded);
  assert.ok(entry !== undefined);
  await post({ type: 'reveal', anchor: entry.anchor });
  await tab.waitForSelector(`section.dd-commit:not(.dd-pending) a[id="${entry.anchor}"]`, { state: 'attached' });
  assert.equal(await tab.locator('tr.dd-member').count(), 6);
  await posted();

  // Review marks: one commit, then a whole group; the unread badge falls and the rows say so at once.
  const unread = async (): Promise<number> => Number((await tab.textContent('.dd-badge-unread'))?.match(/\d+/)?.[0]);
  const total = await unread();
  await tab.click('tr.dd-row vscode-checkbox[data-dd-control="reviewed"]');
  const [one] = await posted();
  assert.equal(one?.type, 'markReviewed');
  assert.equal(one?.reviewed, true);
  accepted(one);
  assert.equal(await unread(), total - 1);
  assert.equal(await tab.locator('tr.dd-row.dd-reviewed').count(), 1);
  await tab.click('tr.dd-group-row vscode-checkbox[data-dd-control="reviewed"]');
  const [group] = await posted();
  assert.equal((group?.shas as string[]).length, 3);
  accepted(group);
  assert.equal(await unread(), total - 4);
  // The extension's answer (the triage state) is the truth: it may undo a mark.
  await post({ type: 'triage', reviewed: [] });
  await tab.waitForFunction(`Number(document.querySelector('.dd-badge-unread').textContent.match(/\\d+/)[0]) === ${total}`);

  // Filters: only the hostile author, then everyone but them, then cleared. Values are the report's text.
  const rows = (): Promise<string[]> => tab.$$eval('tr.dd-row:not(.dd-member) td.dd-author', (cells) => cells.map((cell) => cell.textContent ?? ''));
  const everyone = await rows();
  const mallory = everyone.find((name) => name.startsWith('Mallory'));
  assert.ok(mallory !== undefined);
  await tab.click('.dd-picker[data-dd-picker="authors"] > vscode-button');
  await tab.click(`.dd-picker[data-dd-picker="authors"] vscode-checkbox[data-dd-value="${mallory.replace(/["\\]/g, '\\$&')}"]`);
  assert.deepEqual([...new Set(await rows())], [mallory]);
  await tab.evaluate(`(() => {
    const mode = document.querySelector('[data-dd-control="authorMode"]');
    mode.value = 'exclude';
    mode.dispatchEvent(new Event('change'));
  })()`);
  assert.equal((await rows()).includes(mallory), false);
  await tab.click('a.dd-clear');
  assert.deepEqual(await rows(), everyone);
  await assertNothingRan(watched, 'webview after filtering', '#content');

  // Order: newest first puts the table in time order, without asking the extension for anything.
  await tab.evaluate(`(() => {
    const order = document.querySelector('[data-dd-control="order"]');
    order.value = 'time';
    order.dispatchEvent(new Event('change'));
  })()`);
  const times = await tab.$$eval('.dd-repo:first-of-type tr.dd-row td.dd-time', (cells) => cells.map((cell) => cell.textContent ?? ''));
  assert.deepEqual(times, [...times].sort().reverse());
  assert.deepEqual(await posted(), []);

  // Days: the previous day, and a day of the calendar, each one message the extension accepts.
  await tab.click('vscode-button[data-dd-action="previousDay"]');
  const [previous] = await posted();
  assert.deepEqual(previous, { type: 'previousDay' });
  accepted(previous);
  const day = tab.locator('a.dd-day').first();
  if (await day.count() > 0) {
    await day.click();
    const [openDay] = await posted();
    assert.equal(openDay?.type, 'openDay');
    accepted(openDay);
  }

  // The language: every word of the page's chrome changes; nothing English is left.
  const chrome = (): Promise<string[]> => tab.$$eval(CHROME, (nodes) => nodes.map((node) => (node.textContent ?? '').trim()));
  const english = await chrome();
  assert.ok(english.some((text) => text.includes('Refresh')));
  await post({ type: 'language', language: 'zh-CN' });
  await tab.waitForFunction(`document.documentElement.lang === 'zh-CN'`);
  const chinese = await chrome();
  assert.ok(chinese.length >= english.length - 2, `${chinese.length} of ${english.length}`);
  const leftover = chinese.map((text) => text.replace(/SHA|Markdown|[A-Za-z]+\/[A-Za-z_]+|\d{4}-\d{2}-\d{2}/g, ''))
    .filter((text) => /[A-Za-z]{2,}/.test(text));
  assert.deepEqual(leftover, [], 'English left in the Chinese page');
  await assertNothingRan(watched, 'webview in Chinese', '#content');

  // An empty day names the last day with a commit and opens it.
  const empty = structuredClone(webReport);
  empty.window = { ...empty.window, label: '2026-01-23', start: '2026-01-23T00:00:00Z', end: '2026-01-24T00:00:00Z' };
  for (const repository of empty.repositories) {
    repository.commits = [];
    repository.lastCommitDay = DAY;
    delete repository.glance;
    delete repository.groups;
    delete repository.days;
  }
  await post({ type: 'report', report: empty, reviewed: [], navigation: { today: '2026-01-23' } });
  await tab.waitForSelector('.dd-empty-day');
  await tab.click('.dd-empty-day vscode-button[data-dd-action="openDay"]');
  const [lastDay] = await posted();
  assert.deepEqual(lastDay, { type: 'openDay', day: DAY });
  assert.equal(await tab.getAttribute('vscode-button[data-dd-action="nextDay"]', 'disabled'), '');
  assert.deepEqual(watched.pageErrors, []);
  await tab.close();
  removeAll(bundleDir);
});
