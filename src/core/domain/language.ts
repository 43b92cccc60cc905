export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Maps a locale such as `zh-cn`, `zh-Hans`, `zh_CN.UTF-8` or `en-US` to a report language. */
export function languageFromLocale(locale: string | undefined): Language {
  const normalized = (locale ?? '').toLowerCase().replace('_', '-');
  return normalized.startsWith('zh') ? 'zh-CN' : 'en';
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
