// Inline Markdown of a commit message reduced to plain text, `code spans` kept. Every pass is linear: the text is
// hostile, and the obvious regular expressions for links, comments and emphasis backtrack on it.

/**
 * `text.replace(/<!--[\s\S]*?-->/g, '')` in one pass (the expression is quadratic in many `<!--` without `-->`).
 */
export function withoutHtmlComments(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    result += text.slice(from, open);
    from = close + 3;
  }
  return result + text.slice(from);
}

/**
 * `text.replace(/!?\[([^\]]*)\]\([^)\s]*\)/g, '$1')` (Markdown links and images reduced to their text) in one
 * pass: the expression is quadratic in hostile text such as `[a](` repeated. Every `[` before the same `]` meets
 * the same `](…)` test, so the first of them decides; the end of a link target is the first `)` or white space.
 * With `images: 'drop'`, an image (`![alt](src)`) leaves nothing, not its alt text.
 */
export function withLinkTexts(text: string, images: 'alt' | 'drop' = 'alt'): string {
  let result = '';
  let from = 0;
  let scan = 0;
  let stop = -1;
  for (let open = text.indexOf('[', scan); open >= 0; open = text.indexOf('[', scan)) {
    const close = text.indexOf(']', open + 1);
    if (close < 0) break;
    scan = close + 1;
    if (text[close + 1] !== '(') continue;
    if (stop < close + 2) stop = firstTargetStop(text, close + 2);
    if (stop >= text.length || text[stop] !== ')') continue;
    const image = open > from && text[open - 1] === '!';
    result += text.slice(from, image ? open - 1 : open) + (image && images === 'drop' ? '' : text.slice(open + 1, close));
    from = stop + 1;
    scan = from;
  }
  return result + text.slice(from);
}

/** The first `)` or white space (as `\s`) at or after `from`; text.length when there is none. */
function firstTargetStop(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === ')' || WHITE_SPACE.test(text[i]!)) return i;
  return text.length;
}

const WHITE_SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** HTML elements a PR description uses for layout; any other `<word>` (`Vec<T>`, `<file>`) is text. */
const HTML_TAGS = new Set([
  'a', 'b', 'br', 'code', 'del', 'details', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins',
  'kbd', 'li', 'ol', 'p', 'picture', 'pre', 's', 'source', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
  'td', 'th', 'thead', 'tr', 'u', 'ul', 'video',
]);
/** A tag longer than this is not a tag: `<` in prose is not searched to the end of the text for its `>`. */
const MAX_TAG_CHARS = 400;

/** The name of the HTML tag opening at `open` (`<br>`, `</p>`, `<img src=…>`), lower-cased, or '' when it is none. */
function tagNameAt(text: string, open: number): string {
  let index = open + 1;
  if (text[index] === '/') index++;
  const start = index;
  while (index < text.length && index - start < 10 && /[A-Za-z0-9]/.test(text[index]!)) index++;
  const name = text.slice(start, index).toLowerCase();
  const after = text[index];
  return HTML_TAGS.has(name) && (after === '>' || after === ' ' || after === '/' || after === '\n') ? name : '';
}

/** `<https://…>` autolinks reduced to the address, layout tags (`<br>`, `<b>`, `<img …>`) removed. */
export function withoutHtmlTags(text: string): string {
  let result = '';
  let from = 0;
  let close = -1;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
    // The next `>` is searched again only once passed: many `<` before one `>` are one search.
    if (close <= open) close = text.indexOf('>', open + 1);
    if (close < 0) break;
    if (close - open > MAX_TAG_CHARS) continue;
    const inner = text.slice(open + 1, close);
    if (inner.startsWith('http://') || inner.startsWith('https://')) {
      if (inner.includes(' ')) continue;
      result += text.slice(from, open) + inner;
    } else if (tagNameAt(text, open) !== '') {
      result += `${text.slice(from, open)} `;
    } else {
      continue;
    }
    from = close + 1;
    open = close;
  }
  return result + text.slice(from);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ',
};

function withEntitiesDecoded(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Footnote marks (`[1]`, `[^2]`) that are not a link: `…a few commits ago.[1] It is…`. */
function withoutFootnoteMarks(text: string): string {
  return text.replace(/\[\^?\d{1,3}\](?![(:[])/g, '');
}

/** The end of the code span opening at `open` (a run of backticks), or -1 when it is not closed nearby. */
export function codeSpanEnd(text: string, open: number): number {
  let run = 1;
  while (text[open + run] === '`') run++;
  // A span is short: its end is searched in a window, so that unclosed backticks never make the work quadratic.
  const close = text.slice(open + run, open + MAX_CODE_SPAN).indexOf('`'.repeat(run));
  return close < 0 ? -1 : open + run + close + run;
}

const MAX_CODE_SPAN = 300;

interface Delimiter {
  at: number;
  length: number;
  char: string;
}

/**
 * `**bold**`, `*em*`, `__bold__`, `_em_` and `~~struck~~` without their markers; markers inside words (`snake_case`,
 * `a*b`) and inside code spans stay. A marker opens before a word and after a non-word, and closes the other way.
 */
export function withoutEmphasis(text: string): string {
  const removed: Delimiter[] = [];
  const openers: Delimiter[] = [];
  const candidates = /[`*_~]/g;
  for (let index = 0; index < text.length; index++) {
    candidates.lastIndex = index;
    const found = candidates.exec(text);
    if (!found) break;
    index = found.index;
    const char = text[index]!;
    if (char === '`') {
      const end = codeSpanEnd(text, index);
      if (end > 0) index = end - 1;
      continue;
    }
    if (char !== '*' && char !== '_' && char !== '~') continue;
    let length = 1;
    while (text[index + length] === char) length++;
    const before = text[index - 1];
    const after = text[index + length];
    const usable = char === '~' ? length === 2 : length <= 3;
    const canOpen = usable && after !== undefined && !WHITE_SPACE.test(after) && (before === undefined || !WORD_CHAR.test(before));
    const canClose = usable && before !== undefined && !WHITE_SPACE.test(before) && (after === undefined || !WORD_CHAR.test(after));
    const delimiter = { at: index, length, char };
    index += length - 1;
    if (canClose) {
      // Only the nearest few openers are tried: a closer never searches a long stack.
      let match = -1;
      for (let position = openers.length - 1; position >= 0 && position >= openers.length - 8; position--) {
        const opener = openers[position]!;
        if (opener.char === char && opener.length === length) {
          match = position;
          break;
        }
      }
      if (match >= 0) {
        removed.push(openers[match]!, delimiter);
        openers.length = match;
        continue;
      }
    }
    if (canOpen) openers.push(delimiter);
  }
  if (removed.length === 0) return text;
  removed.sort((a, b) => a.at - b.at);
  let result = '';
  let from = 0;
  for (const delimiter of removed) {
    result += text.slice(from, delimiter.at);
    from = delimiter.at + delimiter.length;
  }
  return result + text.slice(from);
}

/**
 * `text` without the backticks that open no code span (`calls \`f()\`\` twice`, `backticks (\`)`): an odd one out
 * would turn the rest of a rendered summary into code.
 */
export function withPairedBackticks(text: string): string {
  let count = 0;
  for (let index = text.indexOf('`'); index >= 0; index = text.indexOf('`', index + 1)) count++;
  if (count % 2 === 0) return text;
  let result = '';
  let from = 0;
  for (let index = text.indexOf('`'); index >= 0; index = text.indexOf('`', index)) {
    const end = codeSpanEnd(text, index);
    if (end > 0) {
      index = end;
      continue;
    }
    let run = 1;
    while (text[index + run] === '`') run++;
    result += text.slice(from, index);
    from = index + run;
    index += run;
  }
  return (result + text.slice(from)).replace(/ {2,}/g, ' ');
}

/** Whitespace that `replace(/\s+/g, ' ')` would change: anything but a lone space. */
const MORE_THAN_A_SPACE = /[^\S ]|  /;

/**
 * A line or paragraph of Markdown as plain text: links to their text, images and layout tags gone, emphasis markers
 * gone, entities decoded, footnote marks gone, white space collapsed. `code spans` stay as they are.
 */
export function plainInline(text: string): string {
  // Each rewrite runs only when its text is there: most lines are plain.
  let plain = text.includes('](') ? withLinkTexts(text, 'drop') : text;
  if (plain.includes('<')) plain = withoutHtmlTags(plain);
  if (plain.includes('&')) plain = withEntitiesDecoded(plain);
  if (plain.includes('*') || plain.includes('_') || plain.includes('~~')) plain = withoutEmphasis(plain);
  if (plain.includes('[')) plain = withoutFootnoteMarks(plain);
  if (MORE_THAN_A_SPACE.test(plain)) plain = plain.replace(/\s+/g, ' ');
  return plain.trim();
}

/** `**Label**` or `__Label:__` alone: a label for what follows, not a sentence. */
export function isEmphasisLabel(text: string): boolean {
  return /^(\*\*|__)[^*_]{1,80}\1:?$/.test(text.trim());
}
