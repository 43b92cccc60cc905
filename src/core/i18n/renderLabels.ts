import type { AnalyzerId, ChangeType, Importance } from '../domain/analysis.js';
import type { FileStatus } from '../domain/commit.js';
import type { DateField } from '../domain/report.js';
import type { Language } from '../domain/language.js';
import { CHANGE_TYPE_LABELS, IMPORTANCE_LABELS } from './labels.js';

/** Every fixed word a rendered report uses, in one language. Functions only take numbers and already-escaped text. */
export interface ReportLabels {
  title: (windowLabel: string, isRange: boolean) => string;
  window: (start: string, end: string, timeZone: string, dateField: string) => string;
  dateField: Record<DateField, string>;
  changeType: Record<ChangeType, string>;
  /** With the colour emoji, e.g. "🔴 High". */
  importance: Record<Importance, string>;
  importanceGroup: (importance: Importance, count: number) => string;
  fileStatus: Record<FileStatus, string>;
  analyzer: Record<AnalyzerId, string>;
  /** A commit that kept the offline analysis although a model was asked; `cause` is already Markdown. */
  offlineInstead: (cause: string) => string;
  ref: string;
  error: string;
  noCommits: string;
  noSubject: string;
  table: { time: string; author: string; message: string; sha: string };
  statistics: string;
  commits: string;
  authors: string;
  lines: string;
  contents: string;
  sha: string;
  author: string;
  time: string;
  changeTypeField: string;
  /** A change type with its Conventional Commits scope; `scope` is already Markdown. */
  withScope: (changeType: string, scope: string) => string;
  importanceField: string;
  score: string;
  reasons: string;
  breaking: string;
  yes: string;
  no: string;
  coAuthors: string;
  pullRequest: string;
  analysis: string;
  summary: string;
  impactScope: string;
  moduleImpact: (files: number) => string;
  insights: string;
  architecture: string;
  performance: string;
  security: string;
  risks: string;
  recommendations: string;
  notes: string;
  /** The day's headline by the language model. */
  headline: string;
  groundingDropped: (count: number) => string;
  filesTruncatedByGit: string;
  /** A commit whose file list could not be read; `detail` (git's reason) and `fix` (a command) are already Markdown. */
  unreadable: (detail: string, fix: string) => string;
  files: (count: number) => string;
  moreFiles: (count: number) => string;
  binary: string;
  none: string;
  generatedAt: string;
  tokenUsage: (prompt: number, completion: number) => string;
  /** Separator between a label and its value. */
  colon: string;
  /** Separator between items written on one line. */
  listSeparator: string;
}

const en: ReportLabels = {
  title: (label, isRange) => (isRange ? `Daily Digest — ${label.replace('..', ' to ')}` : `Daily Digest — ${label}`),
  window: (start, end, zone, field) => `Window: ${start} to ${end} (${zone}), by ${field}.`,
  dateField: { committer: 'committer date', author: 'author date' },
  changeType: CHANGE_TYPE_LABELS.en,
  importance: IMPORTANCE_LABELS.en,
  importanceGroup: (importance, count) => `${en.importance[importance]} importance (${count})`,
  fileStatus: { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type changed' },
  analyzer: { heuristic: 'offline rules', 'openai-compatible': 'language model', 'vscode-lm': 'editor language model' },
  offlineInstead: (cause) => `offline rules, instead of the language model (${cause})`,
  ref: 'Ref',
  error: '❌ Error',
  noCommits: 'No commits in this window.',
  noSubject: '(no subject)',
  table: { time: 'Time', author: 'Author', message: 'Message', sha: 'SHA' },
  statistics: '📊 Statistics',
  commits: 'Commits',
  authors: 'Authors',
  lines: 'Lines',
  contents: '📋 Contents',
  sha: 'SHA',
  author: 'Author',
  time: 'Time',
  changeTypeField: '🎯 Change type',
  withScope: (changeType, scope) => `${changeType} (scope: ${scope})`,
  importanceField: '⚡ Importance',
  score: 'score',
  reasons: 'Reasons',
  breaking: '💥 Breaking change',
  yes: 'Yes',
  no: 'No',
  coAuthors: '👥 Co-authors',
  pullRequest: '🔗 Pull request',
  analysis: '🧠 Analysis',
  summary: '📋 Summary',
  impactScope: '🎯 Impact scope',
  moduleImpact: (files) => (files === 1 ? '1 file' : `${files} files`),
  insights: '🔍 Technical insights',
  architecture: 'Architecture',
  performance: 'Performance',
  security: 'Security',
  risks: '⚠️ Risks',
  recommendations: '💡 Recommendations',
  notes: '📝 Notes',
  headline: '🧭 Headline',
  groundingDropped: (count) =>
    count === 1 ? '1 model sentence was removed because it was not supported by the diff' :
      `${count} model sentences were removed because they were not supported by the diff`,
  filesTruncatedByGit: 'The file list was cut short while reading the commit.',
  unreadable: (detail, fix) =>
    `⚠️ The files of this commit could not be read (${detail}): the clone is partial or broken; run ${fix} to fill it.`,
  files: (count) => `📁 Files (${count})`,
  moreFiles: (count) => `…and ${count} more`,
  binary: 'binary',
  none: 'None',
  generatedAt: 'Generated at',
  tokenUsage: (prompt, completion) => `Token usage: ${prompt} prompt + ${completion} completion`,
  colon: ': ',
  listSeparator: ' · ',
};

const zhCN: ReportLabels = {
  title: (label, isRange) => (isRange ? `每日更新报告（${label.replace('..', ' 至 ')}）` : `每日更新报告（${label}）`),
  window: (start, end, zone, field) => `时间窗口：${start} 至 ${end}（${zone}），按${field}统计。`,
  dateField: { committer: '提交日期', author: '作者日期' },
  changeType: CHANGE_TYPE_LABELS['zh-CN'],
  importance: IMPORTANCE_LABELS['zh-CN'],
  importanceGroup: (importance, count) => `${zhCN.importance[importance]}重要度变更 (${count})`,
  fileStatus: { A: '新增', M: '修改', D: '删除', R: '重命名', C: '复制', T: '类型变更' },
  analyzer: { heuristic: '离线规则', 'openai-compatible': '语言模型', 'vscode-lm': '编辑器语言模型' },
  offlineInstead: (cause) => `离线规则，代替语言模型（${cause}）`,
  ref: '引用',
  error: '❌ 错误',
  noCommits: '该时间窗口内没有提交。',
  noSubject: '（无提交信息）',
  table: { time: '提交时间', author: '作者', message: '提交信息', sha: 'SHA' },
  statistics: '📊 统计摘要',
  commits: '提交数',
  authors: '作者数',
  lines: '代码行',
  contents: '📋 目录',
  sha: 'SHA',
  author: '作者',
  time: '时间',
  changeTypeField: '🎯 变更类型',
  withScope: (changeType, scope) => `${changeType}（范围：${scope}）`,
  importanceField: '⚡ 重要程度',
  score: '评分',
  reasons: '依据',
  breaking: '💥 破坏性变更',
  yes: '是',
  no: '否',
  coAuthors: '👥 共同作者',
  pullRequest: '🔗 合并请求',
  analysis: '🧠 分析方式',
  summary: '📋 变更摘要',
  impactScope: '🎯 影响范围',
  moduleImpact: (files) => `${files} 个文件`,
  insights: '🔍 技术洞察',
  architecture: '架构影响',
  performance: '性能影响',
  security: '安全考虑',
  risks: '⚠️ 潜在风险',
  recommendations: '💡 关注建议',
  notes: '📝 说明',
  headline: '🧭 今日要点',
  groundingDropped: (count) => `已删除 ${count} 句无法由差异佐证的模型内容`,
  filesTruncatedByGit: '读取提交时文件列表被截断。',
  unreadable: (detail, fix) => `⚠️ 无法读取此提交的文件（${detail}）：克隆不完整或已损坏，请运行 ${fix} 补全。`,
  files: (count) => `📁 文件 (${count})`,
  moreFiles: (count) => `……以及另外 ${count} 个文件`,
  binary: '二进制',
  none: '无',
  generatedAt: '生成时间',
  tokenUsage: (prompt, completion) => `令牌用量：提示 ${prompt}，生成 ${completion}`,
  colon: '：',
  listSeparator: ' · ',
};

const LABELS: Record<Language, ReportLabels> = { en, 'zh-CN': zhCN };

export function renderLabels(language: Language): ReportLabels {
  return LABELS[language];
}
