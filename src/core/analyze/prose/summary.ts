import type { Language } from '../../domain/language.js';
import type { ModuleImpact } from '../../domain/analysis.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import { formatList, message } from '../messages/messages.js';
import { messageGist } from './gist.js';
import { endSentence, joinSentences } from './sentences.js';
import { restatesSubject, subjectWords } from './subjectEcho.js';

/** Modules named in the summary's last sentence. */
const SUMMARY_MODULES = 3;

const PR_SUFFIX_AT_END = /\(#\d+\)$/;

/**
 * "What changed and where": the subject's gist, the message's gist (never the subject again), then what changed in
 * code terms (`codeSentence`, from the facts of the diff) or, when the code was not read, the size and main modules.
 */
export function buildSummary(
  facts: CommitFacts,
  scope: readonly ModuleImpact[],
  language: Language,
  codeSentence?: string,
): string {
  const { subject, body } = facts.commit;
  const gist = messageGist(subject, body, { description: facts.description });
  const parts: string[] = [];
  // A body that says the subject again with more (git's style: `Expose \`f()\`, which…`) leads in its place.
  const words = subjectWords(subject, facts.description);
  if (!gist.some((sentence) => restatesSubject(sentence, words))) parts.push(subjectLead(facts));
  parts.push(...gist);
  parts.push(codeSentence ? codeSentence : statsSentence(facts, scope, language));
  return joinSentences(parts);
}

/** The subject as the summary's first sentence: a conventional `type(scope):` prefix and a `(#123)` suffix left out. */
function subjectLead(facts: CommitFacts): string {
  // A conventional `type(scope):` prefix is shown as the change type; an area prefix (`net/http:`) says where, so it stays.
  const lead = facts.conventionalType ? capitalize(facts.description) : facts.commit.subject.trim();
  // withoutPrSuffix needs `(#`: most subjects are spared the search.
  const text = lead.includes('(#') ? withoutPrSuffixes(lead) : lead;
  const ended = endSentence(text);
  // A subject that ends in a colon (`Fix the following:`) still leads; its colon becomes a stop.
  return ended !== '' ? ended : endSentence(text.replace(/[:：]+$/, ''));
}

/**
 * `text` without a trailing ` (#123)`, as `text.replace(/\s*\(#\d+\)\s*$/, '')` (which is quadratic in a long run of
 * whitespace anywhere in hostile text).
 */
export function withoutPrSuffix(text: string): string {
  const end = text.trimEnd();
  const match = PR_SUFFIX_AT_END.exec(end);
  return match ? end.slice(0, match.index).trimEnd() : text;
}

/** `text` without its trailing ` (#123)` suffixes: a backport says `… (#19290) (#19294)`. */
function withoutPrSuffixes(text: string): string {
  let current = text;
  for (let next = withoutPrSuffix(current); next !== current; next = withoutPrSuffix(current)) current = next;
  return current;
}

function statsSentence(facts: CommitFacts, scope: readonly ModuleImpact[], language: Language): string {
  if (facts.totals.files === 0) return message(language, 'summaryNoFiles');
  const modules = formatList(language, scope.map((impact) => impact.module), SUMMARY_MODULES);
  const key = scope.length > 1 ? 'summaryStatsMainly' : 'summaryStats';
  const { files, additions, deletions } = facts.totals;
  return message(language, key, { files, additions, deletions, modules });
}

function capitalize(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 0x61 && first <= 0x7a ? String.fromCharCode(first - 0x20) + text.slice(1) : text;
}
