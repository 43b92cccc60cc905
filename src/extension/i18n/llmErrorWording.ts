import type { Language } from '../../core/domain/language.js';

/** The core's model errors name the CLI's flags: here, what the extension says instead, in each language. */
export const CLI_WORDING: Record<Language, [RegExp, string][]> = {
  en: [
    [/check the variable named by --api-key-env\.?/g, 'set it again with "Daily Digest: Set API Key".'],
    [/--base-url/g, 'dailyDigest.openai.baseUrl'],
    [/--model\b/g, 'dailyDigest.openai.model'],
    [/--concurrency/g, 'dailyDigest.lm.concurrency'],
    [/raise the timeout/g, 'raise dailyDigest.model.timeoutSeconds'],
  ],
  'zh-CN': [
    [/请检查 --api-key-env 所指的环境变量。?/g, '请用“每日摘要: 设置 API 密钥”重新设置。'],
    [/--base-url/g, 'dailyDigest.openai.baseUrl'],
    [/--model\b/g, 'dailyDigest.openai.model'],
    [/--concurrency/g, 'dailyDigest.lm.concurrency'],
    [/请调大超时/g, '请调大 dailyDigest.model.timeoutSeconds'],
  ],
};
