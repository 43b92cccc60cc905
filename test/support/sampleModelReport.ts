import type { Language } from '../../src/core/domain/language.js';
import type { Report } from '../../src/core/domain/report.js';
import { emptyAnalysis, makeCommit, makeRepository } from './sampleReport.js';

/**
 * A day analyzed by a language model: two commits it analyzed (one high, one low), two it could not (HTTP 500 and a
 * timeout), and the run's tally in `modelRun`.
 */
export function sampleModelReport(language: Language): Report {
  const t = (en: string, zh: string): string => (language === 'en' ? en : zh);
  const repoUrl = 'https://github.com/ai-dynamo/nixl';
  const model = 'qwen2.5-coder:7b';
  const file = (path: string, additions: number, deletions: number) => ({ path, status: 'M' as const, additions, deletions, binary: false });
  const nixl = makeRepository({
    name: 'ai-dynamo/nixl', path: '/src/nixl', ref: 'main', webUrl: repoUrl, warnings: [],
    commits: [
      makeCommit({
        sha: '7a1c0d2e3f405162738495a6b7c8d9e0f1a2b3c4', subject: 'feat: export transfer metrics to Prometheus (#612)',
        author: 'Ada Lovelace', date: '2026-01-22T16:20:00+08:00', prNumber: 612, repoUrl,
        files: [file('src/telemetry/prometheus_exporter.cpp', 180, 24), file('README.md', 90, 9)],
        analysis: emptyAnalysis({
          analyzer: 'openai-compatible', model, changeType: 'feature', importance: 'high', score: 7,
          reasons: [t('Adds a metrics endpoint that operators scrape.', '新增一个供运维抓取的指标端点。')],
          summary: t('Exports transfer counters and latencies through `PrometheusExporter`.', '通过 `PrometheusExporter` 导出传输计数和延迟。'),
          scope: [{ module: 'src', files: 1, additions: 180, deletions: 24 }, { module: 'README.md', files: 1, additions: 90, deletions: 9 }],
          insights: {
            architecture: [t('The exporter runs on its own thread.', '导出器运行在独立线程上。')],
            performance: [], security: [t('The endpoint has no authentication.', '该端点没有认证。')],
          },
          risks: [t('A busy agent may block on the metrics lock.', '繁忙的代理可能在指标锁上阻塞。')],
          recommendations: [t('Bind the endpoint to localhost by default.', '默认将端点绑定到 localhost。')],
          usage: { promptTokens: 2400, completionTokens: 310 },
        }),
      }),
      makeCommit({
        sha: '8b2d1e3f4a5061728394a5b6c7d8e9f0a1b2c3d5', subject: 'chore: rename a log field',
        author: 'Grace Hopper', email: 'grace@example.com', date: '2026-01-22T14:05:00+08:00', repoUrl,
        files: [file('src/agent/log.cpp', 3, 3)],
        analysis: emptyAnalysis({
          analyzer: 'openai-compatible', model, changeType: 'chore', importance: 'low', score: 1,
          reasons: [t('Only a log field name changes.', '只改了一个日志字段名。')],
          summary: t('Renames the `xfer_id` log field to `transfer_id`.', '将日志字段 `xfer_id` 改名为 `transfer_id`。'),
          scope: [{ module: 'src', files: 1, additions: 3, deletions: 3 }],
          insights: { architecture: [], performance: [], security: [] },
          risks: [t('Dashboards that filter on `xfer_id` stop matching.', '按 `xfer_id` 过滤的看板将不再匹配。')],
          recommendations: [t('Update the log queries in the runbook.', '更新运行手册中的日志查询。')],
          notes: [t('The language model answered in Simplified Chinese although the report is in English, even when asked again; its answer is kept.',
            '报告语言为简体中文，但再次要求后语言模型仍用英文作答；仍保留其回答。')],
        }),
      }),
      makeCommit({
        sha: '9c3e2f4a5b6071829304a5b6c7d8e9f0a1b2c3d6', subject: 'fix(ucx): retry a failed rkey unpack',
        author: 'Ada Lovelace', date: '2026-01-22T11:40:00+08:00', repoUrl,
        files: [file('src/plugins/ucx/ucx_backend.cpp', 14, 2)],
        analysis: emptyAnalysis({
          changeType: 'fix', conventionalScope: 'ucx', importance: 'medium', score: 4,
          reasons: [t('Conventional Commits type fix.', 'Conventional Commits 类型为 fix。')],
          summary: t('retry a failed rkey unpack', 'retry a failed rkey unpack'),
          scope: [{ module: 'src', files: 1, additions: 14, deletions: 2 }],
          notes: [t('The language model failed: model endpoint http://127.0.0.1:8000/v1 still answered HTTP 500 after 3 retries (boom): check the server\'s log, or try again later. The offline analysis is kept.',
            '语言模型调用失败：模型端点 http://127.0.0.1:8000/v1 重试 3 次后仍返回 HTTP 500（boom）：请查看服务器日志，或稍后再试。 保留离线分析结果。')],
          fallback: { cause: 'http', status: 500 },
        }),
      }),
      makeCommit({
        sha: 'ad4f3a5b6c7081920314a5b6c7d8e9f0a1b2c3d7', subject: 'docs: fix a typo',
        author: 'Grace Hopper', email: 'grace@example.com', date: '2026-01-22T09:15:00+08:00', repoUrl,
        files: [file('docs/setup.md', 1, 1)],
        analysis: emptyAnalysis({
          changeType: 'docs', importance: 'low', score: 0, summary: t('fix a typo', 'fix a typo'),
          notes: [t('The language model failed: model endpoint http://127.0.0.1:8000/v1 did not answer within 30 s (2 tries): raise the timeout, or use a smaller model. The offline analysis is kept.',
            '语言模型调用失败：模型端点 http://127.0.0.1:8000/v1 在 30 秒内没有应答（共尝试 2 次）：请调大超时，或换用更小的模型。 保留离线分析结果。')],
          fallback: { cause: 'timeout' },
        }),
      }),
    ],
  });
  return {
    schemaVersion: 1,
    generatedAt: '2026-01-23T01:02:03.000Z',
    window: {
      start: '2026-01-22T00:00:00.000+08:00', end: '2026-01-23T00:00:00.000+08:00', timeZone: 'Asia/Shanghai',
      dateField: 'committer', label: '2026-01-22',
    },
    language,
    modelRun: {
      analyzer: 'openai-compatible', model, commits: 4, analyzed: 2, cached: 1, offline: 2,
      causes: [{ cause: 'http', status: 500, commits: 1 }, { cause: 'timeout', commits: 1 }],
    },
    repositories: [nixl],
    usage: { promptTokens: 2400, completionTokens: 310 },
  };
}
