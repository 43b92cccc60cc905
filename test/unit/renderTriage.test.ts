import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToHtml, renderHtml, renderMarkdown } from '../../src/core/render/index.js';
import { triageLabels } from '../../src/core/i18n/triageLabels.js';
import { findLabelLanguageProblems, findStructuralProblems, labelStrings } from '../support/markdownChecks.js';
import { findHtmlProblems, findMarkdownProblems } from '../support/hostileFixtures.js';
import { HOSTILE, emptyAnalysis, makeCommit, makeRepository } from '../support/sampleReport.js';
import { sampleTriageReport, sampleWeekReport } from '../support/sampleTriage.js';

for (const language of ['en', 'zh-CN'] as const) {
  test(`every ${language} triage label is in ${language}`, () => {
    const strings = labelStrings(triageLabels(language), {
      day: ['2026-01-22', 4, 3], updateList: [['⟦x⟧'], 2], groupSize: [3, 1], moduleEntry: ['`m`', 2, 1, 1],
    });
    assert.ok(strings.length >= 20);
    assert.deepEqual(findLabelLanguageProblems(strings, language), []);
  });
}

test('the HTML report shows each folded group closed, its first line as the summary', () => {
  const html = renderHtml(sampleTriageReport('en'));
  const groups = Array.from(html.matchAll(/<a id="(r\d+-g\d+)"><\/a>\n<details>\n<summary>(.*?)<\/summary>\n<ul>\n([\s\S]*?)<\/ul>\n<\/details>/g));
  assert.deepEqual(groups.map((match) => match[1]), ['r5-g1', 'r5-g2']);
  assert.equal(groups[0]?.[2], '<strong>renovate[bot]</strong>: 3 dependency updates (jiff 0.2.34, syn 3.0.0, tokio 1.47.1)');
  assert.equal(groups[0]?.[3]?.match(/<li>/g)?.length, 3);
  assert.doesNotMatch(html, /<details open/);
});

test('only the renderer\'s group shape becomes <details>: other anchors, and text that looks like one, stay as they are', () => {
  const list = '- **a**: b\n  - c\n';
  assert.doesNotMatch(markdownToHtml(`<a id="r1-high"></a>\n\n${list}`), /<details>/);
  assert.doesNotMatch(markdownToHtml(`<a id="x-g1"></a>\n\n${list}`), /<details>/);
  assert.doesNotMatch(markdownToHtml(`<a id="r1-g1"></a>\n\nparagraph\n`), /<details>/);
  const hostile = markdownToHtml('<a id="r1-g1"></a>\n\n- <script>alert(1)</script> [x](javascript:alert(1))\n  - <img src=x onerror=alert(1)>\n');
  assert.match(hostile, /<details>/);
  assert.doesNotMatch(hostile, /<script|<img|javascript:/);
});

test('the table follows the report\'s order; a range has a table per day, newest first', () => {
  const week = renderMarkdown(sampleWeekReport('en'));
  const days = Array.from(week.matchAll(/^### 📅 (\S+), (\w+) \((\d+)\)$/gm), (match) => [match[1], match[2], match[3]]);
  assert.deepEqual(days, [['2026-01-22', 'Thursday', '3'], ['2026-01-21', 'Wednesday', '3'], ['2026-01-20', 'Tuesday', '2']]);
  assert.match(week, /\n2 more are folded below\.\n/);
  const day = sampleTriageReport('en');
  const uv = day.repositories[4]!;
  const rows = (markdown: string): string[] => markdown.slice(markdown.indexOf('## [astral-sh/uv]')).split('\n')
    .filter((line) => /^\| 🔴|^\| 🟡|^\| 🟢/.test(line)).map((line) => line.split(' | ')[2] ?? '');
  assert.deepEqual(rows(renderMarkdown(day)), ['Charlie Marsh', 'Konsti', 'dependabot\\[bot\\]']);
  day.order = 'time';
  assert.deepEqual(rows(renderMarkdown(day)), ['Charlie Marsh', 'Konsti', 'dependabot\\[bot\\]'], 'already newest first');
  uv.commits = [...uv.commits].reverse();
  delete uv.glance;
  assert.deepEqual(rows(renderMarkdown(day)), ['dependabot\\[bot\\]', 'Konsti', 'Charlie Marsh'], 'time order keeps the list');
});

test('hostile bot names, subjects and summaries stay text in the glance and the groups', () => {
  const report = sampleTriageReport('en');
  const bump = (index: number) => makeCommit({
    sha: `f${index}`.padEnd(40, '0'), subject: `Update Rust crate ${HOSTILE.subject} to v1.${index}`, author: `${HOSTILE.author}[bot]`,
    date: '2026-01-22T10:00:00+08:00', repoUrl: 'javascript:alert(1)',
    analysis: emptyAnalysis({ changeType: 'deps', importance: 'low' }),
  });
  report.repositories = [makeRepository({
    name: 'hostile', path: '/h', ref: 'main', warnings: [], commits: [
      makeCommit({
        sha: 'e'.repeat(40), subject: HOSTILE.subject, author: HOSTILE.author, date: '2026-01-22T11:00:00+08:00',
        analysis: emptyAnalysis({ importance: 'high', breaking: true, summary: HOSTILE.summary, reasons: [HOSTILE.risk, `(${HOSTILE.subject})`],
          insights: { architecture: [`Declares a breaking change: ${HOSTILE.summary}`], performance: [], security: [] },
          scope: [{ module: HOSTILE.path, files: 1, additions: 1, deletions: 0 }] }),
      }),
      bump(1), bump(2),
    ],
  })];
  const markdown = renderMarkdown(report);
  assert.deepEqual(findMarkdownProblems(markdown), []);
  assert.deepEqual(findStructuralProblems(markdown), []);
  assert.match(markdown, /<a id="r1-g1"><\/a>/);
  assert.deepEqual(findHtmlProblems(renderHtml(report)), []);
});
