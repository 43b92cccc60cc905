/**
 * Structural checks for generated Markdown. Each returns a list of problems (empty when fine),
 * so a test can `assert.deepEqual(findX(markdown), [])` and read every problem at once.
 */

interface SourceLine {
  number: number;
  text: string;
}

/** Lines outside fenced code blocks, with 1-based line numbers. */
function proseLines(markdown: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (marker !== undefined) {
      fence = marker;
      return;
    }
    lines.push({ number: index + 1, text });
  });
  return lines;
}

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let cursor = index - 1; cursor >= 0 && text[cursor] === '\\'; cursor -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

/** The line with code spans blanked out (their content is literal text, never links or anchors). */
export function withoutCodeSpans(line: string): string {
  let result = '';
  let index = 0;
  while (index < line.length) {
    const character = line[index];
    if (character === '\\' && index + 1 < line.length) {
      result += line.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (character !== '`') {
      result += character;
      index += 1;
      continue;
    }
    const run = /^`+/.exec(line.slice(index))?.[0] ?? '`';
    let close = -1;
    for (let search = index + run.length; search < line.length;) {
      const next = line.indexOf(run, search);
      if (next === -1) break;
      const after = next + run.length;
      if (line[next - 1] !== '`' && line[after] !== '`') {
        close = next;
        break;
      }
      search = after;
    }
    if (close === -1) {
      result += run;
      index += run.length;
    } else {
      result += ' '.repeat(close + run.length - index);
      index = close + run.length;
    }
  }
  return result;
}

export interface Heading {
  line: number;
  level: number;
  text: string;
}

/** ATX headings, plus setext headings (a `---`/`===` line right under a paragraph line). */
export function headings(markdown: string): Heading[] {
  const found: Heading[] = [];
  const lines = proseLines(markdown);
  lines.forEach((line, index) => {
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line.text);
    if (atx?.[1] !== undefined) {
      found.push({ line: line.number, level: atx[1].length, text: atx[2] ?? '' });
      return;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(line.text);
    const previous = lines[index - 1];
    if (setext?.[1] !== undefined && previous !== undefined && previous.number === line.number - 1 &&
      previous.text.trim() !== '' && !/^ {0,3}([-*+>|<#]|\d+[.)])/.test(previous.text)) {
      found.push({ line: previous.number, level: setext[1].startsWith('=') ? 1 : 2, text: previous.text.trim() });
    }
  });
  return found;
}

/** Exactly one h1, first; no heading deeper than one level below the one before it. */
export function findHeadingJumps(markdown: string): string[] {
  const problems: string[] = [];
  const all = headings(markdown);
  const h1s = all.filter((heading) => heading.level === 1);
  if (h1s.length !== 1) problems.push(`expected exactly one h1, found ${h1s.length}`);
  if (all[0] !== undefined && all[0].level !== 1) problems.push(`line ${all[0].line}: first heading is h${all[0].level}`);
  for (let index = 1; index < all.length; index += 1) {
    const previous = all[index - 1];
    const current = all[index];
    if (previous !== undefined && current !== undefined && current.level > previous.level + 1) {
      problems.push(`line ${current.line}: h${previous.level} → h${current.level} "${current.text}"`);
    }
  }
  return problems;
}

/** Ids declared by explicit `<a id="…"></a>` elements outside code. */
export function explicitAnchorIds(markdown: string): string[] {
  return proseLines(markdown).flatMap((line) =>
    Array.from(withoutCodeSpans(line.text).matchAll(/<a id="([^"]+)"><\/a>/g), (match) => match[1] ?? ''));
}

/** In-page link targets `](#id)`, ignoring escaped brackets and code spans. */
export function inPageLinkTargets(markdown: string): { line: number; target: string }[] {
  return proseLines(markdown).flatMap((line) => {
    const text = withoutCodeSpans(line.text);
    return Array.from(text.matchAll(/\]\(#([^)\s]*)\)/g))
      .filter((match) => !isEscaped(text, match.index))
      .map((match) => ({ line: line.number, target: match[1] ?? '' }));
  });
}

/** Every `](#x)` link needs exactly one `<a id="x">`; duplicate ids are problems too. */
export function findDanglingAnchorLinks(markdown: string): string[] {
  const ids = explicitAnchorIds(markdown);
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const problems = [...counts].filter(([, count]) => count > 1).map(([id, count]) => `anchor "${id}" declared ${count} times`);
  for (const link of inPageLinkTargets(markdown)) {
    if (!counts.has(link.target)) problems.push(`line ${link.line}: link to missing anchor "#${link.target}"`);
  }
  return problems;
}

/** Cells of a GFM table row; `\|` (an odd number of backslashes before the pipe) does not split. */
export function splitTableRow(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !isEscaped(text, text.length - 1)) text = text.slice(0, -1);
  const cells: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '|' && !isEscaped(text, index)) {
      cells.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  cells.push(text.slice(start).trim());
  return cells;
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Every row has the header's cell count, and a table ends at a blank line (no lazily continued rows). */
export function findMalformedTables(markdown: string): string[] {
  const problems: string[] = [];
  const lines = proseLines(markdown);
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const header = lines[index];
    const delimiter = lines[index + 1];
    if (header === undefined || delimiter === undefined) continue;
    if (!header.text.trimStart().startsWith('|') || !DELIMITER_ROW.test(delimiter.text) || !delimiter.text.includes('-')) continue;
    const width = splitTableRow(header.text).length;
    if (splitTableRow(delimiter.text).length !== width) {
      problems.push(`line ${delimiter.number}: delimiter row does not match the header's ${width} cells`);
    }
    let row = index + 2;
    for (; row < lines.length; row += 1) {
      const line = lines[row];
      if (line === undefined || line.text.trim() === '') break;
      if (!line.text.trimStart().startsWith('|')) {
        problems.push(`line ${line.number}: table continues on a line without a leading pipe`);
        continue;
      }
      const cells = splitTableRow(line.text).length;
      if (cells !== width) problems.push(`line ${line.number}: ${cells} cells, header has ${width}`);
    }
    index = row;
  }
  return problems;
}

/** All structural checks at once. */
export function findStructuralProblems(markdown: string): string[] {
  return [...findHeadingJumps(markdown), ...findDanglingAnchorLinks(markdown), ...findMalformedTables(markdown)];
}

const PLACEHOLDER = '⟦x⟧';

/**
 * Every string in a label table (nested objects included; functions called with `sampleArgs[key]`
 * or placeholder strings), with the placeholders removed.
 */
export function labelStrings(table: object, sampleArgs: Record<string, unknown[]> = {}): { key: string; text: string }[] {
  const found: { key: string; text: string }[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      found.push({ key, text: value.split(PLACEHOLDER).join(' ') });
    } else if (typeof value === 'function') {
      const name = key.split('.').pop() ?? key;
      const args = sampleArgs[name] ?? Array.from({ length: Math.max(value.length, 1) }, () => PLACEHOLDER);
      visit(Reflect.apply(value, undefined, args), key);
    } else if (value !== null && typeof value === 'object') {
      for (const [inner, child] of Object.entries(value)) visit(child, key === '' ? inner : `${key}.${inner}`);
    }
  };
  visit(table, '');
  return found;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** English labels hold no Chinese characters; zh-CN labels hold no English words (outside `allowedWords`). */
export function findLabelLanguageProblems(
  strings: { key: string; text: string }[],
  language: 'en' | 'zh-CN',
  allowedWords: string[] = ['SHA'],
): string[] {
  const problems: string[] = [];
  for (const { key, text } of strings) {
    if (language === 'en') {
      if (CJK.test(text)) problems.push(`${key}: Chinese text in an English label: "${text}"`);
      continue;
    }
    const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowedWords.includes(word));
    if (words.length > 0) problems.push(`${key}: English words ${words.join(', ')} in a Chinese label: "${text}"`);
  }
  return problems;
}
