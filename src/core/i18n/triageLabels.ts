import type { Language } from '../domain/language.js';

/**
 * The words of the glance, the commit tables, the day sections and the folded groups, in one language. Functions
 * take numbers and already-escaped Markdown only.
 */
export interface TriageLabels {
  glance: string;
  /** `commits` is bold-free Markdown the caller makes bold; e.g. "5 commits by 4 authors, +400 / −81 lines". */
  totals: (commits: number, authors: number, additions: number, deletions: number) => string;
  breaking: string;
  nothingNotable: string;
  moreNotable: (count: number) => string;
  types: string;
  modules: string;
  moduleEntry: (module: string, commits: number, additions: number, deletions: number) => string;
  authors: string;
  authorEntry: (name: string, commits: number) => string;
  otherAuthors: (count: number) => string;
  lastCommit: (day: string) => string;
  commits: string;
  importance: string;
  /** A day section's heading: the day, its weekday (0 Sunday … 6 Saturday) and how many commits it has. */
  day: (day: string, weekday: number, commits: number) => string;
  allFolded: (count: number) => string;
  /** Under a table: how many more of its commits are in the groups below. */
  someFolded: (count: number) => string;
  groups: (count: number) => string;
  /** After an importance section's title: how many of its importance are in the folded groups instead. */
  foldedInSection: (count: number) => string;
  dependencyGroup: string;
  /** What a group holds: `count` commits of which `updates` are dependency updates. */
  groupSize: (count: number, updates: number) => string;
  /** The named dependencies, already Markdown, and how many more there are; starts with its own separator. */
  updateList: (names: string[], more: number) => string;
}

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const en: TriageLabels = {
  glance: '🔭 At a glance',
  totals: (commits, authors, additions, deletions) =>
    `${plural(commits, 'commit', 'commits')} by ${plural(authors, 'author', 'authors')}, +${additions} / −${deletions} lines`,
  breaking: '💥 Breaking',
  nothingNotable: 'Nothing of high importance, and no breaking change.',
  moreNotable: (count) => `…and ${count} more of high importance or breaking`,
  types: 'Types',
  modules: 'Busiest modules',
  moduleEntry: (module, commits, additions, deletions) =>
    `${module} (${plural(commits, 'commit', 'commits')}, +${additions} / −${deletions})`,
  authors: 'Authors',
  authorEntry: (name, commits) => `${name} (${commits})`,
  otherAuthors: (count) => `${plural(count, 'other', 'others')}`,
  lastCommit: (day) => `The last commit was on ${day}.`,
  commits: '📋 Commits',
  importance: 'Importance',
  day: (day, weekday, commits) => `📅 ${day}, ${WEEKDAYS_EN[weekday] ?? ''} (${commits})`,
  allFolded: (count) => (count === 1 ? 'Its one commit is folded below.' : `All ${count} commits are folded below.`),
  someFolded: (count) => (count === 1 ? '1 more is folded below.' : `${count} more are folded below.`),
  groups: (count) => `🤖 Bots and dependency updates (${count})`,
  foldedInSection: (count) => `— ${count} more folded above`,
  dependencyGroup: 'Dependency updates by contributors',
  groupSize: (count, updates) => {
    if (updates === count) return plural(count, 'dependency update', 'dependency updates');
    if (updates === 0) return plural(count, 'commit', 'commits');
    return `${plural(count, 'commit', 'commits')}, ${updates} of them dependency updates`;
  },
  updateList: (names, more) => (more > 0 ? ` (${names.join(', ')}, and ${more} more)` : ` (${names.join(', ')})`),
};

const zhCN: TriageLabels = {
  glance: '🔭 概览',
  totals: (commits, authors, additions, deletions) => `${commits} 个提交，${authors} 位作者，+${additions} / −${deletions} 行`,
  breaking: '💥 破坏性',
  nothingNotable: '没有高重要度变更，也没有破坏性变更。',
  moreNotable: (count) => `……另有 ${count} 个高重要度或破坏性变更`,
  types: '变更类型',
  modules: '最活跃的模块',
  moduleEntry: (module, commits, additions, deletions) => `${module}（${commits} 个提交，+${additions} / −${deletions}）`,
  authors: '作者',
  authorEntry: (name, commits) => `${name}（${commits}）`,
  otherAuthors: (count) => `另有 ${count} 位`,
  lastCommit: (day) => `最近一次提交在 ${day}。`,
  commits: '📋 提交列表',
  importance: '重要度',
  day: (day, weekday, commits) => `📅 ${day} ${WEEKDAYS_ZH[weekday] ?? ''}（${commits} 个提交）`,
  allFolded: (count) => `这 ${count} 个提交都已折叠在下方。`,
  someFolded: (count) => `另有 ${count} 个提交折叠在下方。`,
  groups: (count) => `🤖 机器人与依赖更新 (${count})`,
  foldedInSection: (count) => `— 另有 ${count} 个折叠在上方`,
  dependencyGroup: '贡献者的依赖更新',
  groupSize: (count, updates) => {
    if (updates === count) return `${count} 个依赖更新`;
    if (updates === 0) return `${count} 个提交`;
    return `${count} 个提交，其中 ${updates} 个为依赖更新`;
  },
  updateList: (names, more) => (more > 0 ? `（${names.join('、')}，另有 ${more} 个）` : `（${names.join('、')}）`),
};

const LABELS: Record<Language, TriageLabels> = { en, 'zh-CN': zhCN };

export function triageLabels(language: Language): TriageLabels {
  return LABELS[language];
}
