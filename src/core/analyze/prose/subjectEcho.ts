// Whether a sentence of the body says again what the subject says: the same words modulo case, punctuation, word
// endings, the `type(scope):` prefix and filler words. Words are runs of letters and digits; CJK text is compared as
// text, since it has no spaces between words.
import { isCjk } from './sentences.js';

/** Words that carry nothing on their own: a sentence of only these and subject words repeats the subject. */
const FILLER = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'to', 'of', 'for', 'in', 'on', 'at', 'by', 'with',
  'from', 'and', 'or', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'pr', 'commit', 'patch', 'we', 'our', 'now',
  'also', 'so', 'just', 'here', 'there', 'which', 'some', 'into', 'i', 'me', 'my', 'us', 'do', 'does', 'did',
]);

const WORD = /[\p{L}\p{N}]+/gu;

/** A word without its inflection, so that `adds`, `added` and `add` compare equal (`updates` → `updat`). */
function stem(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let stemmed = word;
  if (stemmed.endsWith('ies')) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith('ing') && stemmed.length > 5) stemmed = stemmed.slice(0, -3);
  else if (stemmed.endsWith('ed')) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('es') && /(?:ss|x|z|ch|sh)es$/.test(stemmed)) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('s') && !stemmed.endsWith('ss')) stemmed = stemmed.slice(0, -1);
  return stemmed.endsWith('e') && stemmed.length > 3 ? stemmed.slice(0, -1) : stemmed;
}

/**
 * Calls `visit` with each stemmed word of `text`, filler words left out, until it returns false; false then.
 * ASCII words are cut by character codes; the Unicode expression runs only on text that has other characters.
 */
function everyWord(text: string, visit: (word: string) => boolean): boolean {
  const lower = text.toLowerCase();
  const ascii = /^[\x00-\x7f]*$/.test(lower);
  if (!ascii) {
    for (const match of lower.matchAll(WORD)) if (!FILLER.has(match[0]) && !visit(stem(match[0]))) return false;
    return true;
  }
  let start = -1;
  for (let index = 0; index <= lower.length; index++) {
    const code = index < lower.length ? lower.charCodeAt(index) : 0x20;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (start < 0) start = index;
      continue;
    }
    if (start < 0) continue;
    const word = lower.slice(start, index);
    start = -1;
    if (!FILLER.has(word) && !visit(stem(word))) return false;
  }
  return true;
}

/** The stemmed words of `text`, filler words left out. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  everyWord(text, (word) => {
    words.push(word);
    return true;
  });
  return words;
}

/** The subject as echoes are measured against it: its words and its letters run together (for CJK words). */
export interface SubjectWords {
  readonly words: ReadonlySet<string>;
  readonly letters: string;
  /** The words of the subject without its `area:` or `type(scope):` prefix, in order. */
  readonly description: readonly string[];
}

/** The last subject's words: the gist and the summary of one commit ask for the same ones, one after the other. */
let last: { subject: string; description: string; words: SubjectWords } | undefined;

/** The subject's words (read only: the result is shared by the calls that ask for the same subject). */
export function subjectWords(subject: string, description: string): SubjectWords {
  if (last !== undefined && last.subject === subject && last.description === description) return last.words;
  const made = makeSubjectWords(subject, description);
  last = { subject, description, words: made };
  return made;
}

function makeSubjectWords(subject: string, description: string): SubjectWords {
  const words = contentWords(subject);
  const described = contentWords(withoutPrNumbers(description));
  // A subject GitHub cut (`… under llama/c…`) ends in half a word: it is not looked for.
  const cut = /(?:…|\.\.\.)(?:\s*\(#\d{1,9}\))?\s*$/.test(description.slice(-30));
  return { words: new Set(words), letters: words.join(''), description: cut ? described.slice(0, -1) : described };
}

/** Review-round marks (`CR1`, `rev2`): a squashed commit named `<subject>, CR1` says the subject again. */
const ROUND_MARK = /^(?:cr|rev|round|review)\d{1,3}$/;

/** `text` without `(#123)` and `#123` references: a squashed commit's subject carries its own number. */
function withoutPrNumbers(text: string): string {
  return text.includes('#') ? text.replace(/\(?#\d{1,9}\)?/g, ' ') : text;
}

/** A sentence as it is compared with the subject: without a `type(scope):` or `area:` prefix and PR numbers. */
function comparable(sentence: string): string {
  const colon = sentence.indexOf(': ');
  const prefixed = colon > 0 && colon <= 40 && !sentence.slice(0, colon).includes(' ');
  return withoutPrNumbers(prefixed ? sentence.slice(colon + 2) : sentence);
}

/** Every word of `sentence` is a subject word (or, in CJK, a piece of the subject): it says nothing new. */
export function echoesSubject(sentence: string, subject: SubjectWords): boolean {
  return everyWord(comparable(sentence), (word) =>
    subject.words.has(word) || ROUND_MARK.test(word) || (isCjk(word) && subject.letters.includes(word)));
}

/**
 * `sentence` says all the subject says and more (`Expose \`f()\`, which is used to…` under `replay: expose \`f()\``):
 * it can lead the summary in the subject's place. Only for subjects of two words or more.
 */
export function restatesSubject(sentence: string, subject: SubjectWords): boolean {
  if (subject.description.length < 2) return false;
  const words = new Set(contentWords(sentence));
  const letters = [...words].join('');
  return subject.description.every((word) => words.has(word) || (isCjk(word) && letters.includes(word)));
}
