import type { CodeView } from '../facts/codeView.js';
import type { CommitFacts } from '../facts.js';
import type { SecurityArea, SecurityFact } from '../facts/types.js';
import type { DiffSignals } from '../signals.js';
import { KEYWORD_RULES } from '../typeRules.js';

/** The security words of the message (CVE, XSS, injection, …): the strong keyword rule of typeRules.ts. */
export const SECURITY_WORDS = KEYWORD_RULES.find((rule) => rule.changeType === 'security')!.pattern;

/**
 * Areas whose facts alone make a change security-relevant. Path handling, process execution and input checks are
 * everywhere in ordinary code: they count only with a hint in the message (SECURITY_HINTS).
 */
export const STRONG_SECURITY_AREAS: ReadonlySet<SecurityArea> = new Set([
  'tls', 'auth', 'crypto', 'secret', 'permission', 'sandbox', 'unsafe', 'deserialize',
]);

/** Words that make path, exec and input facts count: the message says the change is about them. */
export const SECURITY_HINTS =
  /\b(secur\w*|saniti[sz]\w*|escap\w*|validat\w*|untrusted|malicious|attacker|symlinks?|travers\w*|inject\w*|harden\w*|verif\w*|trust\w*|permissions?|privilege\w*|credentials?|tokens?|secrets?|auth\w*|certificates?|TLS|SSL|hash(es|ing)?|checksums?|digests?|sandbox\w*|unsafe|overflow\w*|DoS|denial of service)\b/i;

export type SecurityEvidence =
  | { source: 'message'; word: string }
  | { source: 'code'; facts: SecurityFact[] }
  | { source: 'ci'; path: string; detail: string };

export interface SecurityVerdict {
  security: boolean;
  evidence: SecurityEvidence[];
}

export interface SecurityInput {
  facts: CommitFacts;
  view?: CodeView;
  signals: DiffSignals;
}

/** Ordered: each row adds its evidence; the change is security-relevant when any row has some. */
export const SECURITY_RULES: readonly { id: string; evidence: (input: SecurityInput) => SecurityEvidence | undefined }[] = [
  {
    id: 'message',
    evidence: ({ facts }) => {
      const word = SECURITY_WORDS.exec(facts.message)?.[0];
      return word === undefined ? undefined : { source: 'message', word };
    },
  },
  {
    id: 'code',
    evidence: ({ facts, view }) => {
      if (!view || view.security.length === 0) return undefined;
      const hinted = SECURITY_HINTS.test(facts.message);
      const counted = view.security.filter((fact) => STRONG_SECURITY_AREAS.has(fact.area) || hinted);
      return counted.length > 0 ? { source: 'code', facts: counted } : undefined;
    },
  },
  {
    id: 'ci',
    evidence: ({ view, signals }) => {
      const fact = view?.ci.find((item) => item.change === 'added' && item.what !== 'unpinned-action');
      if (fact) return { source: 'ci', path: fact.path, detail: fact.detail };
      const finding = view ? undefined : signals.workflow[0];
      return finding ? { source: 'ci', path: finding.path, detail: finding.signal } : undefined;
    },
  },
];

export function securityVerdict(input: SecurityInput): SecurityVerdict {
  const evidence: SecurityEvidence[] = [];
  for (const rule of SECURITY_RULES) {
    const found = rule.evidence(input);
    if (found) evidence.push(found);
  }
  return { security: evidence.length > 0, evidence };
}
