import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { DigestError } from '../../errors.js';
import { CHANGE_TYPES, IMPORTANCE_LEVELS } from '../../domain/analysis.js';
import type { UserRule } from '../../domain/options.js';
import { regexProblem } from './rulePattern.js';
import { FACT_TAG_PATTERN } from './factTags.js';

// The validation of user rules, apart from userRules.ts so that a run without a rules file never loads zod: the
// schemas are built on first use, and this module has no other top-level effect (the CLI bundle leaves it out of
// the startup chunks; loadRepoRules imports it only when a .daily-digest.json exists).

function buildSchemas() {
  // zod/mini has no messages of its own: the English ones, as full zod gives.
  z.config(en());
  const ruleMatch = z
    .strictObject({
      paths: z.optional(z.array(z.string().check(z.trim(), z.minLength(1, 'empty glob'))).check(z.minLength(1, 'needs at least one glob'))),
      message: z.optional(z.string().check(
        z.minLength(1, 'empty pattern'),
        z.superRefine((pattern, context) => {
          const problem = regexProblem(pattern);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        }),
      )),
      types: z.optional(z.array(z.enum(CHANGE_TYPES)).check(z.minLength(1, 'needs at least one type'))),
      facts: z.optional(z.array(z.string().check(z.regex(FACT_TAG_PATTERN, 'not a known fact tag (see docs/rules.md)'))).check(z.minLength(1, 'needs at least one fact tag'))),
    })
    .check(z.refine((match) => match.paths !== undefined || match.message !== undefined || match.types !== undefined || match.facts !== undefined, {
      message: 'needs paths, message, types or facts',
    }));

  const userRule = z
    .strictObject({
      match: ruleMatch,
      importance: z.optional(z.enum(IMPORTANCE_LEVELS)),
      changeType: z.optional(z.enum(CHANGE_TYPES)),
      score: z.optional(z.number().check(z.gte(-100), z.lte(100))),
      reason: z.optional(z.string().check(z.trim(), z.minLength(1, 'empty reason'), z.maxLength(200))),
    })
    .check(z.refine(
      (rule) => rule.importance !== undefined || rule.changeType !== undefined || rule.score !== undefined || rule.reason !== undefined,
      { message: 'needs importance, changeType, score or reason' },
    ));

  return { userRule, repoRules: z.object({ rules: z.array(userRule) }) };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

function rulesSchemas(): Schemas {
  schemas ??= buildSchemas();
  return schemas;
}

function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return text;
}

function describeIssue(prefix: string, issue: z.core.$ZodIssue): string {
  return `${fieldPath(prefix, issue.path)}: ${issue.message}`.replace(/\s+/g, ' ');
}

function toUserRule(parsed: z.infer<Schemas['userRule']>): UserRule {
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
  const { userRule } = rulesSchemas();
  const rules: UserRule[] = [];
  let error: DigestError | undefined;
  value.forEach((item: unknown, index) => {
    const result = userRule.safeParse(item);
    if (result.success) rules.push(toUserRule(result.data));
    else error ??= new DigestError('bad-config', { file: source, detail: describeIssue(`rules[${index}]`, result.error.issues[0]!) });
  });
  return error ? { rules, error } : { rules };
}

/** Validates the parsed JSON of a `.daily-digest.json` (`{"rules": [...]}`): its rules, or the first problem. */
export function parseRepoRules(json: unknown): { rules: UserRule[] } | { problem: string } {
  const result = rulesSchemas().repoRules.safeParse(json);
  if (!result.success) return { problem: describeIssue('', result.error.issues[0]!).replace(/^\./, '') };
  return { rules: result.data.rules.map(toUserRule) };
}
