// Property tests (fast-check): hostile commit messages, author names and file names, in real fixture repositories
// (few runs) and straight in Report objects (many runs). Markdown stays well formed, the HTML (parsed with an
// HTML5 parser) holds nothing that could run script or leave the page, and every in-page link resolves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Report } from '../../src/core/domain/report.js';
import { renderHtml, renderMarkdown } from '../../src/core/render/index.js';
import { emptyAnalysis, makeCommit, makeRepository } from '../support/sampleReport.js';
import { FixtureRepo, SCRIPT_PAYLOADS, at, commitFromFile, findHtmlProblems, findMarkdownProblems, reportOf } from '../support/hostileFixtures.js';

const PIECES = [
  '|', '||', '`', '```', '<script>alert(1)</script>', '</td>', '](javascript:alert(1))', '[x](javascript:alert(1))',
  '\n', '\r\n', '\n\n# heading\n', '\u202e', '\u200f', '\u2066', '<!--', '-->', '&lt;', '&#60;', '*', '_', '~~', '#', '\\',
  '<a href="#c-0">', '![i](https://x.test/i.png)', '<https://x.test>', 'javascript:alert(1)', 'data:text/html,<b>',
  '\t', '"', "'", '<svg onload=alert(1)>', '<iframe srcdoc="<script>x</script>">', '[^1]', '- [ ] ', '> ', '1. ',
  ...SCRIPT_PAYLOADS,
];

/** Strings built from hostile pieces and random unicode (no NUL: git cannot store it in messages or names). */
const hostileText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join('').replace(/\0/g, ''));

/** A file name git accepts: no NUL, no empty or `.`/`..`/`.git` segments, no leading or trailing slash. */
const hostilePath = fc.array(hostileText.map((text) => text.replace(/[/\0]/g, '_').slice(0, 40)), { minLength: 1, maxLength: 3 })
  .map((segments) => segments.map((segment) => (/^\.*$/.test(segment.trim()) || segment.toLowerCase() === '.git' ? `x${segment}` : segment)).join('/'))
  .filter((path) => path.trim() !== '' && !path.split('/').some((s) => s === '' || s === '.' || s === '..'));

function checkRendered(report: Report, context: string): void {
  const markdown = renderMarkdown(report);
  assert.deepEqual(findMarkdownProblems(markdown), [], `${context}: Markdown problems`);
  const html = renderHtml(report);
  assert.deepEqual(findHtmlProblems(html), [], `${context}: HTML problems`);
}

test('render-only: hostile text anywhere in a Report keeps Markdown well formed and HTML inert (300 runs)', () => {
  const commitArb = fc.record({
    subject: hostileText, author: hostileText, path: hostilePath, summary: hostileText, risk: hostileText, scope: hostileText,
    importance: fc.constantFrom('high', 'medium', 'low' as const), trailer: hostileText, model: hostileText,
  });
  fc.assert(fc.property(fc.array(commitArb, { minLength: 1, maxLength: 4 }), hostileText, hostileText, fc.boolean(),
    (commits, repoName, warning, failed) => {
      const repoCommits = commits.map((c, index) => makeCommit({
        sha: `${'abcdef0123456789'[index] ?? 'f'}${'0'.repeat(38)}${index}`, subject: c.subject, author: c.author,
        date: at('10:00'), repoUrl: 'https://github.com/acme/widgets', prNumber: index + 1,
        trailers: [{ key: 'Co-authored-by', value: c.trailer }],
        files: [{ path: c.path, status: 'R', oldPath: `${c.path}.old`, additions: 1, deletions: 0, binary: false }],
        analysis: emptyAnalysis({
          importance: c.importance, summary: c.summary, risks: [c.risk], reasons: [c.risk], recommendations: [c.summary],
          notes: [c.risk], conventionalScope: c.scope, model: c.model,
          scope: [{ module: c.path, files: 1, additions: 1, deletions: 0 }],
          insights: { architecture: [c.summary], performance: [], security: [c.risk] },
        }),
      }));
      const report: Report = {
        schemaVersion: 1, generatedAt: '2026-01-22T12:00:00Z', language: 'en',
        window: { start: '2026-01-22T00:00:00+00:00', end: '2026-01-23T00:00:00+00:00', timeZone: 'UTC', dateField: 'committer', label: '2026-01-22' },
        repositories: [
          makeRepository({ name: repoName, path: '/r', ref: repoName, webUrl: 'https://github.com/acme/widgets', warnings: [warning], commits: repoCommits }),
          makeRepository({ name: `${repoName} 2`, path: '/r2', ref: 'HEAD', warnings: [], commits: repoCommits,
            ...(failed ? { error: warning } : {}) }),
        ],
      };
      checkRendered(report, 'report');
    }), { numRuns: 300, seed: 20260122 });
});

test('real repositories: hostile messages, author names and file names, 5 commits per repository (15 runs)', async () => {
  const commitArb = fc.record({ message: hostileText, author: hostileText, path: hostilePath, content: fc.string({ unit: 'binary', maxLength: 40 }) });
  await fc.assert(fc.asyncProperty(fc.array(commitArb, { minLength: 5, maxLength: 5 }), async (commits) => {
    const repo = FixtureRepo.create({ prefix: 'dd-prop-' });
    try {
      repo.git(['remote', 'add', 'origin', 'https://github.com/acme/widgets.git']);
      const written: string[] = [];
      commits.forEach((commit, index) => {
        // Keep the name git stores: it refuses some; those commits fall back to a plain name.
        let path = commit.path;
        try {
          repo.write(path, `${commit.content}\n${index}\n`);
        } catch {
          path = `fallback-${index}.txt`;
          repo.write(path, `${index}\n`);
        }
        const name = commit.author.replace(/[<>\n\r\0]/g, ' ').trim() || 'x';
        const message = commit.message.trim() === '' ? 'empty' : commit.message;
        commitFromFile(repo, message, at(`10:0${index}`), ['--cleanup=verbatim', '--allow-empty'], { name, email: 'x@example.com' });
        written.push(path);
      });
      const report = await reportOf([repo.dir]);
      const read = report.repositories[0];
      assert.equal(read?.error, undefined, read?.error);
      assert.equal(read?.commits.length, 5, 'every commit is reported');
      checkRendered(report, 'repository');
    } finally {
      repo.cleanup();
    }
  }), { numRuns: 15, seed: 42 });
});

test('the checkers catch what they look for (so a passing property means something)', () => {
  const page = (body: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
  const problems = (body: string): string[] => findHtmlProblems(page(body));
  assert.deepEqual(problems('<p>fine <a href="https://x.test/">x</a> <a id="c-1"></a><a href="#c-1">c</a></p>'), []);
  for (const bad of [
    '<script>x</script>', '<img src=x onerror=y>', '<a href="javascript:x">a</a>', '<a href=" JaVa\tscript:x">a</a>',
    '<a href="data:text/html,x">a</a>', '<a href="vbscript:x">a</a>', '<iframe srcdoc="x"></iframe>', '<object></object>',
    '<embed>', '<svg><script>x</script></svg>', '<p onclick="x">p</p>', '<a href="#missing">m</a>', '<form></form>',
    '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr></table>',
  ]) assert.notDeepEqual(problems(bad), [], bad);
  assert.notDeepEqual(findMarkdownProblems('| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n'), []);
  assert.notDeepEqual(findMarkdownProblems('[x](#nowhere)\n'), []);
});
