// The check of a user rule's message pattern, shared by the rules (userRules.ts) and their schema
// (userRulesSchema.ts), which would otherwise import each other.

/** Rule regexes come from cloned repositories: keep them short and test them on a bounded text. */
const MAX_PATTERN_LENGTH = 200;
// A quantified group that itself contains a quantifier, e.g. `(a+)+` or `(\w*x)*`: the classic catastrophic
// backtracking shape. Refused rather than risk hanging the editor on a hostile `.daily-digest.json`.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

/** Why a rule's message pattern is refused, or undefined when it may be used. */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  if (NESTED_QUANTIFIER.test(pattern)) return 'nested quantifiers like (a+)+ are not allowed';
  try {
    new RegExp(pattern, 'im');
    return undefined;
  } catch {
    return 'not a valid regular expression';
  }
}
