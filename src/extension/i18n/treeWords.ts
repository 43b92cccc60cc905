// The words of the Commits view, its badge, the status bar and the new-commit notice, one row per language. They
// follow the shown report's language (dailyDigest.language), not only VS Code's display language, so that a
// language switch relabels everything with the report. Pure (no vscode): the unit tests read the same table.
import type { Importance } from '../../core/domain/analysis.js';
import type { Language } from '../../core/domain/language.js';
import { IMPORTANCE_LABELS } from '../../core/i18n/labels.js';
import { FACT_WHAT_WORDS } from '../../shared/factWords.js';
import type { FactWhat } from '../../shared/factLinks.js';

export interface TreeWords {
  /** An importance group: "🔴 High (6)". */
  group(importance: Importance, count: number): string;
  /** Beside a group, a day or a folded group: how many of its commits are not reviewed yet. */
  unread(count: number): string;
  allReviewed: string;
  /** Description of a repository node: "14 commits · 6 high". */
  repoSummary(commits: number, high: number): string;
  noSubject: string;
  binary: string;
  /** Appended to the description of a commit whose files could not be read (missing objects). */
  filesUnreadable: string;
  reviewed: string;
  glance: string;
  /** "12 commits by 4 authors, +400 / −81 lines". */
  totals(commits: number, authors: number, additions: number, deletions: number): string;
  /** "🔴 2 high · 🟡 3 medium · 🟢 7 low". */
  counts(high: number, medium: number, low: number): string;
  breaking(count: number): string;
  nothingNotable: string;
  moreNotable(count: number): string;
  types: string;
  modules: string;
  authors: string;
  otherAuthors(count: number): string;
  /** A glance line: its title, then its entries. */
  listLine(title: string, entries: string[], more: boolean): string;
  /** A folded group of a bot: "renovate[bot]: 35 dependency updates". */
  botGroup(author: string, size: string): string;
  depsGroup(size: string): string;
  /** What a folded group holds: `count` commits, `updates` of them dependency updates. */
  groupSize(count: number, updates: number): string;
  /** The dependencies a group names, with its own leading separator: " (jiff 0.2.34, syn 3.0.0, …)". */
  updateList(names: string[], more: number): string;
  /** A day of a range: "2026-08-21, Friday (12)". */
  day(day: string, weekday: number, commits: number): string;
  noCommitsOn(label: string): string;
  lastCommitOn(day: string): string;
  /** An empty day's message, naming the last day with commits. */
  emptyDay(label: string, lastDay: string): string;
  openLastActiveDay(day: string): string;
  /** The more facts a commit has than the tree lists. */
  moreFacts(count: number): string;
  factWhat: Record<FactWhat, string>;
  /** The view's badge tooltip. */
  badge(unread: number): string;
  /** The status bar item and its tooltip. */
  statusText(commits: number, high: number): string;
  statusTooltip(label: string): string;
  /** The notice after a refresh brought new high-importance commits; `subject` is the newest one's. */
  newHighCommits(count: number, subject: string): string;
  show: string;
}

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const en: TreeWords = {
  group: (importance, count) => `${IMPORTANCE_LABELS.en[importance]} (${count})`,
  unread: (count) => `${count} unread`,
  allReviewed: '✓ all reviewed',
  repoSummary: (commits, high) => `${plural(commits, 'commit', 'commits')} · ${high} high`,
  noSubject: '(no subject)',
  binary: 'binary',
  filesUnreadable: 'files unreadable',
  reviewed: '✓ reviewed',
  glance: 'At a glance',
  totals: (commits, authors, additions, deletions) =>
    `${plural(commits, 'commit', 'commits')} by ${plural(authors, 'author', 'authors')}, +${additions} / −${deletions} lines`,
  counts: (high, medium, low) => `🔴 ${high} high · 🟡 ${medium} medium · 🟢 ${low} low`,
  breaking: (count) => `💥 ${count} breaking`,
  nothingNotable: 'Nothing of high importance, and no breaking change.',
  moreNotable: (count) => `…and ${count} more of high importance or breaking`,
  types: 'Types',
  modules: 'Busiest modules',
  authors: 'Authors',
  otherAuthors: (count) => plural(count, 'other', 'others'),
  listLine: (title, entries, more) => `${title}: ${entries.join(', ')}${more ? ', …' : ''}`,
  botGroup: (author, size) => `${author}: ${size}`,
  depsGroup: (size) => `Dependency updates by contributors: ${size}`,
  groupSize: (count, updates) => {
    if (updates === count) return plural(count, 'dependency update', 'dependency updates');
    if (updates === 0) return plural(count, 'commit', 'commits');
    return `${plural(count, 'commit', 'commits')}, ${updates} of them dependency updates`;
  },
  updateList: (names, more) => (names.length === 0 ? '' : ` (${names.join(', ')}${more > 0 ? ', …' : ''})`),
  day: (day, weekday, commits) => `${day}, ${WEEKDAYS_EN[weekday] ?? ''} (${commits})`,
  noCommitsOn: (label) => `No commits on ${label}.`,
  lastCommitOn: (day) => `The last commit was on ${day}.`,
  emptyDay: (label, lastDay) => `No commits on ${label}. The last commit was on ${lastDay}.`,
  openLastActiveDay: (day) => `Open ${day}, the last day with commits`,
  moreFacts: (count) => `…and ${count} more`,
  factWhat: FACT_WHAT_WORDS.en,
  badge: (unread) => `${plural(unread, 'commit', 'commits')} not reviewed yet`,
  statusText: (commits, high) => `Digest: ${plural(commits, 'commit', 'commits')} · ${high} high`,
  statusTooltip: (label) => `Daily Digest for ${label}: open the report`,
  newHighCommits: (count, subject) => (count === 1
    ? `A new high-importance commit: ${subject}`
    : `${count} new high-importance commits, the newest: ${subject}`),
  show: 'Show',
};

const zhCN: TreeWords = {
  group: (importance, count) => `${IMPORTANCE_LABELS['zh-CN'][importance]} (${count})`,
  unread: (count) => `${count} 个未读`,
  allReviewed: '✓ 已全部审阅',
  repoSummary: (commits, high) => `${commits} 个提交 · ${high} 个高重要度`,
  noSubject: '（无标题）',
  binary: '二进制',
  filesUnreadable: '文件无法读取',
  reviewed: '✓ 已审阅',
  glance: '概览',
  totals: (commits, authors, additions, deletions) => `${commits} 个提交，${authors} 位作者，+${additions} / −${deletions} 行`,
  counts: (high, medium, low) => `🔴 高 ${high} 个 · 🟡 中 ${medium} 个 · 🟢 低 ${low} 个`,
  breaking: (count) => `💥 ${count} 个破坏性变更`,
  nothingNotable: '没有高重要度变更，也没有破坏性变更。',
  moreNotable: (count) => `……另有 ${count} 个高重要度或破坏性变更`,
  types: '变更类型',
  modules: '最活跃的模块',
  authors: '作者',
  otherAuthors: (count) => `另有 ${count} 位`,
  listLine: (title, entries, more) => `${title}：${entries.join('，')}${more ? '……' : ''}`,
  botGroup: (author, size) => `${author}：${size}`,
  depsGroup: (size) => `贡献者的依赖更新：${size}`,
  groupSize: (count, updates) => {
    if (updates === count) return `${count} 个依赖更新`;
    if (updates === 0) return `${count} 个提交`;
    return `${count} 个提交，其中 ${updates} 个为依赖更新`;
  },
  updateList: (names, more) => (names.length === 0 ? '' : `（${names.join('、')}${more > 0 ? '……' : ''}）`),
  day: (day, weekday, commits) => `${day} ${WEEKDAYS_ZH[weekday] ?? ''}（${commits} 个提交）`,
  noCommitsOn: (label) => `${label} 没有提交。`,
  lastCommitOn: (day) => `最近一次提交在 ${day}。`,
  emptyDay: (label, lastDay) => `${label} 没有提交。最近一次提交在 ${lastDay}。`,
  openLastActiveDay: (day) => `打开 ${day}（最近有提交的一天）`,
  moreFacts: (count) => `……另有 ${count} 项`,
  factWhat: FACT_WHAT_WORDS['zh-CN'],
  badge: (unread) => `${unread} 个提交尚未审阅`,
  statusText: (commits, high) => `摘要：${commits} 个提交 · ${high} 个高重要度`,
  statusTooltip: (label) => `${label} 的每日摘要：打开报告`,
  newHighCommits: (count, subject) => (count === 1 ? `新的高重要度提交：${subject}` : `${count} 个新的高重要度提交，最新的是：${subject}`),
  show: '查看',
};

const WORDS: Record<Language, TreeWords> = { en, 'zh-CN': zhCN };

export function treeWords(language: Language): TreeWords {
  return WORDS[language];
}
