import type { CodeView } from '../facts/codeView.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import type { CiFact, SecurityArea, SecurityFact } from '../facts/types.js';
import type { DiffSignals } from '../facts/signals.js';
import { KEYWORD_RULES } from './typeRules.js';

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
  /\b(executables?|shell|subprocess|command injection|quarantin\w*|secur\w*|saniti[sz]\w*|escap\w*|validat\w*|untrusted|malicious|attacker|symlinks?|travers\w*|inject\w*|harden\w*|verif\w*|trust\w*|permissions?|privilege\w*|credentials?|tokens?|secrets?|auth\w*|certificates?|TLS|SSL|hash(es|ing)?|checksums?|digests?|sandbox\w*|unsafe|overflow\w*|DoS|denial of service)\b/i;

/**
 * Dependencies whose job is security (TLS, certificates, hashing and crypto, tokens, sanitising): changing one
 * changes what protects the project, whatever else the commit does.
 */
export const SECURITY_PACKAGES =
  /^(@[\w.-]+\/)?(openssl[\w.-]*|[\w.-]*ssl|boringssl|rustls[\w.-]*|native-tls|[\w.-]*-tls|tls[\w.-]*|ring|sha[0-9][\w.-]*|sha-?1|md-?5|digest|blake[23][\w.-]*|[\w.-]*crypto[\w.-]*|cryptography|pycryptodome\w*|certifi|webpki[\w.-]*|x509[\w.-]*|jsonwebtoken|[\w.-]*jwt[\w.-]*|jose|bcrypt[\w.-]*|argon2[\w.-]*|scrypt|pbkdf2|hmac|aes[\w.-]*|rsa|ecdsa|ed25519[\w.-]*|libsodium|sodiumoxide|nacl|pynacl|keyring|oauth[\w.-]*|passport[\w.-]*|helmet|dompurify|bleach|sanitize-html)$/i;

/** Triggers that run a workflow with the repository's secrets on events outsiders cause. */
export const RISKY_TRIGGERS = /^(pull_request_target|workflow_run|issue_comment|pull_request_review_comment|issues|discussion_comment)$/;

/** A CI fact that widens what a workflow may do or who may start it: write permissions, secrets, risky triggers. */
export function isRiskyCi(fact: CiFact): boolean {
  if (fact.change !== 'added') return false;
  return fact.what === 'permission' || fact.what === 'secret' || (fact.what === 'trigger' && RISKY_TRIGGERS.test(fact.detail));
}

/** Areas whose facts count when the commit adds them (new process execution, new path handling). */
const ADDED_COUNTS: ReadonlySet<SecurityArea> = new Set(['exec', 'path']);

/**
 * Memory-safety defects named in the message: each one is a way in for an attacker. A bare `stack overflow` (deep
 * recursion) is a crash, not memory corruption: only a stack *buffer* overflow counts.
 */
export const MEMORY_SAFETY_WORDS =
  /\b(use[- ]after[- ]free|double[- ]free|(buffer|heap|integer) overflow|stack[- ]buffer overflow|out[- ]of[- ]bounds (read|write|access)|OOB (read|write)|memory corruption|dangling pointer|uninitiali[sz]ed (memory|read|value|length))\b/i;

/**
 * Information disclosure named in the message: data an attacker should not see (stale buffers, secrets, internal
 * state) reaches a caller, a log or another user.
 */
export const INFORMATION_LEAK_WORDS =
  /\b(information (leak|leakage|disclosure|exposure)|info[- ]?leak|(leaks?|leaking|leaked|exposes?|exposing|exposed|discloses?|disclosing) (the |a |an |its )?(stale|uninitiali[sz]ed|sensitive|private|secret|previous|other users'?) (internal )?(buffer|memory|data|contents?|state|characters?|bytes?|keys?|values?|credentials?|tokens?|passwords?)|stale (buffer|memory) (contents?|data))\b/i;

/**
 * Evidence that names something other than security: an LLM's token counts and context windows, tokenizers. The
 * auth vocabulary matches `tokens` in them.
 */
const NOT_SECURITY_EVIDENCE = /tokens?_?per|context_?window|window_?tokens|(num|max|count|total|prompt|output|input)_?\w*tokens?\b|tokens?_?(count|limit|budget|usage)|tokeni[sz]|refreshContextWindowTokens/i;

export type SecurityEvidence =
  | { source: 'message'; word: string }
  | { source: 'dependency'; name: string }
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

/** The subject says the change hardens something (`Harden app markdown URL handling`). */
export const HARDENING = /\bharden(s|ed|ing)?\b/i;

/** Ordered: each row adds its evidence; the change is security-relevant when any row has some. */
export const SECURITY_RULES: readonly { id: string; evidence: (input: SecurityInput) => SecurityEvidence | undefined }[] = [
  {
    id: 'message',
    evidence: ({ facts }) => {
      const word = SECURITY_WORDS.exec(facts.message)?.[0] ?? MEMORY_SAFETY_WORDS.exec(facts.message)?.[0] ??
        INFORMATION_LEAK_WORDS.exec(facts.message)?.[0];
      return word === undefined ? undefined : { source: 'message', word };
    },
  },
  {
    // "Harden …" in the subject of a change to the product's code: what it hardens is an attack surface.
    id: 'hardening',
    evidence: ({ facts }) => {
      const word = HARDENING.exec(facts.commit.subject)?.[0];
      return word !== undefined && facts.files.some((item) => item.kind === 'source') ? { source: 'message', word } : undefined;
    },
  },
  {
    id: 'code',
    evidence: ({ facts, view }) => {
      if (!view || view.security.length === 0) return undefined;
      const hinted = SECURITY_HINTS.test(facts.message);
      const counted = view.security.filter((fact) => !NOT_SECURITY_EVIDENCE.test(fact.evidence) &&
        (STRONG_SECURITY_AREAS.has(fact.area) || hinted || (fact.change === 'added' && ADDED_COUNTS.has(fact.area))));
      return counted.length > 0 ? { source: 'code', facts: counted } : undefined;
    },
  },
  {
    id: 'dependency',
    evidence: ({ view }) => {
      const fact = view?.dependencies.find((item) => !item.lockOnly && SECURITY_PACKAGES.test(item.name));
      return fact ? { source: 'dependency', name: fact.name } : undefined;
    },
  },
  {
    id: 'ci',
    evidence: ({ view, signals }) => {
      const fact = view?.ci.find(isRiskyCi);
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
