// The report view's own words (toolbar, filters, table, calendar, facts), one row per language. The words the
// rendered report shares with the Markdown and HTML reports (importance, change types, section titles) come from
// the core's tables. The page is always in one language: the report's, or the one the host just switched to.
import type { Language } from '../src/core/domain/language.js';
import { FACT_WHAT_WORDS } from '../src/shared/factWords.js';
import type { FactWhat } from '../src/shared/factLinks.js';

export interface WebviewWords {
  refresh: string;
  export: string;
  copyMarkdown: string;
  loading: string;
  noReport: string;
  generateToday: string;
  previousDay: string;
  nextDay: string;
  commits: (count: number) => string;
  high: (count: number) => string;
  unread: (count: number) => string;
  /** The unread badge's tooltip: per importance. */
  unreadTitle: (high: number, medium: number, low: number) => string;
  activity: string;
  /** A calendar day's tooltip. */
  dayTitle: (day: string, commits: number) => string;
  noCommitsOn: (day: string) => string;
  lastActive: (day: string) => string;
  openDay: (day: string) => string;
  filters: string;
  importance: string;
  type: string;
  author: string;
  module: string;
  authorsOnly: string;
  authorsExcept: string;
  unreviewedOnly: string;
  clearFilters: string;
  /** A picker with nothing chosen (no filter), with several values chosen, and its search field. */
  all: string;
  selectedCount: (count: number) => string;
  search: string;
  shown: (shown: number, total: number) => string;
  noMatch: string;
  /** The heading of a repository's commit details, and its Contents link. */
  details: string;
  order: string;
  importanceFirst: string;
  newestFirst: string;
  reviewed: string;
  markReviewed: string;
  markUnreviewed: string;
  markGroupReviewed: string;
  openGroup: string;
  diff: string;
  openDiff: string;
  openRemote: string;
  facts: string;
  openFact: (path: string, line: number | undefined) => string;
  moreFacts: (count: number) => string;
  factWhat: Record<FactWhat, string>;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const en: WebviewWords = {
  refresh: 'Refresh',
  export: 'Export…',
  copyMarkdown: 'Copy Markdown',
  loading: 'Generating the report…',
  noReport: 'No report yet.',
  generateToday: 'Generate Report for Today',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  commits: (count) => plural(count, 'commit', 'commits'),
  high: (count) => `${count} high`,
  unread: (count) => `${count} unread`,
  unreadTitle: (high, medium, low) => `Not reviewed yet: ${high} high, ${medium} medium, ${low} low`,
  activity: 'Commits per day, last 8 weeks',
  dayTitle: (day, commits) => `${day}: ${plural(commits, 'commit', 'commits')}`,
  noCommitsOn: (day) => `No commits on ${day}.`,
  lastActive: (day) => `The last commit was on ${day}.`,
  openDay: (day) => `Open ${day}`,
  filters: 'Filters',
  importance: 'Importance',
  type: 'Type',
  author: 'Author',
  module: 'Module',
  authorsOnly: 'Only these',
  authorsExcept: 'All but these',
  unreviewedOnly: 'Unreviewed only',
  clearFilters: 'Clear filters',
  all: 'All',
  selectedCount: (count) => `${count} selected`,
  search: 'Search',
  shown: (shown, total) => `Showing ${shown} of ${total}`,
  noMatch: 'No commit matches the filters.',
  details: '📝 Commit details',
  order: 'Order',
  importanceFirst: 'Importance first',
  newestFirst: 'Newest first',
  reviewed: 'Reviewed',
  markReviewed: 'Mark reviewed',
  markUnreviewed: 'Mark not reviewed',
  markGroupReviewed: 'Mark all reviewed',
  openGroup: 'Show the commits of this group',
  diff: 'diff',
  openDiff: 'Open the diff',
  openRemote: 'Open on remote',
  facts: 'In the code',
  openFact: (path, line) => (line === undefined ? `Open the diff of ${path}` : `Open the diff of ${path} at line ${line}`),
  moreFacts: (count) => `…and ${count} more`,
  factWhat: FACT_WHAT_WORDS.en,
};

const zhCN: WebviewWords = {
  refresh: '刷新',
  export: '导出…',
  copyMarkdown: '复制 Markdown',
  loading: '正在生成报告…',
  noReport: '还没有报告。',
  generateToday: '生成今日报告',
  previousDay: '前一天',
  nextDay: '后一天',
  commits: (count) => `${count} 个提交`,
  high: (count) => `${count} 个高重要度`,
  unread: (count) => `${count} 个未读`,
  unreadTitle: (high, medium, low) => `尚未审阅：高 ${high} 个，中 ${medium} 个，低 ${low} 个`,
  activity: '近 8 周每天的提交',
  dayTitle: (day, commits) => `${day}：${commits} 个提交`,
  noCommitsOn: (day) => `${day} 没有提交。`,
  lastActive: (day) => `最近一次提交在 ${day}。`,
  openDay: (day) => `打开 ${day}`,
  filters: '筛选',
  importance: '重要度',
  type: '变更类型',
  author: '作者',
  module: '模块',
  authorsOnly: '只看这些作者',
  authorsExcept: '排除这些作者',
  unreviewedOnly: '只看未审阅',
  clearFilters: '清除筛选',
  all: '全部',
  selectedCount: (count) => `已选 ${count} 项`,
  search: '搜索',
  shown: (shown, total) => `显示 ${shown} / ${total}`,
  noMatch: '没有符合筛选条件的提交。',
  details: '📝 提交详情',
  order: '排序',
  importanceFirst: '重要度优先',
  newestFirst: '最新优先',
  reviewed: '已审阅',
  markReviewed: '标记为已审阅',
  markUnreviewed: '标记为未审阅',
  markGroupReviewed: '全部标记为已审阅',
  openGroup: '展开这一组提交',
  diff: '差异',
  openDiff: '打开差异',
  openRemote: '在远程仓库中打开',
  facts: '代码中的变化',
  openFact: (path, line) => (line === undefined ? `打开 ${path} 的差异` : `打开 ${path} 的差异，定位到第 ${line} 行`),
  moreFacts: (count) => `……另有 ${count} 项`,
  factWhat: FACT_WHAT_WORDS['zh-CN'],
};

const WORDS: Record<Language, WebviewWords> = { en, 'zh-CN': zhCN };

export function webviewWords(language: Language): WebviewWords {
  return WORDS[language];
}
