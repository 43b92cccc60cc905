// The hand-labelled commits the quality eval measures against: one JSON file per project (see README.md).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { CHANGE_TYPES, IMPORTANCE_LEVELS } from '../../src/core/domain/analysis.js';

/** Bad input to the eval: a one-line message naming the cause and the fix. The eval exits 1 with it. */
export class EvalInputError extends Error {}

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');

export const labelledCommitSchema = z.looseObject({
  sha: z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-hex-digit sha in lower case'),
  date: DAY,
  subject: z.string(),
  type: z.enum(CHANGE_TYPES),
  importance: z.enum(IMPORTANCE_LEVELS),
  breaking: z.boolean(),
  security: z.boolean(),
  identifiers: z.array(z.string().min(1)).max(5),
  why: z.string().optional(),
});

export const labelFileSchema = z.looseObject({
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name'),
  language: z.string().min(1),
  /** The repository's git dir, absolute or relative to the label file; default `<mirrors>/<owner>+<name>/repo`. */
  path: z.string().min(1).optional(),
  /** A ref that reaches every labelled commit, used when the newest commit of a day does not reach the others. */
  ref: z.string().min(1).optional(),
  /** The whole days the commits were taken from. */
  days: z.array(DAY).optional(),
  commits: z.array(labelledCommitSchema).min(1),
});

export type LabelledCommit = z.infer<typeof labelledCommitSchema>;
export type LabelFile = z.infer<typeof labelFileSchema> & { file: string };

/** `holdout` (sha starting 0-3, about a quarter) is never tuned on; `dev` is the rest. */
export type Split = 'dev' | 'holdout';

export function splitOf(sha: string): Split {
  return /^[0-3]/.test(sha) ? 'holdout' : 'dev';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  return `field "${field}": ${issue.message}`;
}

/** Parses one label file; throws EvalInputError naming the file and the first bad field. */
export function parseLabelFile(file: string, text: string): LabelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EvalInputError(`${file}: not valid JSON (${(error as Error).message}); fix the file's syntax.`);
  }
  const parsed = labelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? describeIssue(issue) : 'unknown field';
    throw new EvalInputError(`${file}: ${where}; fix that field (format: test/quality/README.md).`);
  }
  return { ...parsed.data, file };
}

/** Reads every *.json file of `dir`, sorted by name; a sha labelled twice is an error. */
export function loadLabelFiles(dir: string): LabelFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new EvalInputError(`--data ${dir}: no such folder; pass the folder holding the label files (e.g. test/quality/data).`);
  }
  const names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) throw new EvalInputError(`--data ${dir}: no *.json label files in it; pass the folder holding them.`);
  const files = names.map((name) => parseLabelFile(join(dir, name), readFileSync(join(dir, name), 'utf8')));
  const seen = new Map<string, string>();
  for (const labels of files) {
    for (const commit of labels.commits) {
      const previous = seen.get(commit.sha);
      if (previous !== undefined) {
        throw new EvalInputError(`${labels.file}: sha ${commit.sha} is labelled twice (also in ${previous}); keep one.`);
      }
      seen.set(commit.sha, labels.file);
    }
  }
  return files;
}
