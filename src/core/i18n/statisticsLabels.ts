import type { Language } from '../domain/language.js';

/** The words of a report's Statistics and Contents sections. Functions take numbers and already-escaped text. */
export interface StatisticsLabels {
  statistics: string;
  contents: string;
  /** "412 files changed, in 9 modules". */
  filesLine: (files: number, modules: number) => string;
  module: string;
  author: string;
  commits: string;
  files: string;
  added: string;
  removed: string;
  /** The row under a table cut at its limit. */
  moreRows: (count: number) => string;
}

const en: StatisticsLabels = {
  statistics: '📊 Statistics',
  contents: '📑 Contents',
  filesLine: (files, modules) => `${files === 1 ? '1 file' : `${files} files`} changed${modules === 0 ? '' : `, in ${modules === 1 ? '1 module' : `${modules} modules`}`}.`,
  module: 'Module',
  author: 'Author',
  commits: 'Commits',
  files: 'Files',
  added: 'Added',
  removed: 'Removed',
  moreRows: (count) => `${count} more`,
};

const zhCN: StatisticsLabels = {
  statistics: '📊 统计',
  contents: '📑 目录',
  filesLine: (files, modules) => (modules === 0 ? `共修改 ${files} 个文件。` : `共修改 ${files} 个文件，涉及 ${modules} 个模块。`),
  module: '模块',
  author: '作者',
  commits: '提交',
  files: '文件',
  added: '新增行',
  removed: '删除行',
  moreRows: (count) => `另有 ${count} 项`,
};

const LABELS: Record<Language, StatisticsLabels> = { en, 'zh-CN': zhCN };

export function statisticsLabels(language: Language): StatisticsLabels {
  return LABELS[language];
}
