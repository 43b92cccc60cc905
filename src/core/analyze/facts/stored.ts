// The facts an analysis keeps (Analysis.facts), and the CodeFacts a later reader (a language model's prompt) makes
// of them again. A report carries a bounded list, the most telling first, so a day of big commits stays small.
import { MAX_STORED_FACTS } from '../../domain/facts.js';
import type { StoredFact } from '../../domain/facts.js';
import { emptyCodeFacts } from './types.js';
import type { CodeFacts } from './types.js';


/** Lower ranks are kept first: what users of the code see, then what it depends on, then its insides. */
function rank(fact: StoredFact): number {
  switch (fact.kind) {
    case 'definition':
      if (fact.change === 'body') return 3;
      return fact.public || fact.oldPublic === true ? 0 : 2;
    case 'dependency':
      return fact.lockOnly === true ? 3 : 1;
    case 'ci':
    case 'security':
      return 1;
    case 'test':
      return 2;
    default:
      return 0;
  }
}

/** The commit's facts as a report keeps them: every kind but references and notes, ranked, at most `max`. */
export function storedFacts(code: CodeFacts, max = MAX_STORED_FACTS): StoredFact[] {
  const all: StoredFact[] = [
    ...code.definitions, ...code.flags, ...code.env, ...code.config, ...code.defaults, ...code.routes, ...code.formats,
    ...code.dependencies, ...code.ci, ...code.security, ...code.tests, ...(code.versions ?? []),
  ];
  return all
    .map((fact, index) => ({ fact, index, rank: rank(fact) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, max)
    .map(({ fact }) => fact);
}

/** CodeFacts again from the facts an analysis kept (those it left out are absent). */
export function codeFactsOfStored(facts: readonly StoredFact[]): CodeFacts {
  const code = emptyCodeFacts();
  const versions: NonNullable<CodeFacts['versions']> = [];
  for (const fact of facts) {
    switch (fact.kind) {
      case 'definition': code.definitions.push(fact); break;
      case 'flag': code.flags.push(fact); break;
      case 'env': code.env.push(fact); break;
      case 'config': code.config.push(fact); break;
      case 'default': code.defaults.push(fact); break;
      case 'route': code.routes.push(fact); break;
      case 'format': code.formats.push(fact); break;
      case 'dependency': code.dependencies.push(fact); break;
      case 'ci': code.ci.push(fact); break;
      case 'security': code.security.push(fact); break;
      case 'test': code.tests.push(fact); break;
      case 'version': versions.push(fact); break;
    }
  }
  if (versions.length > 0) code.versions = versions;
  return code;
}
