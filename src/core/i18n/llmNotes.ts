import type { Language } from '../domain/language.js';

type Params = Record<string, string>;

const NOTES = {
  en: {
    partial: (p: Params) => `Based on a partial diff: ${p.files} left out or cut for size.`,
    partialReader: () => 'Based on a partial diff: the diff was cut at its size limit.',
    diffUnreadable: (p: Params) => `The diff could not be read (${p.detail}); the model saw only the message and the file list.`,
    truncated: () => 'The language model\'s answer was cut off twice (token limit); the offline analysis is kept.',
    invalid: (p: Params) => `The language model's answer was invalid twice (${p.detail}); the offline analysis is kept.`,
    failed: (p: Params) => `The language model failed: ${p.detail} The offline analysis is kept.`,
    summaryKept: () => 'The model\'s summary named files or numbers that are not in the commit; the offline summary is kept.',
  },
  'zh-CN': {
    partial: (p: Params) => `基于部分 diff：${p.files} 因篇幅被省略或截断。`,
    partialReader: () => '基于部分 diff：diff 在大小上限处被截断。',
    diffUnreadable: (p: Params) => `无法读取 diff（${p.detail}）；模型只看到了提交说明和文件列表。`,
    truncated: () => '语言模型的回答两次被截断（达到 token 上限）；保留离线分析结果。',
    invalid: (p: Params) => `语言模型的回答两次无效（${p.detail}）；保留离线分析结果。`,
    failed: (p: Params) => `语言模型调用失败：${p.detail} 保留离线分析结果。`,
    summaryKept: () => '模型的摘要提到了提交中没有的文件或数字；保留离线摘要。',
  },
} satisfies Record<Language, Record<string, (p: Params) => string>>;

export type NoteKey = keyof (typeof NOTES)['en'];

export function note(language: Language, key: NoteKey, params: Params = {}): string {
  return NOTES[language][key](params);
}

/** The message sent back to the model when its first answer can't be used. */
export function retryInstruction(kind: 'truncated' | 'invalid-json' | 'invalid-shape', error: string): string {
  if (kind === 'truncated') {
    return 'Your previous answer was cut off before the JSON ended. Answer again with the same JSON shape, much shorter: fewer and shorter list items.';
  }
  return `Your previous answer could not be used: ${error}. Answer again with one JSON object of exactly the shape given in the system message, and nothing else.`;
}
