import type { ChangeType } from '../../domain/analysis.js';
import { everyFileIs } from '../facts/commitFacts.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import { AREA_TYPE_RULES, CONVENTIONAL_SCOPE_RULES, CONVENTIONAL_SUBJECT_RULES, FILE_TYPE_RULES, FIX_WORDS, KEYWORD_RULES } from './typeRules.js';

export type ChangeTypeSource = 'conventional' | 'keyword' | 'files' | 'none';

export interface ChangeTypeDecision {
  changeType: ChangeType;
  source: ChangeTypeSource;
}

/**
 * Precedence (docs/rules.md):
 * 1. a Conventional Commits header (refined by its scope; a `chore` gives way to a file-only type);
 * 2. a strong keyword (revert, security);
 * 3. a file-only type (only docs, only tests, only CI, only manifests/lock files);
 * 4. a weak keyword (fix, add, bump, …), also after a Go-style `area:` prefix;
 * 5. other.
 */
export function decideChangeType(facts: CommitFacts): ChangeTypeDecision {
  const fromFiles = fileOnlyType(facts);
  if (facts.conventionalType) {
    const refined = refineBySubject(refineByScope(facts.conventionalType, facts.header.scope), facts.description);
    if (refined === 'chore' && fromFiles) return { changeType: fromFiles, source: 'files' };
    return { changeType: refined, source: 'conventional' };
  }
  const keyword = KEYWORD_RULES.find((rule) => rule.pattern.test(facts.description));
  if (keyword?.strong) return { changeType: keyword.changeType, source: 'keyword' };
  if (fromFiles) return { changeType: fromFiles, source: 'files' };
  const area = /^([\w.-]{1,30})\s*:\s/.exec(facts.commit.subject)?.[1];
  const areaRule = area === undefined ? undefined : AREA_TYPE_RULES.find((rule) => rule.area.test(area));
  if (areaRule) return { changeType: areaRule.changeType, source: 'keyword' };
  // A defect named anywhere outweighs a verb that only says how (`move NULL check before first use`).
  if ((keyword === undefined || FIX_WORDS_OVERRIDE.has(keyword.changeType)) && FIX_WORDS.test(facts.description)) {
    return { changeType: 'fix', source: 'keyword' };
  }
  if (keyword) return { changeType: keyword.changeType, source: 'keyword' };
  // Nothing to go on but the files: without source code, housekeeping; with it, the facts decide (verdict/).
  if (facts.files.length > 0 && !facts.files.some((item) => item.kind === 'source')) return { changeType: 'chore', source: 'none' };
  return { changeType: 'other', source: 'none' };
}

/** Weak keyword types that defect words in the subject override. */
const FIX_WORDS_OVERRIDE: ReadonlySet<ChangeType> = new Set(['refactor', 'chore']);

function refineBySubject(type: ChangeType, description: string): ChangeType {
  const rule = CONVENTIONAL_SUBJECT_RULES.find((item) => item.types.includes(type) && item.pattern.test(description));
  return rule ? rule.changeType : type;
}

function refineByScope(type: ChangeType, scope: string | undefined): ChangeType {
  if (scope === undefined) return type;
  const rule = CONVENTIONAL_SCOPE_RULES.find((item) => item.scope.test(scope) && item.types.includes(type));
  return rule ? rule.changeType : type;
}

export function fileOnlyType(facts: CommitFacts): ChangeType | undefined {
  return FILE_TYPE_RULES.find((rule) => (rule.paths ? everyFileMatches(facts, rule.classes, rule.paths) : everyFileIs(facts, rule.classes)))?.changeType;
}

/** Every file has one of `kinds` or a path `paths` matches (docs may come along), and at least one is not docs. */
function everyFileMatches(facts: CommitFacts, kinds: readonly string[], paths: RegExp): boolean {
  let other = false;
  for (const { file, kind } of facts.files) {
    if (kind === 'docs') continue;
    if (!(kind !== undefined && kinds.includes(kind)) && !paths.test(file.path)) return false;
    other = true;
  }
  return other;
}
