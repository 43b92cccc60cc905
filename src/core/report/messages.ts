import type { Language } from '../i18n/language.js';

type Params = Record<string, string>;

const MESSAGES = {
  en: {
    shallow: (p: Params) =>
      `This is a shallow clone whose history ends at ${p.date}, inside the report window: older commits of the window may be missing. Run git fetch --unshallow for a complete report.`,
    rulesIgnored: (p: Params) => `Repository rules ignored: ${p.detail}`,
    diffCut: (p: Params) =>
      `The diff is too large to read whole: the checks that read it (workflows, manifests, defaults) saw only its first ${p.kb} KB.`,
  },
  'zh-CN': {
    shallow: (p: Params) =>
      `这是一个浅克隆，历史截止于 ${p.date}，位于报告时间窗口之内：窗口内更早的提交可能缺失。运行 git fetch --unshallow 可得到完整报告。`,
    rulesIgnored: (p: Params) => `已忽略仓库规则：${p.detail}`,
    diffCut: (p: Params) => `差异过大，未完整读取：读取差异的检查（工作流、清单文件、默认值）只看到了前 ${p.kb} KB。`,
  },
} satisfies Record<Language, Record<string, (p: Params) => string>>;

export type ReportMessageKey = keyof (typeof MESSAGES)['en'];

export function reportMessage(language: Language, key: ReportMessageKey, params: Params = {}): string {
  return MESSAGES[language][key](params);
}
