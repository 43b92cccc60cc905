import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAnchor, renderLabels, renderMarkdown } from '../../src/core/render/index.js';
import { MAX_FILES_LISTED } from '../../src/core/render/markdownCommit.js';
import type { Language } from '../../src/core/domain/language.js';
import type { Report } from '../../src/core/domain/report.js';
import {
  findDanglingAnchorLinks, findHeadingJumps, findLabelLanguageProblems, findMalformedTables, findStructuralProblems,
  headings, labelStrings, splitTableRow, withoutCodeSpans,
} from '../support/markdownChecks.js';
import { HOSTILE, emptyAnalysis, makeCommit, makeRepository, sampleReport } from '../support/sampleReport.js';
import { sampleTriageReport, sampleWeekReport } from '../support/sampleTriage.js';

const LANGUAGES: Language[] = ['en', 'zh-CN'];

function goldenPath(name: string): string {
  return join(__dirname, '..', 'golden', `report.${name}.md`);
}

for (const language of LANGUAGES) {
  test(`the ${language} Markdown matches its golden file (UPDATE_GOLDEN=1 rewrites it)`, () => {
    const markdown = renderMarkdown(sampleTriageReport(language));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath(language), markdown);
    assert.equal(markdown, readFileSync(goldenPath(language), 'utf8'));
  });

  test(`the ${language} Markdown of a range matches its golden file: one table per day, newest first`, () => {
    const markdown = renderMarkdown(sampleWeekReport(language));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath(`${language}.range`), markdown);
    assert.equal(markdown, readFileSync(goldenPath(`${language}.range`), 'utf8'));
    assert.deepEqual(findStructuralProblems(markdown), []);
  });

  test(`the ${language} Markdown is structurally sound: one h1, no heading jumps, every link resolves, tables line up`, () => {
    const markdown = renderMarkdown(sampleTriageReport(language));
    assert.deepEqual(findStructuralProblems(markdown), []);
    assert.deepEqual(headings(markdown).map((heading) => heading.level).slice(0, 8), [1, 2, 2, 3, 3, 3, 3, 4]);
  });

  test(`every ${language} label is in ${language}`, () => {
    const strings = labelStrings(renderLabels(language), { importanceGroup: ['high', 3], title: ['2026-01-22', false] });
    assert.ok(strings.length > 70, `only ${strings.length} label strings found`);
    assert.deepEqual(findLabelLanguageProblems(strings, language), []);
  });

  test(`bold labels in the rendered ${language} report are all in ${language}`, () => {
    const markdown = renderMarkdown(sampleReport(language));
    // Hostile text escapes its asterisks, so every bold span in the output is a label.
    const bold = Array.from(markdown.matchAll(/(?<!\\)\*\*([^*]+)\*\*/g), (match) => ({ key: 'bold', text: match[1] ?? '' }));
    assert.ok(bold.length > 30);
    assert.deepEqual(findLabelLanguageProblems(bold, language), []);
  });
}

test('the checks catch what the seed reports got wrong', () => {
  const seedLike = [
    '# 每日更新报告（2026-01-22）', '', '## ai-dynamo/dynamo', '', '### 📊 统计摘要', '', '## 📋 目录', '',
    '- [🔴 高重要度变更 (6)](#-🔴-高重要度变更-6)', '', '#### 🔴 高重要度变更 (6)', '', '| a | b |', '|---|---|', '| x | y | z |', '',
  ].join('\n');
  assert.deepEqual(findHeadingJumps(seedLike), ['line 11: h2 → h4 "🔴 高重要度变更 (6)"']);
  assert.deepEqual(findDanglingAnchorLinks(seedLike), ['line 9: link to missing anchor "#-🔴-高重要度变更-6"']);
  assert.deepEqual(findMalformedTables(seedLike), ['line 15: 3 cells, header has 2']);
  assert.deepEqual(splitTableRow('| a \\| b | `c\\|d` | e\\\\| f |'), ['a \\| b', '`c\\|d`', 'e\\\\', 'f']);
  assert.deepEqual(findHeadingJumps('# A\n\ntext\n---\n'), []);
  assert.equal(headings('# A\n\ntext\n---\n')[1]?.level, 2, 'a rule right under a paragraph is a setext h2');
});

test('headings follow h1 → h2 repository → h3 sections → h4 commits, with the title and window first', () => {
  const markdown = renderMarkdown(sampleReport('en'));
  const lines = markdown.split('\n');
  assert.equal(lines[0], '# Daily Digest — 2026-01-22');
  assert.equal(lines[2], 'Window: 2026-01-22 00:00:00 to 2026-01-23 00:00:00 (Asia/Shanghai), by committer date.');
  assert.deepEqual(headings(markdown).filter((heading) => heading.level === 2).map((heading) => heading.text), [
    '📑 Contents', '[ai-dynamo/dynamo](https://github.com/ai-dynamo/dynamo)', 'acme/broken', '[acme/quiet](https://gitlab.com/acme/quiet)', 'scripts',
  ]);
  assert.deepEqual(headings(markdown).filter((heading) => heading.level === 3).slice(0, 5).map((heading) => heading.text), [
    '🔭 At a glance', '📋 Commits', '📊 Statistics', '🔴 High importance (2)', '🟡 Medium importance (1)',
  ]);
});

test('a range report says so in its title', () => {
  const report = sampleReport('zh-CN');
  report.window.label = '2026-01-20..2026-01-22';
  assert.match(renderMarkdown(report), /^# 每日更新报告（2026-01-20 至 2026-01-22）\n/);
  const english = sampleReport('en');
  english.window.label = '2026-01-20..2026-01-22';
  assert.match(renderMarkdown(english), /^# Daily Digest — 2026-01-20 to 2026-01-22\n/);
});

test('commit times are shown in the window time zone with the chosen date field', () => {
  const report = sampleReport('en');
  const markdown = renderMarkdown(report);
  // 2026-01-21T23:30:00-05:00 is 12:30 in Shanghai; 06:56:37Z is 14:56:37.
  assert.match(markdown, /\| 2026-01-22 12:30:00 \| Mallory/);
  assert.match(markdown, /\| 2026-01-22 14:56:37 \| Pavithra Vijayakrishnan \| build: Pin/);
  const byAuthor = sampleReport('en');
  byAuthor.window.dateField = 'author';
  const firstCommit = byAuthor.repositories[0]?.commits[0];
  assert.ok(firstCommit);
  firstCommit.author = { ...firstCommit.author, date: '2026-01-22T01:00:00Z' };
  assert.match(renderMarkdown(byAuthor), /\| 2026-01-22 09:00:00 \| Pavithra Vijayakrishnan \| ci: Add builds/);
});

test('the glance totals take authors and lines from repo.stats, and link each count to its section', () => {
  const report = sampleReport('en');
  const repo = report.repositories[0];
  assert.ok(repo);
  repo.stats = { commits: 5, high: 2, medium: 1, low: 2, authors: 17, additions: 1234, deletions: 567 };
  const markdown = renderMarkdown(report);
  assert.ok(markdown.includes('**5 commits by 17 authors, +1234 / −567 lines**: ' +
    '[🔴 High 2](#r1-high) · [🟡 Medium 1](#r1-medium) · [🟢 Low 2](#r1-low)\n'));
  assert.ok(markdown.includes('**1 commit by 1 author, +10 / −2 lines**: 🔴 High 0 · 🟡 Medium 0 · [🟢 Low 1](#r4-low)\n'),
    'a count of 0 has no section to link to');
});

test('a repository with an error shows the error line and nothing else', () => {
  const markdown = renderMarkdown(sampleReport('en'));
  const section = markdown.slice(markdown.indexOf('## acme/broken'), markdown.indexOf('## [acme/quiet]'));
  assert.equal(section, '## acme/broken\n\n> **❌ Error**: Unknown ref "origin/nope": fetch it, or pick an existing branch, tag or commit.\n\n');
});

test('warnings are blockquotes, one per warning', () => {
  const report = sampleReport('en');
  report.repositories[0]?.warnings.push('Second\nwarning <b>');
  const markdown = renderMarkdown(report);
  assert.match(markdown, /\n> ⚠️ Shallow clone: [^\n]+\n\n> ⚠️ Second warning \\<b\\>\n/);
});

test('an empty repository says there were no commits and lists no groups', () => {
  const markdown = renderMarkdown(sampleReport('en'));
  const section = markdown.slice(markdown.indexOf('## [acme/quiet]'), markdown.indexOf('## scripts'));
  assert.match(section, /No commits in this window\./);
  assert.doesNotMatch(section, /Contents|importance \(/);
});

test('the table and the headline link each commit to an explicit anchor before its heading', () => {
  const markdown = renderMarkdown(sampleReport('en'));
  const commit = sampleReport('en').repositories[0]?.commits[2];
  assert.ok(commit);
  const anchor = commitAnchor(commit);
  assert.equal(anchor, 'c-badc0ffee0');
  assert.equal(markdown.split(`](#${anchor})`).length - 1, 2, 'headline and table');
  assert.ok(markdown.includes(`<a id="${anchor}"></a>\n\n#### fix: a\\|b`));
  assert.ok(markdown.includes('<a id="r1-high"></a>\n\n### 🔴 High importance (2)'));
  assert.ok(markdown.includes('[🟢 Low 1](#r4-low)'), 'section anchors are numbered per repository');
  // The contents link each section of each repository with commits, and nothing else.
  const contents = markdown.slice(markdown.indexOf('## 📑 Contents'), markdown.indexOf('\n## ', markdown.indexOf('## 📑 Contents') + 1));
  assert.match(contents, /^- ai-dynamo\/dynamo: \[🔭 At a glance\]\(#r1-glance\) · \[📋 Commits\]\(#r1-commits\) · \[📊 Statistics\]\(#r1-stats\) · \[🔴 High importance \(2\)\]\(#r1-high\)/m);
  assert.doesNotMatch(contents, /acme\/broken/, 'a repository that failed has no sections to list');
  for (const [, id] of contents.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(markdown.includes(`<a id="${id}"></a>`), `contents link #${id} has its anchor`);
});

test('the same commit in two repositories gets two distinct anchors', () => {
  const report = sampleReport('en');
  const first = report.repositories[0];
  assert.ok(first);
  report.repositories.push({ ...first, name: 'mirror/dynamo' });
  const markdown = renderMarkdown(report);
  assert.deepEqual(findDanglingAnchorLinks(markdown), []);
  assert.ok(markdown.includes('<a id="c-4557b6df5e-2"></a>'));
});

test('high and medium commits use the full form, low commits the short form, with one field order; every commit says who analyzed it', () => {
  const markdown = renderMarkdown(sampleReport('en'));
  const blocks = markdown.split('\n---\n').filter((block) => block.includes('#### '))
    .map((block) => block.slice(block.indexOf('#### ')));
  const fieldOrder = (block: string): string[] =>
    Array.from(block.matchAll(/^(?:- )?\*\*([^*]+)\*\*/gm), (match) => match[1] ?? '');
  const full = ['SHA', '🎯 Change type', '⚡ Importance', '💥 Breaking change'];
  const sections = ['📋 Summary', '🎯 Impact scope', '🔍 Technical insights', '⚠️ Risks', '💡 Recommendations'];
  for (const block of blocks) {
    const order = fieldOrder(block).filter((label) => label !== 'Author' && label !== 'Time');
    if (/🟢 Low\n/.test(block)) {
      assert.deepEqual(order.filter((label) => label !== '📝 Notes'), ['SHA', '🎯 Change type', '⚡ Importance', '📋 Summary', '🧠 Analysis']);
    } else {
      assert.deepEqual(order.slice(0, 4), full);
      assert.ok(order.includes('🧠 Analysis'));
      assert.deepEqual(order.filter((label) => sections.includes(label)), sections);
      assert.ok(order.at(-1)?.startsWith('📁 Files'));
    }
  }
  assert.equal(blocks.length, 6);
});

test('model text is never shortened: long summaries, risks and subjects are kept whole', () => {
  const report = sampleReport('en');
  const longText = `${'Sentence about the planner change. '.repeat(60)}The end.`;
  const commit = report.repositories[0]?.commits[3];
  assert.ok(commit);
  commit.analysis.summary = longText;
  commit.analysis.risks = [longText];
  commit.subject = `feat: ${'x'.repeat(300)}`;
  const markdown = renderMarkdown(report);
  assert.ok(markdown.includes(longText.trim()));
  assert.equal(markdown.split(`feat: ${'x'.repeat(300)}`).length - 1, 2, 'table and heading');
});

test('file lists stop at the cap with a count of the rest; PR links only for known forges', () => {
  const markdown = renderMarkdown(sampleReport('en'));
  assert.match(markdown, /\*\*📁 Files \(53\)\*\*/);
  assert.ok(markdown.includes(`chart-${String(MAX_FILES_LISTED - 1).padStart(2, '0')}.yaml`));
  assert.ok(!markdown.includes(`chart-${MAX_FILES_LISTED}.yaml`));
  assert.match(markdown, /- …and 3 more\n/);
  assert.ok(markdown.includes('[\\#5545](https://github.com/ai-dynamo/dynamo/pull/5545)'));
  assert.ok(markdown.includes('**SHA**: `91ddf41` · '), 'no commit link without a URL');
});

test('a commit whose file list git cut short counts every file from filesTotal and says the list is partial', () => {
  const report = sampleReport('en');
  const commit = report.repositories[0]?.commits[0];
  assert.ok(commit);
  commit.filesTruncated = true;
  commit.filesTotal = { files: 5000, additions: 90000, deletions: 10 };
  const markdown = renderMarkdown(report);
  assert.match(markdown, /\*\*📁 Files \(5000\)\*\*/);
  assert.match(markdown, /- …and 4950 more\n/);
  assert.match(markdown, /- The file list was cut short while reading the commit\.\n/);
});

test('co-authors come from trailers, grounding drops and partial-diff caveats appear as notes', () => {
  const markdown = renderMarkdown(sampleReport('zh-CN'));
  assert.ok(markdown.includes('- **👥 共同作者**：Grace Hopper\n'));
  assert.ok(markdown.includes('- 已删除 1 句无法由差异佐证的模型内容：提到了提交之外的文件'));
  assert.ok(markdown.includes('- 基于部分差异（前 400 行）。'));
  assert.doesNotMatch(markdown, /grace@example\.com|Signed-off-by/);
});

test('the footer has the generation time in the window zone, and token usage only when reported', () => {
  const report = sampleReport('en');
  assert.match(renderMarkdown(report), /\n---\n\nGenerated at: 2026-01-23 09:02:03 \(Asia\/Shanghai\) · Token usage: 3100 prompt \+ 420 completion\n$/);
  delete report.usage;
  assert.match(renderMarkdown(report), /\nGenerated at: 2026-01-23 09:02:03 \(Asia\/Shanghai\)\n$/);
});

function hostileReport(language: Language): Report {
  const commit = makeCommit({
    sha: 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef',
    subject: HOSTILE.subject, author: HOSTILE.author, date: '2026-01-22T10:00:00+08:00',
    repoUrl: 'javascript:alert(1)//', prNumber: 7,
    files: [{ path: HOSTILE.path, status: 'A', additions: 1, deletions: 0, binary: false }],
    analysis: emptyAnalysis({ importance: 'medium', summary: HOSTILE.summary, risks: [HOSTILE.risk] }),
  });
  const report = sampleReport(language);
  report.repositories = [makeRepository({
    name: '[evil](javascript:alert(1)) | repo', path: '/x', ref: 'main`|', webUrl: 'javascript:alert(1)',
    warnings: [HOSTILE.summary], commits: [commit],
  })];
  return report;
}

test('hostile text keeps tables well formed and never becomes a link, HTML or a heading', () => {
  for (const language of LANGUAGES) {
    const markdown = renderMarkdown(hostileReport(language));
    assert.deepEqual(findStructuralProblems(markdown), []);
    const outsideCode = markdown.split('\n').filter((line) => !/^<a id="[a-z0-9-]+"><\/a>$/.test(line))
      .map(withoutCodeSpans).join('\n');
    assert.doesNotMatch(outsideCode, /(?<!\\)<(script|img|a |\/td|b>)/i, 'every < from hostile text is escaped');
    assert.doesNotMatch(markdown, /(?<!\\)\]\(javascript:/i, 'no javascript: link destination');
    assert.ok(markdown.includes('## \\[evil\\]\\(javascript:alert(1)) \\| repo\n'), 'unsafe web URL is not linked');
    const commitTable = markdown.slice(0, markdown.indexOf('### 📊'));
    const table = commitTable.split('\n').filter((line) => line.startsWith('| '));
    assert.equal(table.length, 3, 'header, delimiter and one row: the newline in the author did not split the row');
    assert.equal(splitTableRow(table[2] ?? '').length, 5);
  }
});

test('a year of commits renders: more blocks than a function call takes as arguments', () => {
  const commits = Array.from({ length: 30_000 }, (_, index) => makeCommit({
    sha: index.toString(16).padStart(40, '0'), subject: `fix: change ${index}`, date: '2026-01-22T10:00:00Z',
    analysis: emptyAnalysis({ importance: 'low', summary: `Change ${index}.` }),
  }));
  const report = sampleReport('en');
  report.repositories = [makeRepository({ name: 'busy', path: '/busy', ref: 'main', warnings: [], commits })];
  const markdown = renderMarkdown(report);
  assert.ok(markdown.includes('fix: change 29999'));
});
