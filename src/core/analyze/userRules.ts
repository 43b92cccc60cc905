import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { z } from 'zod';
import { DigestError } from '../errors.js';
import { CHANGE_TYPES, IMPORTANCE_LEVELS } from '../model/analysis.js';
import type { ChangeType } from '../model/analysis.js';
import type { Commit } from '../model/commit.js';
import type { UserRule } from '../model/options.js';

export const REPO_RULES_FILE = '.daily-digest.json';
const MAX_RULES_FILE_BYTES = 1024 * 1024;
/** Rule regexes come from cloned repositories: keep them short and test them on a bounded text. */
const MAX_PATTERN_LENGTH = 200;
const MAX_MESSAGE_CHARS = 4000;
// A quantified group that itself contains a quantifier, e.g. `(a+)+` or `(\w*x)*`: the classic catastrophic
// backtracking shape. Refused rather than risk hanging the editor on a hostile `.daily-digest.json`.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  if (NESTED_QUANTIFIER.test(pattern)) return 'nested quantifiers like (a+)+ are not allowed';
  try {
    new RegExp(pattern, 'im');
    return undefined;
  } catch {
    return 'not a valid regular expression';
  }
}

const ruleMatchSchema = z
  .object({
    paths: z.array(z.string().trim().min(1, 'empty glob')).min(1, 'needs at least one glob').optional(),
    message: z.string().min(1, 'empty pattern').superRefine((pattern, context) => {
      const problem = regexProblem(pattern);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }).optional(),
    types: z.array(z.enum(CHANGE_TYPES)).min(1, 'needs at least one type').optional(),
  })
  .strict()
  .refine((match) => match.paths !== undefined || match.message !== undefined || match.types !== undefined, {
    message: 'needs paths, message or types',
  });

const userRuleSchema = z
  .object({
    match: ruleMatchSchema,
    importance: z.enum(IMPORTANCE_LEVELS).optional(),
    changeType: z.enum(CHANGE_TYPES).optional(),
    score: z.number().finite().min(-100).max(100).optional(),
    reason: z.string().trim().min(1, 'empty reason').max(200).optional(),
  })
  .strict()
  .refine(
    (rule) => rule.importance !== undefined || rule.changeType !== undefined || rule.score !== undefined || rule.reason !== undefined,
    { message: 'needs importance, changeType, score or reason' },
  );

type Issue = z.core.$ZodIssue;

function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return text;
}

function describeIssue(prefix: string, issue: Issue): string {
  return `${fieldPath(prefix, issue.path)}: ${issue.message}`.replace(/\s+/g, ' ');
}

function toUserRule(parsed: z.infer<typeof userRuleSchema>): UserRule {
  // Drop undefined keys so rules compare and serialize cleanly.
  return JSON.parse(JSON.stringify(parsed)) as UserRule;
}

/**
 * Validates rules from VS Code settings. Each valid rule is kept; the first invalid one is reported
 * (`bad-config`, naming the field) and every invalid one is skipped.
 */
export function parseUserRules(value: unknown, source: string): { rules: UserRule[]; error?: DigestError } {
  if (value === undefined || value === null) return { rules: [] };
  if (!Array.isArray(value)) return { rules: [], error: new DigestError('bad-config', { file: source, detail: 'rules: expected an array' }) };
  const rules: UserRule[] = [];
  let error: DigestError | undefined;
  value.forEach((item: unknown, index) => {
    const result = userRuleSchema.safeParse(item);
    if (result.success) rules.push(toUserRule(result.data));
    else error ??= new DigestError('bad-config', { file: source, detail: describeIssue(`rules[${index}]`, result.error.issues[0]!) });
  });
  return error ? { rules, error } : { rules };
}

const repoRulesSchema = z.object({ rules: z.array(userRuleSchema) });

/**
 * Reads `<root>/.daily-digest.json` (`{"rules": [...]}`). No file: no rules. A bad file is ignored as a whole
 * (rules []) with a one-line `bad-config` error naming the bad field; the report goes on.
 */
export async function loadRepoRules(repoRoot: string): Promise<{ rules: UserRule[]; error?: DigestError }> {
  const file = REPO_RULES_FILE;
  const bad = (detail: string): { rules: UserRule[]; error: DigestError } => ({
    rules: [],
    error: new DigestError('bad-config', { file, detail }),
  });
  let text: string;
  try {
    const buffer = await readFile(join(repoRoot, file));
    if (buffer.length > MAX_RULES_FILE_BYTES) return bad(`larger than ${MAX_RULES_FILE_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { rules: [] };
    return bad(`cannot be read (${code ?? 'unknown error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return bad(`not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
  const result = repoRulesSchema.safeParse(json);
  if (!result.success) return bad(describeIssue('', result.error.issues[0]!).replace(/^\./, ''));
  return { rules: result.data.rules.map(toUserRule) };
}

/** A user rule with its globs and regex compiled once. */
export interface CompiledRule {
  rule: UserRule;
  matches: (commit: Commit, changeType: ChangeType) => boolean;
}

export function compileRule(rule: UserRule): CompiledRule {
  const pathTest = rule.match.paths ? picomatch(rule.match.paths, { dot: true }) : undefined;
  const messageTest = rule.match.message !== undefined && regexProblem(rule.match.message) === undefined
    ? new RegExp(rule.match.message, 'im')
    : undefined;
  const types = rule.match.types;
  return {
    rule,
    matches: (commit, changeType) => {
      if (types && !types.includes(changeType)) return false;
      if (rule.match.message !== undefined) {
        if (!messageTest) return false;
        const text = `${commit.subject}\n\n${commit.body}`.slice(0, MAX_MESSAGE_CHARS);
        if (!messageTest.test(text)) return false;
      }
      if (pathTest && !commit.files.some((file) => pathTest(file.path) || (file.oldPath !== undefined && pathTest(file.oldPath)))) {
        return false;
      }
      return true;
    },
  };
}
