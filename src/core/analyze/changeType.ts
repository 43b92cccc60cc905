import type { ChangeType } from '../domain/analysis.js';
import { everyFileIs } from './facts.js';
import type { CommitFacts } from './facts.js';
import { CONVENTIONAL_SCOPE_RULES, FILE_TYPE_RULES, KEYWORD_RULES } from './typeRules.js';

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
    const refined = refineByScope(facts.conventionalType, facts.header.scope);
    if (refined === 'chore' && fromFiles) return { changeType: fromFiles, source: 'files' };
    return { changeType: refined, source: 'conventional' };
  }
  const keyword = KEYWORD_RULES.find((rule) => rule.pattern.test(facts.description));
  if (keyword?.strong) return { changeType: keyword.changeType, source: 'keyword' };
  if (fromFiles) return { changeType: fromFiles, source: 'files' };
  if (keyword) return { changeType: keyword.changeType, source: 'keyword' };
  return { changeType: 'other', source: 'none' };
}

function refineByScope(type: ChangeType, scope: string | undefined): ChangeType {
  if (scope === undefined) return type;
  const rule = CONVENTIONAL_SCOPE_RULES.find((item) => item.scope.test(scope) && item.types.includes(type));
  return rule ? rule.changeType : type;
}

export function fileOnlyType(facts: CommitFacts): ChangeType | undefined {
  return FILE_TYPE_RULES.find((rule) => everyFileIs(facts, rule.classes))?.changeType;
}
