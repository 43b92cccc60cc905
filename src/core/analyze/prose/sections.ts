// PR templates: which sections of a message hold its gist. A "Summary", "What" or "Motivation" section does; a
// "Test plan", a checklist or "Release notes" never does; a bot's summary is the last resort. One row per heading.
import type { Block } from './blocks.js';
import { isEmphasisLabel, plainInline } from './markdownInline.js';

/** gist: what the change is and why; drop: never quoted; bot: a generated summary, used when nothing else is there. */
export type SectionKind = 'gist' | 'drop' | 'bot' | 'other';

const GIST_HEADINGS = [
  'summary', 'summary of changes', 'summary of the change', 'summary of the changes', 'tl;dr', 'tldr', 'what', 'what changed',
  'what changes', 'what this pr does', 'what does this pr do', 'what does this pr change', 'what does this change',
  'what is this pr', "what's this pr", 'what this does', 'what and why', 'description', 'pr description',
  'change description', 'description of changes', 'describe your changes', 'motivation', 'motivation and context',
  'why', 'why this change', 'why is this needed', 'why are these changes needed', 'why this is needed', 'context',
  'background', 'overview', 'problem', 'the problem', 'problem statement', 'solution', 'proposed solution', 'changes',
  'changes made', 'proposed changes', 'list of changes', 'details', 'about', 'purpose', 'rationale', 'intent', 'abstract',
  'issue', 'root cause', 'fix', 'approach', 'change', 'brief', 'explanation', 'what i did', 'what we did',
  '概要', '摘要', '总结', '简介', '描述', '说明', '变更说明', '改动说明', '背景', '动机', '原因', '变更', '改动', '修改内容',
  '变更内容', '问题', '解决方案', '方案',
];

const DROP_HEADINGS = [
  'test plan', 'test plans', 'testing', 'testing plan', 'testing done', 'testing performed', 'tests', 'test', 'tested',
  'test results', 'test coverage', 'how to test', 'how to reproduce', 'how was this tested', 'how has this been tested',
  'how i tested', 'how i tested this', 'how it was tested', 'how tested', 'verification', 'validation', 'checklist',
  'pr checklist', 'pre-merge checklist', 'screenshots', 'screenshot', 'screenshots or videos', 'screen recording',
  'demo', 'video', 'related issues', 'related issue', 'related', 'related prs', 'related pull requests', 'related links',
  'linked issues', 'issues', 'fixes', 'closes', 'references', 'refs', 'links', 'release notes', 'release note',
  'changelog', 'change log', 'changelog entry', 'notes for reviewers', 'reviewer notes', 'for reviewers', 'review notes',
  'notes to reviewers', 'note to reviewers', 'reviewers', 'type of change', 'types of changes', 'additional context',
  'additional notes', 'additional information', 'additional info', 'other information', 'documentation', 'docs',
  'dependencies', 'ai disclosure', 'ai assistance', 'ai usage', 'ai-assisted', 'configuration', 'follow-ups',
  'follow ups', 'follow-up', 'followups', 'todo', 'todos', 'to do', 'out of scope', 'new contributors', 'full changelog',
  "what's changed", 'commits', 'contributors', 'before', 'after', 'before and after',
  'example', 'examples', 'usage', 'reproduction', 'repro', 'logs', 'output', 'stack trace', 'risks', 'risk', 'rollback',
  'deployment', 'deployment notes', 'where should the reviewer start', 'does this pr introduce a breaking change',
  'release notes for this pr', 'cc', 'acknowledgements', 'credits', 'disclaimer',
  '测试', '测试计划', '测试方法', '测试结果', '自测', '验证', '检查清单', '检查项', '截图', '相关问题', '相关链接', '关联问题',
  '发布说明', '更新日志', '备注', '其他',
];

const KINDS = new Map<string, SectionKind>([
  ...GIST_HEADINGS.map((heading): [string, SectionKind] => [heading, 'gist']),
  ...DROP_HEADINGS.map((heading): [string, SectionKind] => [heading, 'drop']),
]);

/** Prefixes of longer headings, in the order they are tried: `Summary by CodeRabbit`, `Test plan (manual)`. */
const KIND_PREFIXES: ReadonlyArray<readonly [string, SectionKind]> = [
  ['summary by ', 'bot'], ['test', 'drop'], ['how to test', 'drop'], ['checklist', 'drop'], ['screenshot', 'drop'],
  ['release note', 'drop'], ['related', 'drop'], ['ai ', 'drop'], ['summary', 'gist'], ['motivation', 'gist'],
  ['description', 'gist'], ['what does this', 'gist'], ['why ', 'gist'],
];

/** Characters plainInline acts on: a heading without them is looked up as it is. */
const MARKUP = /[*_`[<&~]|\s\s/;

/** A heading as it is looked up: plain, lower-case, without leading emoji or numbering and trailing `:` or `?`. */
export function headingKey(text: string): string {
  const plain = (MARKUP.test(text) ? plainInline(text) : text.trim()).toLowerCase();
  let start = 0;
  while (start < plain.length && !(plain[start]! >= 'a' && plain[start]! <= 'z') && !/[\p{L}]/u.test(plain[start]!)) start++;
  let end = plain.length;
  while (end > start && /[\s:?!.：？]/.test(plain[end - 1]!)) end--;
  return plain.slice(start, end).replace(/\s+/g, ' ');
}

/** What a section under this heading holds. */
export function headingKind(text: string): SectionKind {
  if (text.length > 120) return 'other';
  const key = headingKey(text);
  const exact = KINDS.get(key);
  if (exact) return exact;
  if (key.includes('checklist') || (key.startsWith('how') && key.includes('test'))) return 'drop';
  for (const [prefix, kind] of KIND_PREFIXES) if (key.startsWith(prefix)) return kind;
  return 'other';
}

function spacesIn(text: string): number {
  let count = 0;
  for (let index = text.indexOf(' '); index >= 0; index = text.indexOf(' ', index + 1)) count++;
  return count;
}

/**
 * The kind of a heading written as prose. `wholeLine`: the line is all there is, so it must look like a heading
 * (a known heading exactly, or a short label in bold or before a colon); `Tests pass now.` is a sentence.
 */
function proseHeadingKind(text: string, wholeLine: boolean): SectionKind {
  // The longest known heading has seven words: a longer line is a sentence (most lines are), cut short here.
  if (text.length > 80 || spacesIn(text) > 8) return 'other';
  const key = headingKey(text);
  const exact = KINDS.get(key);
  if (exact) return exact;
  const labelled = !wholeLine || isEmphasisLabel(text) || /[:：]\s*$/.test(text);
  return labelled && key.split(' ').length <= 4 ? headingKind(text) : 'other';
}

/**
 * A paragraph that opens with a known heading said in prose (`Summary:`, `**Test Plan**`, `Motivation: it was slow.`)
 * as a heading and the rest of the paragraph. Unknown `Word:` openings (`Note: …`) stay prose.
 */
function withProseHeadings(blocks: readonly Block[]): Block[] {
  const result: Block[] = [];
  for (const block of blocks) {
    const first = block.kind === 'paragraph' ? block.lines[0]! : '';
    if (first === '' || first.length > 200 || block.kind !== 'paragraph') {
      result.push(block);
      continue;
    }
    // `Summary`, `Summary:` or `**Summary**` alone on its line; else `Summary: text` with the text after the colon.
    // Only a short line, a bold one or one ending in a colon can be a heading alone: most lines are spared the lookup.
    const alone = (first.length <= 50 || first.endsWith(':') || first.startsWith('*') || first.startsWith('_'))
      && proseHeadingKind(first, true) !== 'other';
    const colon = alone ? -1 : first.slice(0, 61).search(/[:：]/);
    const label = alone ? first : colon > 0 && colon <= 60 ? first.slice(0, colon) : '';
    if (label === '' || (!alone && proseHeadingKind(label, false) === 'other')) {
      result.push(block);
      continue;
    }
    result.push({ kind: 'heading', level: 7, text: label });
    const rest = alone ? block.lines.slice(1) : [first.slice(colon + 1).trim(), ...block.lines.slice(1)];
    const lines = rest.filter((line) => line !== '');
    if (lines.length > 0) result.push({ kind: 'paragraph', lines });
  }
  return result;
}

/** The blocks of a message's sections, by what they hold: the gist, and a bot's summary as the fallback. */
export interface SectionedBlocks {
  gist: Block[];
  fallback: Block[];
}

/**
 * The blocks a gist is read from. With a gist heading (Summary, What, Motivation…): the text before the first heading
 * and the gist sections. Without: everything but dropped sections. A heading under a section (a deeper level) belongs
 * to it unless it is a known heading of its own; anything under a dropped section stays dropped.
 */
export function sectionedBlocks(blocks: readonly Block[]): SectionedBlocks {
  const withHeadings = withProseHeadings(blocks);
  const hasGistHeading = withHeadings.some((block) => block.kind === 'heading' && headingKind(block.text) === 'gist');
  const gist: Block[] = [];
  const fallback: Block[] = [];
  let kind: SectionKind | undefined;
  let level = 0;
  for (const block of withHeadings) {
    if (block.kind === 'heading') {
      const own = headingKind(block.text);
      const nested = kind !== undefined && block.level > level;
      if (nested && (kind === 'drop' || kind === 'bot' || own === 'other')) continue;
      kind = own;
      level = block.level;
      continue;
    }
    if (kind === undefined || kind === 'gist' || (kind === 'other' && !hasGistHeading)) gist.push(block);
    else if (kind === 'bot') fallback.push(block);
  }
  return { gist, fallback };
}
