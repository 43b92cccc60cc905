import type { ChangeType, Importance } from '../domain/analysis.js';
import type { Language } from '../domain/language.js';

/** The one table of change-type names; the analyzer's sentences and every renderer use it. */
export const CHANGE_TYPE_LABELS: Record<Language, Record<ChangeType, string>> = {
  en: {
    feature: 'Feature', fix: 'Fix', perf: 'Performance', refactor: 'Refactor', docs: 'Documentation', test: 'Tests',
    ci: 'CI', build: 'Build', deps: 'Dependencies', chore: 'Chore', style: 'Style', revert: 'Revert',
    security: 'Security', other: 'Other',
  },
  'zh-CN': {
    feature: '功能增强', fix: '问题修复', perf: '性能优化', refactor: '代码重构', docs: '文档更新', test: '测试',
    ci: '配置调整', build: '构建', deps: '依赖更新', chore: '杂项', style: '代码风格', revert: '回滚',
    security: '安全', other: '其他',
  },
};

/** Importance with its colour emoji, e.g. "🔴 High". */
export const IMPORTANCE_LABELS: Record<Language, Record<Importance, string>> = {
  en: { high: '🔴 High', medium: '🟡 Medium', low: '🟢 Low' },
  'zh-CN': { high: '🔴 高', medium: '🟡 中', low: '🟢 低' },
};

export function changeTypeLabel(type: ChangeType, language: Language): string {
  return CHANGE_TYPE_LABELS[language][type];
}

export function importanceLabel(level: Importance, language: Language): string {
  return IMPORTANCE_LABELS[language][level];
}
