import type { DefinitionKind, SecurityArea } from '../facts/types.js';

export type FactParams = Record<string, string | number | boolean>;
type Sentence = (p: FactParams) => string;

export const KIND_WORDS_EN: Record<DefinitionKind, string> = {
  function: 'function', method: 'method', class: 'class', struct: 'struct', enum: 'enum', interface: 'interface',
  trait: 'trait', type: 'type', constant: 'constant', module: 'module', macro: 'macro', field: 'field', variant: 'variant',
};

export const AREA_WORDS_EN: Record<SecurityArea, string> = {
  tls: 'TLS and certificates', auth: 'authentication', crypto: 'hashing and cryptography', secret: 'secrets',
  permission: 'permissions', sandbox: 'sandboxing', path: 'path handling', exec: 'process execution',
  deserialize: 'deserialisation', unsafe: 'unsafe code', input: 'input validation',
};

const CALLABLE = new Set(['function', 'method', 'macro']);
const cap = (text: string): string => (text === '' ? text : text[0]!.toUpperCase() + text.slice(1));
const kindOf = (p: FactParams): string => KIND_WORDS_EN[p.kind as DefinitionKind] ?? String(p.kind);

export const FACT_MESSAGES_EN = {
  // Items: one thing of a commit, named, to be listed in a clause.
  itemDefinition: (p) => `${p.public ? 'public ' : ''}${p.name}${CALLABLE.has(String(p.kind)) ? '' : ` (${kindOf(p)})`}`,
  itemFlag: (p) => `the ${p.name} flag`,
  itemCommand: (p) => `the ${p.name} command`,
  itemEnv: (p) => `the environment variable ${p.name}`,
  itemConfig: (p) => `the setting ${p.name}`,
  itemRoute: (p) => `the route ${p.name}`,
  itemFormat: (p) => `support for ${p.name}`,
  itemDependency: (p) => `the ${p.scope === 'runtime' ? '' : `${p.scope} `}dependency ${p.name}${p.version ? ` ${p.version}` : ''}`,
  itemTest: (p) => `the test ${p.name}`,
  itemRename: (p) => `${p.old} to ${p.name}`,
  itemMove: (p) => `${p.name} to ${p.path}`,
  itemDefault: (p) => `the default of ${p.name} from ${p.old} to ${p.new}`,
  itemBump: (p) => `${p.name} ${p.old} → ${p.new}`,
  itemDowngrade: (p) => `${p.name} ${p.old} → ${p.new}`,
  itemAt: (p) => `${p.what} (${p.path})`,
  itemVersion: (p) => `the version of ${p.name} from ${p.old} to ${p.new}`,

  // Clauses of the summary's code sentence.
  clauseAdds: (p) => `adds ${p.items}`,
  clauseRemoves: (p) => `removes ${p.items}`,
  clauseRenames: (p) => `renames ${p.items}`,
  clauseMoves: (p) => `moves ${p.items}`,
  clauseSignature: (p) => `changes the signature of ${p.items}`,
  clauseDefaults: (p) => `changes ${p.items}`,
  clauseBumps: (p) => `bumps ${p.items}`,
  clauseDowngrades: (p) => `moves back ${p.items}`,
  clauseChanges: (p) => `changes ${p.items}`,
  clauseTests: (p) => `tests ${p.items}`,
  clauseVersion: (p) => `sets ${p.items}`,
  clauseTestsAdded: (p) => `adds the ${p.count === 1 ? 'test' : 'tests'} ${p.items}`,
  clauseTestsRemoved: (p) => `removes the ${p.count === 1 ? 'test' : 'tests'} ${p.items}`,
  clauseUses: (p) => `now uses ${p.items}`,
  clauseStopsUsing: (p) => `no longer uses ${p.items}`,
  clauseSeparator: () => '; ',
  sentence: (p) => `${cap(String(p.text))}.`,

  // Breaking: what breaks, named.
  brkDeclared: () => 'the commit header declares a breaking change',
  brkDeclaredText: (p) => `declared breaking: ${p.text}`,
  brkFlagRemoved: (p) => `removes the ${p.name} flag`,
  brkCommandRemoved: (p) => `removes the ${p.name} command`,
  brkConfigRemoved: (p) => `removes the setting ${p.name}`,
  brkRouteRemoved: (p) => `removes the route ${p.name}`,
  brkFormatRemoved: (p) => `drops support for ${p.name}`,
  brkDefaultChanged: (p) => `changes the default of ${p.name} from ${p.old} to ${p.new}`,
  brkPublicRemoved: (p) => `removes public ${p.name}`,
  brkPublicRenamed: (p) => `renames public ${p.old} to ${p.name}`,
  brkPublicAbstract: (p) => `makes public ${p.name} abstract`,
  brkVariantAdded: (p) => `adds the variant ${p.name} to public enum ${p.owner}, which is not \`#[non_exhaustive]\``,
  brkPublicSignature: (p) => `changes the signature of public ${p.name}`,

  // Importance reasons.
  reasonBreakingItems: (p) => `breaking: ${p.items}`,
  reasonSecurityCode: (p) => `security-relevant code: ${p.items}`,
  reasonReordered: (p) => `moves lines rather than changing them: ${p.moved} of ${p.removed} removed lines come back (in the files read)`,
  sentenceReordered: (p) => `Most lines only move: of the ${p.removed} lines removed from the files read, ${p.moved} come back in the same file (sorted, reformatted or reordered).`,
  reasonCiGains: (p) => `CI workflow ${p.path} gains ${p.detail}`,
  reasonApi: (p) => `changes the public API: ${p.items}`,
  reasonAdds: (p) => `adds ${p.items}`,
  reasonFeatureAdds: (p) => `new feature: adds ${p.items}`,
  reasonFixIn: (p) => `bug fix in ${p.items}`,
  reasonRefactorOf: (p) => `restructures ${p.items}`,
  reasonPerfIn: (p) => `performance change in ${p.items}`,
  reasonDefault: (p) => `changes the default of ${p.name} from ${p.old} to ${p.new}`,
  reasonDependencies: (p) => `dependency update: ${p.items}`,
  reasonTestsOf: (p) => `tests only: ${p.items}`,

  // Insights.
  insNewFile: (p) => `New file ${p.path} defines ${p.items}.`,
  insMoved: (p) => `Moves ${p.items}.`,
  insDependencyAdded: (p) => `Adds the ${p.scope} dependency ${p.name}${p.version ? ` ${p.version}` : ''} (${p.ecosystem}) in ${p.path}.`,
  insDependencyRemoved: (p) => `Drops the ${p.scope} dependency ${p.name} (${p.ecosystem}) from ${p.path}.`,
  insInterfaceAdded: (p) => `${cap(String(p.item))} is declared in ${p.path}${p.line ? `:${p.line}` : ''}.`,
  insApiChanged: (p) => `The public API in ${p.path} changes: ${p.items}.`,
  insPerfIn: (p) => `The message speaks of performance (“${p.word}”); the code changed is ${p.items}.`,
  insHotPath: (p) => `Changes ${p.items} on a hot path (${p.path}).`,
  insRuntimeDeps: (p) => `Runtime dependencies change (${p.items}): behaviour and size follow the new versions.`,
  insSecurityFacts: (p) => `Touches ${p.area}: ${p.items}.`,
  insHardening: (p) => `Hardening, as the subject says: the checks are in ${p.items}.`,
  insCiGains: (p) => `${p.path} gains ${p.detail}.`,
  insCiUnpinned: (p) => `${p.path} uses ${p.detail} without pinning it to a commit.`,

  // Risks and recommendations.
  riskItem: (p) => `${cap(String(p.item))}: ${p.consequence}.`,
  conseqDefinition: () => 'callers outside this repository break',
  conseqAbstract: () => 'code that creates it directly, or subclasses it without the abstract members, breaks',
  conseqVariant: () => 'an exhaustive `match` on it outside the crate stops compiling',
  conseqFlag: () => 'scripts and users that pass it get an error',
  conseqCommand: () => 'scripts and users that run it get an error',
  conseqConfig: () => 'configurations that set it stop working',
  conseqRoute: () => 'clients that call it get errors',
  conseqFormat: () => 'inputs in that format are no longer read',
  conseqDefault: () => 'existing users get different output',
  conseqDeclared: () => 'users of this code must adapt',
  recBreakingItems: (p) => `Name ${p.items} in the release notes and tell users what to use instead.`,
  recVariants: (p) => `Mark ${p.items} \`#[non_exhaustive]\` if more variants may come, and name the new ones in the release notes.`,
  recDefaults: (p) => `Mention the new default of ${p.items} in the release notes.`,
  riskCiGains: (p) => `${p.path} gains ${p.detail}: code from pull requests may reach it.`,
  riskCiText: (p) => `${p.path} now runs on ${p.detail}, whose titles and bodies anyone can write: a step that puts them in a shell command runs what they say.`,
  riskCiPermission: (p) => `${p.path} gains ${p.detail}: every step of the job, third-party actions included, can use it.`,
  riskCiTokenPermission: (p) => `${p.path} gains ${p.detail}: every step given that token, third-party actions included, can use it.`,
  riskCiSecret: (p) => `${p.path} now reads ${p.detail}: a step that prints it, or a compromised action, leaks it.`,
  recCiGains: (p) => `Review ${p.path}: keep its permissions to what each job needs and never run pull-request code with secrets.`,
  riskUnpinned: (p) => `${p.path} runs ${p.detail}, not pinned to a commit: whoever controls that action controls the job.`,
  recUnpinned: (p) => `Pin ${p.detail} to a full commit SHA.`,
  riskUntestedDefs: (p) => `Changes ${p.items} but no test of this commit names ${p.count === 1 ? 'it' : 'them'}.`,
  riskUntestedNoTests: (p) => `Changes ${p.items} without a test change.`,
  recTestCall: (p) => `Add a test that calls ${p.item}.`,
  riskUntestedFlag: (p) => `Adds ${p.items} but no test names ${p.count === 1 ? 'it' : 'them'}.`,
  recTestFlag: (p) => `Add a test that passes ${p.item}.`,
  recTestCommand: (p) => `Add a test that runs ${p.item}.`,
  riskUntestedFiles: (p) => `Changes ${p.paths} (+${p.additions}/−${p.deletions}) without a test change.`,
  recTestFiles: (p) => `Add tests that exercise ${p.paths}.`,
  riskDeletedDefs: (p) => `Deletes ${p.deletions} lines, among them ${p.items}.`,
  recDeletedDefs: (p) => `Check that nothing outside this commit still uses ${p.items}.`,
  riskSecurityRemoved: (p) => `Removes ${p.items} (${p.area}): check that no protection is lost.`,
  recSecurityReview: (p) => `Have the ${p.area} change in ${p.path} reviewed with security in mind.`,

  // Notes on the analysis itself.
  noteBudget: () => 'Code not read: this run spent its budget for reading code on newer commits; the analysis is from the message and file list.',
  noteUnparsed: (p) => `Not parsed: ${p.items}; facts for ${p.count === 1 ? 'it' : 'them'} come from the file list only.`,
  reasonWordSyntax: () => 'syntax error',
  reasonWordTooLarge: () => 'too large',
  reasonWordNotUtf8: () => 'not UTF-8',
  reasonWordBudget: () => 'over the budget',
  reasonWordUnreadable: () => 'unreadable',
} satisfies Record<string, Sentence>;

export type FactMessageKey = keyof typeof FACT_MESSAGES_EN;
