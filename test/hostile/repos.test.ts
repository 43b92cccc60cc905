// Hostile and unusual repositories, read end to end (generateReport and/or the CLI) next to a healthy repository:
// the user sees one clear line about what went wrong, and the rest of the report is intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml, renderMarkdown } from '../../src/core/render/index.js';
import {
  BEFORE_DAY, DAY, FixtureRepo, assertHealthy, at, commitFromFile, personHeader, writeRawCommit, deleteLooseObject, findHtmlProblems, findMarkdownProblems,
  healthyRepo, htmlText, removeAll, reportOf, runCli, scriptDir, tempDir,
} from '../support/hostileFixtures.js';

const ONE_LINE = /^[^\n\r]+$/;

test('missing objects: a deleted blob or tree degrades per commit — the others keep their files, the broken one is listed with the missing object; a missing commit object still fails the repository in one line', async (t) => {
  const healthy = healthyRepo();
  const broken = FixtureRepo.create({ prefix: 'dd-broken-' });
  t.after(() => { healthy.cleanup(); broken.cleanup(); });
  broken.write('a.txt', 'one\n').commit('feat: first', { date: at('01:00') });
  broken.write('b.txt', 'lost blob\n')
    .commit('feat: second loses a blob\n\nThe body survives.\n\nCo-authored-by: Bob <bob@example.com>', { date: at('02:00') });
  broken.write('dir/c.txt', 'three\n').commit('feat: third', { date: at('03:00') });
  const [third, second, first] = broken.git(['rev-list', 'HEAD']).split('\n');
  const blob = broken.git(['rev-parse', 'HEAD~1:b.txt']);
  deleteLooseObject(broken, blob);

  // Both read paths: the committer date (speculative log beside the walk) and the author date (walk, then one log).
  for (const dateField of ['committer', 'author'] as const) {
    const report = await reportOf([broken.dir, healthy.dir], { dateField });
    const repo = report.repositories[0];
    assert.equal(repo?.error, undefined, repo?.error);
    assert.deepEqual(repo?.commits.map((c) => c.subject), ['feat: third', 'feat: second loses a blob', 'feat: first']);
    const [c3, c2, c1] = repo?.commits ?? [];
    assert.deepEqual(c3?.files.map((f) => [f.path, f.status, f.additions]), [['dir/c.txt', 'A', 1]]);
    assert.deepEqual(c1?.files.map((f) => [f.path, f.status, f.additions]), [['a.txt', 'A', 1]]);
    assert.equal(c3?.unreadable, undefined);
    assert.equal(c1?.unreadable, undefined);
    // The broken commit: everything from the commit object, no files, git's reason naming the object.
    assert.equal(c2?.sha, second);
    assert.deepEqual(c2?.parents, [first]);
    assert.match(c2?.body ?? '', /^The body survives\./);
    assert.deepEqual(c2?.trailers, [{ key: 'Co-authored-by', value: 'Bob <bob@example.com>' }]);
    assert.equal(c2?.author.date, '2026-01-22T02:00:00+00:00');
    assert.deepEqual(c2?.files, []);
    assert.equal(c2?.unreadable, `unable to read ${blob}`);
    assert.ok(c2?.analysis.reasons.includes(`files could not be read (unable to read ${blob}): importance from the message only`),
      c2?.analysis.reasons.join(' | '));
    assert.deepEqual(repo?.warnings, [
      `1 commit could not be read completely (${second?.slice(0, 7)}: unable to read ${blob}): listed without files; the clone is partial or broken, run git fetch to fill it.`,
    ]);
    assert.equal(repo?.stats.commits, 3);
    assertHealthy(report.repositories[1]);
    const markdown = renderMarkdown(report);
    assert.ok(markdown.includes(`> ⚠️ The files of this commit could not be read (unable to read ${blob}): the clone is partial or broken; run \`git fetch\` to fill it.`), markdown);
    assert.match(markdown, /^> ⚠️ 1 commit could not be read completely/m);
    assert.deepEqual(findMarkdownProblems(markdown), []);
    assert.ok(markdown.includes('feat: healthy two'));
  }
  const zh = await reportOf([broken.dir], { language: 'zh-CN' });
  assert.match(zh.repositories[0]?.warnings[0] ?? '', new RegExp(`^1 个提交未能完整读取（${second?.slice(0, 7)}: unable to read ${blob}）`));
  assert.ok(renderMarkdown(zh).includes(`> ⚠️ 无法读取此提交的文件（unable to read ${blob}）：克隆不完整或已损坏，请运行 \`git fetch\` 补全。`));

  // A missing tree too: two broken commits. A partly read repository is a warning: exit 0, one line on stderr.
  const tree = broken.git(['rev-parse', 'HEAD:dir']);
  deleteLooseObject(broken, tree);
  const args = ['--repo', broken.dir, '--repo', healthy.dir, '--date', DAY, '--tz', 'UTC'];
  const cli = runCli([...args, '--format', 'json']);
  assert.equal(cli.code, 0, cli.stderr);
  const lines = cli.stderr.trim().split('\n');
  assert.equal(lines.length, 1, cli.stderr);
  assert.equal(lines[0], `daily-digest: ${broken.dir}: 2 commits could not be read completely (${third?.slice(0, 7)}: unable to read tree ${tree}; ` +
    `${second?.slice(0, 7)}: unable to read ${blob}): listed without files; the clone is partial or broken, run git fetch to fill it.`);
  const json = JSON.parse(cli.stdout) as {
    repositories: { error?: string; warnings: string[]; commits: { subject: string; unreadable?: string; files: { path: string }[] }[] }[];
  };
  assert.equal(json.repositories[0]?.error, undefined);
  assert.deepEqual(json.repositories[0]?.commits.map((c) => [c.subject, c.unreadable, c.files.map((f) => f.path)]), [
    ['feat: third', `unable to read tree ${tree}`, []],
    ['feat: second loses a blob', `unable to read ${blob}`, []],
    ['feat: first', undefined, ['a.txt']],
  ]);
  assert.match(json.repositories[0]?.warnings[0] ?? '', /^2 commits could not be read completely/);
  assert.deepEqual(json.repositories[1]?.commits.map((c) => c.subject), ['feat: healthy two', 'docs: healthy one']);
  const md = runCli(args);
  assert.equal(md.code, 0, md.stderr);
  assert.ok(md.stdout.includes(`> ⚠️ The files of this commit could not be read (unable to read tree ${tree})`), md.stdout);
  assert.deepEqual(findMarkdownProblems(md.stdout), []);
  const html = runCli([...args, '--format', 'html']);
  assert.equal(html.code, 0, html.stderr);
  assert.match(htmlText(html.stdout), new RegExp(`⚠️ The files of this commit could not be read \\(unable to read ${blob}\\)`));
  assert.match(htmlText(html.stdout), /⚠️ 2 commits could not be read completely/);
  assert.deepEqual(findHtmlProblems(html.stdout), []);

  // A missing commit object: nothing can be said about that commit, so the repository fails in one line (exit 2).
  deleteLooseObject(broken, second ?? '');
  const report = await reportOf([broken.dir, healthy.dir]);
  const failed = report.repositories[0];
  assert.match(failed?.error ?? '', ONE_LINE);
  assert.match(failed?.error ?? '', /^Git objects are missing \(.+\): the clone is partial or broken; run git fetch to fill it\.$/);
  assertHealthy(report.repositories[1]);
  assert.ok(renderMarkdown(report).includes('> **❌ Error**: Git objects are missing'));
  // --quiet: on a loaded machine a run past one second prints progress lines before the error.
  const gone = runCli([...args, '--format', 'json', '--quiet']);
  assert.equal(gone.code, 2, gone.stderr);
  assert.match(gone.stderr.trim(), new RegExp(`^daily-digest: ${broken.dir}: Git objects are missing \\(.+\\): the clone is partial or broken`));
});

test('a shallow clone that ends inside the window: a warning line in every format, and the commits it has', async (t) => {
  const origin = FixtureRepo.create({ prefix: 'dd-origin-' });
  const clone = tempDir('dd-shallow-');
  const healthy = healthyRepo();
  t.after(() => { origin.cleanup(); removeAll(clone); healthy.cleanup(); });
  origin.write('a', '0').commit('chore: before the day', { date: BEFORE_DAY });
  for (const [index, time] of ['01:00', '02:00', '03:00'].entries()) {
    origin.write('a', String(index + 1)).commit(`feat: change ${index + 1}`, { date: at(time) });
  }
  origin.git(['clone', '-q', '--depth', '2', `file://${origin.dir}`, clone]);

  const report = await reportOf([clone, healthy.dir]);
  const shallow = report.repositories[0];
  assert.equal(shallow?.error, undefined);
  assert.deepEqual(shallow?.commits.map((c) => c.subject), ['feat: change 3', 'feat: change 2']);
  assert.deepEqual(shallow?.warnings, [
    'This is a shallow clone whose history ends at 2026-01-22T02:00:00+00:00, inside the report window: older commits of the window may be missing. Run git fetch --unshallow for a complete report.',
  ]);
  assertHealthy(report.repositories[1]);

  const markdown = runCli(['--repo', clone, '--repo', healthy.dir, '--date', DAY, '--tz', 'UTC']);
  assert.equal(markdown.code, 0, markdown.stderr);
  assert.match(markdown.stdout, /^> ⚠️ This is a shallow clone whose history ends at 2026-01-22T02:00:00\+00:00, inside the report window/m);
  assert.deepEqual(findMarkdownProblems(markdown.stdout), []);
  const html = runCli(['--repo', clone, '--date', DAY, '--tz', 'UTC', '--format', 'html']);
  assert.equal(html.code, 0, html.stderr);
  assert.match(htmlText(html.stdout), /⚠️ This is a shallow clone whose history ends at 2026-01-22T02:00:00\+00:00/);
  assert.deepEqual(findHtmlProblems(html.stdout), []);
});

test('binary files, a submodule (gitlink) and LFS pointers are listed as files; git-lfs is never run and the submodule never read', async (t) => {
  const sub = FixtureRepo.create({ prefix: 'dd-sub-' });
  const repo = FixtureRepo.create({ prefix: 'dd-kinds-' });
  const fakes = scriptDir('dd-fake-lfs-', { 'git-lfs': `touch "${'$'}(dirname "$0")/git-lfs.ran"\nexit 1` });
  t.after(() => { sub.cleanup(); repo.cleanup(); removeAll(fakes); });
  sub.write('inner.txt', 'inner\n').commit('feat: inner commit must not show', { date: at('00:30') });
  repo.write('README.md', 'x\n').commit('chore: base', { date: BEFORE_DAY });

  const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64, 0), Buffer.from([1, 2, 3, 255])]);
  repo.write('assets/logo.png', png).commit('feat: add logo', { date: at('01:00') });
  repo.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${sub.dir}`, 'vendor/sub']);
  repo.commit('build: vendor the sub module', { date: at('02:00') });
  const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
  repo.write('.gitattributes', '*.bin filter=lfs diff=lfs merge=lfs -text\n').write('data/model.bin', pointer);
  repo.commit('feat: track the model with LFS', { date: at('03:00') });
  // What `git lfs install` writes; the fake git-lfs on PATH would leave a marker if anything ran it.
  repo.git(['config', 'filter.lfs.process', 'git-lfs filter-process']);
  repo.git(['config', 'filter.lfs.smudge', 'git-lfs smudge -- %f']);
  repo.git(['config', 'filter.lfs.clean', 'git-lfs clean -- %f']);
  repo.git(['config', 'filter.lfs.required', 'true']);
  repo.git(['config', 'diff.lfs.textconv', 'git-lfs textconv']);

  const env = { PATH: `${fakes}:${process.env.PATH ?? ''}` };
  const cli = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC', '--format', 'json'], env);
  assert.equal(cli.code, 0, cli.stderr);
  assert.equal(cli.stderr, '');
  const report = JSON.parse(cli.stdout) as { repositories: { commits: { subject: string; files: { path: string; status: string; binary: boolean; additions: number }[] }[] }[] };
  const commits = report.repositories[0]?.commits ?? [];
  assert.deepEqual(commits.map((c) => c.subject), ['feat: track the model with LFS', 'build: vendor the sub module', 'feat: add logo']);
  const files = (subject: string) => commits.find((c) => c.subject === subject)?.files ?? [];
  assert.deepEqual(files('feat: add logo').map((f) => [f.path, f.status, f.binary]), [['assets/logo.png', 'A', true]]);
  assert.deepEqual(files('build: vendor the sub module').map((f) => f.path).sort(), ['.gitmodules', 'vendor/sub']);
  assert.deepEqual(files('feat: track the model with LFS').map((f) => [f.path, f.binary, f.additions]).sort(),
    [['.gitattributes', false, 1], ['data/model.bin', false, 3]]);
  assert.ok(!cli.stdout.includes('inner commit must not show'), 'the submodule history is not read');
  assert.equal(existsSync(join(fakes, 'git-lfs.ran')), false, 'git-lfs was run');

  const md = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC'], env);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^#### feat: add logo$/m);
  assert.match(md.stdout, /^#### build: vendor the sub module$/m);
  assert.deepEqual(findMarkdownProblems(md.stdout), []);
  assert.equal(existsSync(join(fakes, 'git-lfs.ran')), false, 'git-lfs was run');
});

test('a linked worktree, a detached HEAD and an orphan (unborn) branch', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-wt-' });
  const worktree = `${repo.dir}-worktree`;
  const healthy = healthyRepo();
  t.after(() => { repo.cleanup(); removeAll(worktree); healthy.cleanup(); });
  repo.write('a', '1').commit('feat: one', { date: at('01:00') });
  repo.write('a', '2').commit('feat: two', { date: at('02:00') });
  repo.git(['worktree', 'add', '-q', '-b', 'side', worktree]);
  FixtureRepo.at(worktree).write('b', 'side\n').commit('feat: only on the side branch', { date: at('03:00') });

  // The worktree reads its own HEAD (the side branch); the main checkout does not see the side commit.
  const fromWorktree = await reportOf([worktree, repo.dir, healthy.dir]);
  assert.deepEqual(fromWorktree.repositories[0]?.commits.map((c) => c.subject), ['feat: only on the side branch', 'feat: two', 'feat: one']);
  assert.equal(fromWorktree.repositories[0]?.path, worktree);
  assert.deepEqual(fromWorktree.repositories[1]?.commits.map((c) => c.subject), ['feat: two', 'feat: one']);
  assertHealthy(fromWorktree.repositories[2]);

  // Detached HEAD: reads from the detached commit.
  repo.git(['checkout', '-q', '--detach', 'HEAD~1']);
  const detached = await reportOf([repo.dir]);
  assert.equal(detached.repositories[0]?.error, undefined);
  assert.deepEqual(detached.repositories[0]?.commits.map((c) => c.subject), ['feat: one']);

  // Orphan branch: HEAD has no commit yet, but the repository has history. One clear line, other repos intact.
  repo.git(['checkout', '-q', '--orphan', 'fresh']);
  const orphan = await reportOf([repo.dir, healthy.dir]);
  assert.match(orphan.repositories[0]?.error ?? '', ONE_LINE);
  assert.equal(orphan.repositories[0]?.error,
    'HEAD is the unborn branch "fresh", which has no commits yet: commit on it, or pick a branch with --ref.');
  assertHealthy(orphan.repositories[1]);
  // An explicit ref still works on the orphan checkout.
  const withRef = await reportOf([repo.dir], { ref: 'main' });
  assert.deepEqual(withRef.repositories[0]?.commits.map((c) => c.subject), ['feat: two', 'feat: one']);
});

test('a repository path and an output path with spaces and non-ASCII characters, in every format', async (t) => {
  const base = tempDir('dd-path-');
  t.after(() => removeAll(base));
  const dir = join(base, 'my répo 日本語 #1 $HOME `x`');
  FixtureRepo.at(base).git(['init', '-q', '-b', 'main', dir]);
  const named = FixtureRepo.at(dir);
  named.git(['config', 'user.name', 'Zoë']);
  named.git(['config', 'user.email', 'zoe@example.com']);
  named.write('dossier à part/fichier é.txt', 'é\n').commit('feat: café ☕', { date: at('05:00') });
  for (const format of ['md', 'json', 'html'] as const) {
    const out = join(base, `rapport ${format} é.${format}`);
    const cli = runCli(['--repo', dir, '--date', DAY, '--tz', 'UTC', '--out', out]);
    assert.equal(cli.code, 0, cli.stderr);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.includes('café ☕'), `${format} has the subject`);
    if (format === 'json') assert.ok(text.includes('dossier à part/fichier é.txt'), 'json has the path');
    if (format === 'json') assert.equal((JSON.parse(text) as { repositories: { path: string }[] }).repositories[0]?.path, dir);
    if (format === 'html') assert.deepEqual(findHtmlProblems(text), []);
    if (format === 'md') assert.deepEqual(findMarkdownProblems(text), []);
  }
});

test('CRLF in commit messages and files: no carriage return reaches the subject, tables or counts', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-crlf-' });
  const healthy = healthyRepo();
  t.after(() => { repo.cleanup(); healthy.cleanup(); });
  repo.write('win.txt', 'line one\r\nline two\r\nline three\r\n');
  commitFromFile(repo, 'fix: handle | pipes\r\n\r\nBody line one\r\nBody line two\r\n\r\nCo-authored-by: Bob <bob@example.com>\r\n',
    at('04:00'), ['--cleanup=verbatim']);

  const report = await reportOf([repo.dir, healthy.dir]);
  const commit = report.repositories[0]?.commits[0];
  assert.equal(commit?.subject, 'fix: handle | pipes');
  assert.doesNotMatch(commit?.body ?? '', /\r/);
  assert.match(commit?.body ?? '', /Body line one\nBody line two/);
  assert.deepEqual(commit?.files.map((f) => [f.path, f.additions, f.binary]), [['win.txt', 3, false]]);
  assertHealthy(report.repositories[1]);
  const markdown = renderMarkdown(report);
  assert.doesNotMatch(markdown, /\r/);
  assert.ok(markdown.includes('fix: handle \\| pipes'));
  assert.deepEqual(findMarkdownProblems(markdown), []);
  assert.deepEqual(findHtmlProblems(renderHtml(report)), []);
});

test('non-UTF-8 commit encodings (ISO-8859-1, Shift_JIS) come out as UTF-8 in every format', async (t) => {
  const repo = FixtureRepo.create({ prefix: 'dd-enc-' });
  t.after(() => repo.cleanup());
  repo.write('base', '0').commit('chore: base', { date: BEFORE_DAY });
  const commitEncoded = (encoding: string, message: Buffer, author: Buffer, time: string): void => {
    repo.write(`${encoding}.txt`, encoding);
    // What git writes with i18n.commitEncoding set: raw bytes in that encoding and an `encoding` header.
    writeRawCommit(repo, [personHeader('author', author, at(time)), personHeader('committer', author, at(time)),
      Buffer.from(`encoding ${encoding}`)], message);
  };
  commitEncoded('ISO-8859-1', Buffer.from('fix: corrigé le café\n\nDétails ici.\n', 'latin1'), Buffer.from('Zoë Ångström', 'latin1'), '06:00');
  // 日本語の修正 / 山田太郎 in Shift_JIS.
  const sjisSubject = Buffer.from([0x66, 0x65, 0x61, 0x74, 0x3a, 0x20, 0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x8f, 0x43, 0x90, 0xb3, 0x0a]);
  const sjisAuthor = Buffer.from([0x8e, 0x52, 0x93, 0x63, 0x91, 0xbe, 0x98, 0x59]);
  commitEncoded('Shift_JIS', sjisSubject, sjisAuthor, '07:00');
  assert.match(repo.git(['cat-file', '-p', 'HEAD']), /^encoding Shift_JIS$/m);

  const cli = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC', '--format', 'json']);
  assert.equal(cli.code, 0, cli.stderr);
  const report = JSON.parse(cli.stdout) as { repositories: { commits: { subject: string; body: string; author: { name: string } }[] }[] };
  const commits = report.repositories[0]?.commits ?? [];
  assert.deepEqual(commits.map((c) => [c.subject, c.author.name]), [
    ['feat: 日本語の修正', '山田太郎'],
    ['fix: corrigé le café', 'Zoë Ångström'],
  ]);
  assert.equal(commits[1]?.body, 'Détails ici.');
  const md = runCli(['--repo', repo.dir, '--date', DAY, '--tz', 'UTC']);
  assert.ok(md.stdout.includes('feat: 日本語の修正') && md.stdout.includes('Zoë Ångström'), md.stdout);
  assert.doesNotMatch(md.stdout, /\ufffd/, 'no replacement characters');
});
