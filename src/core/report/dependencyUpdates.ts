import type { DependencyUpdate } from '../domain/triage.js';

/**
 * How update commits name what they update, one row per wording. Each pattern takes the dependency's name (group 1)
 * and, when the subject says it, the version it moves to (group 2). Subjects are bounded before matching.
 */
interface UpdateWording {
  id: string;
  pattern: RegExp;
}

/** Words between "update" and the name: `Update Rust crate jiff`, `update dependency syn`, `Bump the pip group`. */
const KIND_WORDS = '(?:(?:rust\\s+)?crates?|dependency|module|npm\\s+package|package|docker\\s+(?:image|tag)|image|' +
  'helm\\s+release|plugin|gem|pre-commit\\s+hook|github\\s+action|action)';

export const UPDATE_WORDINGS: readonly UpdateWording[] = [
  // Dependabot: "Bump serde from 1.0.1 to 1.0.2", "build(deps): bump golang.org/x/net from 0.1.0 to 0.2.0 in /api".
  { id: 'from-to', pattern: /\b(?:bump|update|upgrade)s?\s+(\S+)\s+from\s+\S+\s+to\s+v?(\S+)/i },
  // Renovate: "Update Rust crate jiff to v0.2.34", "Update actions/checkout action to v5", "update dependency syn to 3.0.0".
  {
    id: 'to',
    pattern: new RegExp(`\\b(?:bump|update|upgrade)s?\\s+(?:${KIND_WORDS}\\s+)?(\\S+)(?:\\s+(?:action|digest|image|hook))?\\s+to\\s+v?(\\d\\S*)`, 'i'),
  },
  // "Pin dependency serde to 1.0.2", "Lock serde at 1.0.2"
  { id: 'pin', pattern: new RegExp(`\\bpin\\s+(?:${KIND_WORDS}\\s+)?(\\S+)\\s+to\\s+v?(\\d\\S*)`, 'i') },
];

/** Subjects are read up to this many characters. */
const MAX_SUBJECT = 300;
const MAX_NAME = 80;
const MAX_VERSION = 40;

/** The dependency (and version) an update commit's subject names, or undefined when it names none. */
export function dependencyUpdateOf(subject: string): DependencyUpdate | undefined {
  const text = subject.slice(0, MAX_SUBJECT);
  for (const wording of UPDATE_WORDINGS) {
    const match = wording.pattern.exec(text);
    if (match === null) continue;
    const name = clean(match[1] ?? '');
    if (name === '' || name.length > MAX_NAME || /^(?:the|all|a|an|deps|dependencies)$/i.test(name)) continue;
    const version = clean(match[2] ?? '');
    return version === '' || version.length > MAX_VERSION ? { name } : { name, version };
  }
  return undefined;
}

/** Without quotes and backticks around it, or the punctuation a sentence puts after it. */
function clean(text: string): string {
  return text.replace(/^[`'"(]+/, '').replace(/[`'"),.;:]+$/, '');
}
