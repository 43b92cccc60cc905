import type { CodeView } from '../facts/codeView.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import type { MajorBump } from '../facts/diffSignals.js';
import type { DiffSignals } from '../facts/signals.js';
import { uniqueDependencies } from '../prose/items.js';
import { isMajor } from '../facts/deps/versions.js';

/**
 * Major upgrades: a dependency fact whose first version number grows (`0.30.21 → 1.0.0`, `v4 → v5`), then those the
 * message announces that the facts do not hold. Lock-file-only bumps count too (a transitive major upgrade).
 */
export function majorBumpsOf(view: CodeView | undefined, signals: DiffSignals, facts: Pick<CommitFacts, 'message'>): MajorBump[] {
  if (!view) return signals.majorBumps;
  const bumps: MajorBump[] = [];
  // A CI action's or a development tool's major version is the project's own business: it reaches no user.
  const unshipped = (fact: { scope: string }): boolean => fact.scope === 'ci' || fact.scope === 'dev';
  const ciOnly = new Set(view.dependencies.filter(unshipped).map((fact) => fact.name));
  for (const fact of uniqueDependencies(view.dependencies)) {
    if (fact.change !== 'bumped' || fact.old === undefined || fact.new === undefined || unshipped(fact)) continue;
    if (isMajor(fact.old, fact.new)) bumps.push({ name: fact.name, from: fact.old, to: fact.new });
  }
  const named = new Set(bumps.map((bump) => bump.name));
  for (const bump of signals.majorBumps) {
    if (!named.has(bump.name) && !ciOnly.has(bump.name) && facts.message.includes(bump.name)) bumps.push(bump);
  }
  return bumps;
}
