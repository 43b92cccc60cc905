import type { Language } from '../domain/language.js';
import type { Commit } from '../domain/commit.js';

type Params = Record<string, string>;

const MESSAGES = {
  en: {
    shallow: (p: Params) =>
      `This is a shallow clone whose history ends at ${p.date}, inside the report window: older commits of the window may be missing. Run git fetch --unshallow for a complete report.`,
    rulesIgnored: (p: Params) => `Repository rules ignored: ${p.detail}`,
    diffCut: (p: Params) =>
      `The diff is too large to read whole: the checks that read it (workflows, manifests, defaults) saw only its first ${p.kb} KB.`,
    unreadableCommits: (p: Params) =>
      `${p.count === '1' ? '1 commit' : `${p.count} commits`} could not be read completely (${p.list}): listed without files; the clone is partial or broken, run git fetch to fill it.`,
    more: (p: Params) => `and ${p.count} more`,
  },
  'zh-CN': {
    shallow: (p: Params) =>
      `这是一个浅克隆，历史截止于 ${p.date}，位于报告时间窗口之内：窗口内更早的提交可能缺失。运行 git fetch --unshallow 可得到完整报告。`,
    rulesIgnored: (p: Params) => `已忽略仓库规则：${p.detail}`,
    diffCut: (p: Params) => `差异过大，未完整读取：读取差异的检查（工作流、清单文件、默认值）只看到了前 ${p.kb} KB。`,
    unreadableCommits: (p: Params) =>
      `${p.count} 个提交未能完整读取（${p.list}）：已列出但没有文件；克隆不完整或已损坏，请运行 git fetch 补全。`,
    more: (p: Params) => `另有 ${p.count} 个`,
  },
} satisfies Record<Language, Record<string, (p: Params) => string>>;

export type ReportMessageKey = keyof (typeof MESSAGES)['en'];

export function reportMessage(language: Language, key: ReportMessageKey, params: Params = {}): string {
  return MESSAGES[language][key](params);
}

/** How many unreadable commits the repository warning names; the rest are counted. */
const UNREADABLE_LISTED = 3;

/**
 * The repository warning for commits read without their files (Commit.unreadable), or undefined when there are
 * none: one line naming the first few commits and the object git could not read.
 */
export function unreadableCommitsWarning(language: Language, commits: readonly Commit[]): string | undefined {
  const unreadable = commits.filter((commit) => commit.unreadable !== undefined);
  if (unreadable.length === 0) return undefined;
  const named = unreadable.slice(0, UNREADABLE_LISTED).map((commit) => `${commit.shortSha}: ${commit.unreadable ?? ''}`);
  if (unreadable.length > UNREADABLE_LISTED) {
    named.push(reportMessage(language, 'more', { count: String(unreadable.length - UNREADABLE_LISTED) }));
  }
  const list = named.join(language === 'zh-CN' ? '；' : '; ');
  return reportMessage(language, 'unreadableCommits', { count: String(unreadable.length), list });
}
