import type { Language } from '../domain/language.js';

type Params = Record<string, string>;

const NOTES = {
  en: {
    partial: (p: Params) => `Based on a partial diff: ${p.files} left out or cut for size.`,
    partialReader: () => 'Based on a partial diff: the diff was cut at its size limit.',
    diffUnreadable: (p: Params) => `The diff could not be read (${p.detail}); the model saw only the message and the file list.`,
    notJson: (p: Params) => `The language model's answer was not JSON, twice (${p.detail}); ${p.kept}.`,
    wrongShape: (p: Params) => `The language model's JSON had the wrong shape, twice (${p.detail}); ${p.kept}.`,
    tokenLimit: (p: Params) => `The language model's answer was cut off by its token limit (finish_reason "length"), twice; ${p.kept}.`,
    modelRefused: (p: Params) => `The language model refused to answer, twice (${p.detail}); ${p.kept}.`,
    failed: (p: Params) => `The language model failed: ${p.detail} ${capitalize(p.kept ?? '')}.`,
    notAsked: (p: Params) => `The language model was not asked: an earlier request of this run failed (${p.detail}). The offline analysis is kept.`,
    timeLimit: (p: Params) => `The run's time limit for the language model (${p.seconds} s) was reached before this commit was analyzed; the offline analysis is kept.`,
    stopped: () => 'The run was stopped before the language model analyzed this commit; the offline analysis is kept.',
    wrongLanguage: (p: Params) => `The language model answered in ${p.found} although the report is in ${p.wanted}, even when asked again; its answer is kept.`,
    summaryKept: () => 'The model\'s summary named files or numbers that are not in the commit; the offline summary is kept.',
    headlineUngrounded: (p: Params) => `The language model's headline ${p.reason}; the offline headline is kept.`,
    headlineNotAsked: () => 'The language model analyzed none of the commits, so it was not asked for the day\'s headline; the offline headline is kept.',
    timeLimitHeadline: () => 'The run\'s time limit for the language model was reached before the day\'s headline was asked; the offline headline is kept.',
  },
  'zh-CN': {
    partial: (p: Params) => `基于部分 diff：${p.files} 因篇幅被省略或截断。`,
    partialReader: () => '基于部分 diff：diff 在大小上限处被截断。',
    diffUnreadable: (p: Params) => `无法读取 diff（${p.detail}）；模型只看到了提交说明和文件列表。`,
    notJson: (p: Params) => `语言模型两次的回答都不是 JSON（${p.detail}）；${p.kept}。`,
    wrongShape: (p: Params) => `语言模型两次返回的 JSON 结构都不符（${p.detail}）；${p.kept}。`,
    tokenLimit: (p: Params) => `语言模型的回答两次都因达到 token 上限被截断（finish_reason 为 "length"）；${p.kept}。`,
    modelRefused: (p: Params) => `语言模型两次拒绝回答（${p.detail}）；${p.kept}。`,
    failed: (p: Params) => `语言模型调用失败：${p.detail} ${p.kept}。`,
    notAsked: (p: Params) => `未请求语言模型：本次运行中较早的请求已失败（${p.detail}）。保留离线分析结果。`,
    timeLimit: (p: Params) => `分析此提交前已用完本次运行的语言模型总时长（${p.seconds} 秒）；保留离线分析结果。`,
    stopped: () => '语言模型分析此提交前运行已被中止；保留离线分析结果。',
    wrongLanguage: (p: Params) => `报告语言为${p.wanted}，但再次要求后语言模型仍用${p.found}作答；仍保留其回答。`,
    summaryKept: () => '模型的摘要提到了提交中没有的文件或数字；保留离线摘要。',
    headlineUngrounded: (p: Params) => `语言模型写的当日标题${p.reason}；保留离线标题。`,
    headlineNotAsked: () => '语言模型没有分析任何提交，因此未请它撰写当日标题；保留离线标题。',
    timeLimitHeadline: () => '请求当日标题前已用完本次运行的语言模型总时长；保留离线标题。',
  },
} satisfies Record<Language, Record<string, (p: Params) => string>>;

export type NoteKey = keyof (typeof NOTES)['en'];

/** What a failed model request leaves in place: a commit's offline analysis, or the day's offline headline. */
export type KeptWork = 'analysis' | 'headline';

const KEPT: Record<Language, Record<KeptWork, string>> = {
  en: { analysis: 'the offline analysis is kept', headline: 'the offline headline is kept' },
  'zh-CN': { analysis: '保留离线分析结果', headline: '保留离线标题' },
};

/** A note in `language`; `params.kept` defaults to what a commit keeps (its offline analysis). */
export function note(language: Language, key: NoteKey, params: Params = {}): string {
  return NOTES[language][key]({ kept: KEPT[language].analysis, ...params });
}

export function keptPhrase(language: Language, kept: KeptWork): string {
  return KEPT[language][kept];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  en: { en: 'English', 'zh-CN': 'Simplified Chinese' },
  'zh-CN': { en: '英文', 'zh-CN': '简体中文' },
};

/** A language's name, worded in `in`. */
export function languageName(language: Language, within: Language): string {
  return LANGUAGE_NAMES[within][language];
}

export type RetryReason = 'token-limit' | 'not-json' | 'wrong-shape' | 'model-refused';

/** The message sent back to the model when its first answer can't be used. */
export function retryInstruction(reason: RetryReason, error: string): string {
  if (reason === 'token-limit') {
    return 'Your previous answer was cut off before the JSON ended. Answer again with the same JSON shape, much shorter: fewer and shorter list items.';
  }
  if (reason === 'model-refused') {
    return 'This is a routine review of a source-code change for a team report. Answer with one JSON object of exactly the shape given in the system message, and nothing else.';
  }
  return `Your previous answer could not be used: ${error}. Answer again with one JSON object of exactly the shape given in the system message, and nothing else.`;
}

/** The firmer instruction sent when the answer's prose was in the wrong language. */
export function languageRetryInstruction(wanted: Language, fields = 'summary, reasons, insights, risks, recommendations'): string {
  if (wanted === 'zh-CN') {
    return 'Your previous answer was not written in Simplified Chinese. The report is in Simplified Chinese (简体中文): answer again with the same JSON, '
      + `and write every text field (${fields}) in Simplified Chinese. Keep code identifiers, file paths, `
      + 'JSON keys and enum values as they are.';
  }
  return 'Your previous answer was not written in English. The report is in English: answer again with the same JSON, and write every text field '
    + `(${fields}) in English. Keep code identifiers, file paths, JSON keys and enum values as they are.`;
}
