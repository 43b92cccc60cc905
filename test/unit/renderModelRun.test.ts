import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../src/core/domain/language.js';
import { renderHtml, renderJson, renderMarkdown, reportSchema } from '../../src/core/render/index.js';
import { findStructuralProblems } from '../support/markdownChecks.js';
import { sampleModelReport } from '../support/sampleModelReport.js';

const LANGUAGES: Language[] = ['en', 'zh-CN'];

for (const language of LANGUAGES) {
  test(`a model-analyzed ${language} day matches its golden file (UPDATE_GOLDEN=1 rewrites it)`, () => {
    const markdown = renderMarkdown(sampleModelReport(language));
    const golden = join(__dirname, '..', 'golden', `report.model.${language}.md`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, markdown);
    assert.equal(markdown, readFileSync(golden, 'utf8'));
    assert.deepEqual(findStructuralProblems(markdown), []);
  });
}

test('the header says what the model did; every commit says who analyzed it, in md and html', () => {
  const markdown = renderMarkdown(sampleModelReport('en'));
  const header = '**🧠 Analysis**: language model `qwen2.5-coder:7b` — 2 analyzed (1 from the cache), 2 offline (HTTP 500 ×1, timeout ×1)';
  assert.ok(markdown.includes(`\n\n${header}\n\n`), markdown.slice(0, 400));
  const html = renderHtml(sampleModelReport('en'));
  assert.match(html, /<strong>🧠 Analysis<\/strong>: language model <code>qwen2\.5-coder:7b<\/code> — 2 analyzed \(1 from the cache\), 2 offline \(HTTP 500 ×1, timeout ×1\)/);
  const zh = renderMarkdown(sampleModelReport('zh-CN'));
  assert.ok(zh.includes('**🧠 分析方式**：语言模型 `qwen2.5-coder:7b` — 模型分析 2 个（1 个来自缓存），离线 2 个（HTTP 500 ×1，超时 ×1）'));

  const analyzerLines = markdown.split('\n').filter((line) => line.startsWith('- **🧠 Analysis**'));
  assert.deepEqual(analyzerLines, [
    '- **🧠 Analysis**: language model `qwen2.5-coder:7b`',
    '- **🧠 Analysis**: offline rules, instead of the language model (HTTP 500)',
    '- **🧠 Analysis**: language model `qwen2.5-coder:7b`',
    '- **🧠 Analysis**: offline rules, instead of the language model (timeout)',
  ]);
});

test('a low-importance commit analyzed by the model keeps all the model wrote, in md, html and json', () => {
  const report = sampleModelReport('en');
  const markdown = renderMarkdown(report);
  const low = markdown.slice(markdown.indexOf('#### chore: rename a log field'), markdown.indexOf('#### docs: fix a typo'));
  for (const expected of [
    '  - Only a log field name changes.', '**⚠️ Risks**', '1. Dashboards that filter on `xfer_id` stop matching.',
    '**💡 Recommendations**', '- Update the log queries in the runbook.', '- **🧠 Analysis**: language model `qwen2.5-coder:7b`',
    'even when asked again; its answer is kept.',
  ]) assert.ok(low.includes(expected), `missing ${expected} in\n${low}`);
  assert.ok(!low.includes('**🔍 Technical insights**'), 'an empty list is not shown in the short form');
  const html = renderHtml(report);
  assert.match(html, /Dashboards that filter on <code>xfer_id<\/code> stop matching\./, 'a code span in the model\'s prose shows as code');
  assert.match(html, /Update the log queries in the runbook\./);
  const json = JSON.parse(renderJson(report)) as { modelRun: unknown; repositories: { commits: { analysis: { fallback?: unknown; risks: string[] } }[] }[] };
  assert.equal(reportSchema.safeParse(json).success, true);
  assert.deepEqual(json.modelRun, report.modelRun);
  assert.deepEqual(json.repositories[0]!.commits.map((commit) => commit.analysis.fallback), [undefined, undefined, { cause: 'http', status: 500 }, { cause: 'timeout' }]);
  assert.deepEqual(json.repositories[0]!.commits[1]!.analysis.risks, ['Dashboards that filter on `xfer_id` stop matching.']);
});
