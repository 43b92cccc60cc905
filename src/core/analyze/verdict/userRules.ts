import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { DigestError } from '../../errors.js';
import type { ChangeType } from '../../domain/analysis.js';
import type { Commit } from '../../domain/commit.js';
import type { UserRule } from '../../domain/options.js';
import { regexProblem } from './rulePattern.js';

export const REPO_RULES_FILE = '.daily-digest.json';
const MAX_RULES_FILE_BYTES = 1024 * 1024;
/** A rule regex from a cloned repository is tested on a bounded text: this much of the message. */
const MAX_MESSAGE_CHARS = 4000;

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
  // The schema (and zod) load only now: most repositories have no rules file.
  const { parseRepoRules } = await import('./userRulesSchema.js');
  const parsed = parseRepoRules(json);
  return 'problem' in parsed ? bad(parsed.problem) : parsed;
}

/** A user rule with its globs and regex compiled once. */
export interface CompiledRule {
  rule: UserRule;
  /** `tags`: the commit's fact tags (factTags); a rule with `facts` never matches a commit whose code was not read. */
  matches: (commit: Commit, changeType: ChangeType, tags?: ReadonlySet<string>) => boolean;
}

export function compileRule(rule: UserRule): CompiledRule {
  const pathTest = rule.match.paths ? picomatch(rule.match.paths, { dot: true }) : undefined;
  const messageTest = rule.match.message !== undefined && regexProblem(rule.match.message) === undefined
    ? new RegExp(rule.match.message, 'im')
    : undefined;
  const types = rule.match.types;
  return {
    rule,
    matches: (commit, changeType, tags) => {
      if (types && !types.includes(changeType)) return false;
      if (rule.match.facts && !rule.match.facts.some((tag) => tags?.has(tag))) return false;
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
