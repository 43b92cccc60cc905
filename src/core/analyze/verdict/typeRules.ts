import type { ChangeType } from '../../domain/analysis.js';

/** Conventional Commits header types (lower case) and what they mean here. Unknown types are not conventional. */
export const CONVENTIONAL_TYPES: Readonly<Record<string, ChangeType>> = {
  feat: 'feature', feature: 'feature',
  fix: 'fix', bugfix: 'fix', hotfix: 'fix',
  perf: 'perf',
  refactor: 'refactor',
  docs: 'docs', doc: 'docs',
  test: 'test', tests: 'test',
  ci: 'ci',
  build: 'build',
  deps: 'deps', dep: 'deps',
  chore: 'chore',
  style: 'style',
  revert: 'revert',
  security: 'security', sec: 'security',
};

/** Scopes that refine a conventional type: `chore(deps): bump …` is a dependency update. First match wins. */
export const CONVENTIONAL_SCOPE_RULES: readonly { scope: RegExp; types: readonly ChangeType[]; changeType: ChangeType }[] = [
  { scope: /^(deps|deps-dev|dev-deps|dependencies|dependabot|renovate)$/i, types: ['chore', 'build', 'fix', 'ci'], changeType: 'deps' },
  { scope: /^(security|sec|cve)$/i, types: ['fix', 'chore'], changeType: 'security' },
];

/**
 * Subjects that refine a conventional type, as scopes do: `fix: skip the flaky pager test on macOS` changes the test
 * suite, not the product. First match wins.
 */
export const CONVENTIONAL_SUBJECT_RULES: readonly { pattern: RegExp; types: readonly ChangeType[]; changeType: ChangeType }[] = [
  {
    pattern: /\b(flaky|flakiness|xfail|skip(s|ped|ping)?\b[^.]*\btests?\b|(disable[sd]?|quarantine[sd]?|mark(s|ed)?)\b[^.]*\btests?\b)/i,
    types: ['fix', 'chore', 'ci', 'build'],
    changeType: 'test',
  },
  // `fix: revert "fix: …"`, `chore: revert #123`: the declared type is the reverted change's, the change is a revert.
  // A version moved back (`fix(deps): revert foo to 2.1.0`) is a dependency change: only a quoted or numbered change counts.
  { pattern: /^revert(s|ed|ing)?\b[,:]?\s*(["'“`#]|(commit|pr|pull request|change|[0-9a-f]{7,40})\b)/i, types: ['fix', 'feature', 'chore', 'refactor', 'perf', 'build', 'ci', 'test', 'deps', 'security'], changeType: 'revert' },
];

/**
 * Area prefixes that say what kind of change a free-form subject is (`lint: use cloned() …`, `clippy: …`): the area
 * is the linter, so the change is a clean-up whatever its verb. Tested before the keywords.
 */
export const AREA_TYPE_RULES: readonly { area: RegExp; changeType: ChangeType }[] = [
  { area: /^(lint|lints|linter|clippy|pylint|eslint|ruff)$/i, changeType: 'refactor' },
  { area: /^(fmt|format|formatting|rustfmt|gofmt|prettier|black)$/i, changeType: 'style' },
];

/**
 * A keyword rule for free-form messages, tested against the subject without its area prefix.
 * `strong` guesses keep their type even when the files say otherwise (see docs/rules.md, precedence).
 */
export interface KeywordRule {
  pattern: RegExp;
  changeType: ChangeType;
  strong: boolean;
}

/** Ordered: the first matching rule decides. */
export const KEYWORD_RULES: readonly KeywordRule[] = [
  { pattern: /^revert\b/i, changeType: 'revert', strong: true },
  {
    // `Merge commit from fork` is the subject GitHub gives the merge of a private security-advisory fork.
    pattern: /\b(CVE-\d{4}-\d+|GHSA(-[a-z0-9]{4}){3}|XSS|CSRF|SSRF|RCE|vulnerab(le|ility|ilities)|security (fix|issue|patch|hole)|privilege escalation|path traversal|(sql|command|code) injection)\b|^merge commit from fork(?=\s*$)/i,
    changeType: 'security',
    strong: true,
  },
  {
    pattern: /^(bump|release|prepare release|cut release)\s+(the\s+)?(version|release)\b|^release\s+v?\d|^(start|begin|open)\s+(the\s+)?(version|release|development)\b|^v?\d+\.\d+(\.\d+)*([-.+]\w+)?$|^[\w@/.-]+@v?\d+\.\d+(\.\d+)*$/i,
    changeType: 'chore',
    strong: false,
  },
  {
    pattern: /^(bumps?|upgrades?|updates?)\s+(\S+\s+)?(dependency|dependencies|deps|requirements?|lock ?file)\b|^(bumps?|upgrades?|updates?)\s+\S+\s+from\s+\S+\s+to\s+\S+|^bumps?\b/i,
    changeType: 'deps',
    strong: false,
  },
  {
    pattern: /^(optimi[sz]e[sd]?|speed(s|ed)? up|accelerate[sd]?|improve[sd]? (the )?(performance|speed|latency|throughput)|make .+ faster|reduce[sd]? (memory|latency|allocations?|cpu|overhead|copies|contention))\b/i,
    changeType: 'perf',
    strong: false,
  },
  {
    pattern: /^(fix(es|ed|ing)?|bug ?fix|resolve[sd]?|correct(s|ed)?|patch(es|ed)?|prevent(s|ed)?|avoid(s|ed)?|handle[sd]?|repair(s|ed)?|workaround|ensure[sd]?|guard(s|ed)?|honou?r(s|ed)?|respect(s|ed)?|stop(s|ped)?|don'?t|do not|never|die|reject(s|ed)?|restore[sd]?|report (the )?(real|correct|actual))\b/i,
    changeType: 'fix',
    strong: false,
  },
  {
    pattern: /^(refactor(s|ed|ing)?|clean ?(s )?up|cleanup|simplif(y|ies|ied)|rename[sd]?|restructure[sd]?|reorgani[sz]e[sd]?|extract(s|ed)?|move[sd]?|tidy|deduplicate[sd]?|split|embed(s|ded)?|unif(y|ies|ied)|consolidate[sd]?|inline[sd]?|factor(s|ed)? out|decouple[sd]?|generali[sz]e[sd]?|give[sn]? .+ (its|their) own|switch(es|ed)? .*\bto\b|use[sd]? .+ instead|replace[sd]? .+ with)\b/i,
    changeType: 'refactor',
    strong: false,
  },
  { pattern: /^(document(s|ed)?|docs?\b|(add|update|improve)s? (the )?(readme|docs|documentation|changelog|comments?|docstrings?))/i, changeType: 'docs', strong: false },
  {
    pattern: /^((add|update|fix|improve)s? (unit |integration |e2e )?tests?|tests?\b)|^(add|update|fix|improve|expand|extend|cover)s?\b[^.]*\b(tests?|test cases?|test coverage)$/i,
    changeType: 'test',
    strong: false,
  },
  { pattern: /^(ci\b|github actions?\b|(add|update|fix)s? (the )?(ci|workflows?|pipeline)\b)/i, changeType: 'ci', strong: false },
  { pattern: /^(build\b|makefile\b|cmake\b|dockerfile\b)/i, changeType: 'build', strong: false },
  { pattern: /^(format(s|ted)?|reformat(s|ted)?|lint(s|ed)?|run (prettier|gofmt|black|rustfmt|clang-format))\b/i, changeType: 'style', strong: false },
  {
    pattern: /^(adds?|added|implement(s|ed)?|introduce[sd]?|support(s|ed)?|enable[sd]?|allow(s|ed)?|create[sd]?|new)\b/i,
    changeType: 'feature',
    strong: false,
  },
  { pattern: /^(update[sd]?|upgrade[sd]?|remove[sd]?|delete[sd]?|drop(s|ped)?|chore|merge)\b/i, changeType: 'chore', strong: false },
];

/**
 * Words anywhere in a free-form subject that name a defect, for subjects no verb of KEYWORD_RULES starts
 * (`bisect: NULL commit in bisect_successful()`, `shallow: use-after-free in …`). Only a commit with no type yet.
 */
export const FIX_WORDS =
  /\b(NULL|null pointer|nil pointer|crash(es|ed|ing)?|segfaults?|use-after-free|double free|leak(s|ed|ing)?|data race|races?|deadlocks?|regressions?|broken|typos?|off-by-one|wrong|incorrect(ly)?|overflows?|underflows?|panics?|bugs?)\b/;

/** Words anywhere in the message that say the change restructures code without changing behaviour. */
export const REFACTOR_WORDS =
  /\b(clean(s|ed|ing)? up|cleanup|refactor\w*|simplif(y|ies|ied|ying)|deduplicat\w+|no (functional|behaviou?r(al)?|user-facing) changes?|without (any )?(functional|behaviou?r(al)?) changes?|NFC|pure refactor\w*|code movement|mechanical (change|rename))\b/i;

/**
 * `net/http: fix …`, `runtime, cmd/go: add …`, `[planner] fix …`: a subsystem prefix as Go, the Linux kernel
 * and many other repositories write it. The text after it is matched against KEYWORD_RULES.
 */
export const AREA_PREFIXES: readonly RegExp[] = [
  /^[A-Za-z0-9_.\-/*]+(?:\s*,\s*[A-Za-z0-9_.\-/*]+)*:\s+(\S.*)$/,
  /^\[[^\]\r\n]{1,60}\]\s*:?\s*(\S.*)$/,
];

/** Build definitions and container files: a commit changing only these (and docs) is a build change. */
export const BUILD_FILE =
  /(^|\/)(Dockerfile[^/]*|[^/]*\.dockerfile|Containerfile|\.dockerignore|docker-compose[^/]*\.ya?ml|Makefile|GNUmakefile|[^/]*\.mk|CMakeLists\.txt|[^/]*\.cmake|CMakePresets\.json|CMakeUserPresets\.json|meson\.build|meson_options\.txt|meson\.options|BUILD|BUILD\.bazel|WORKSPACE|[^/]*\.bzl|configure\.ac|Makefile\.am|[^/]*\.vcxproj|MANIFEST\.in|build\.rs)$|(^|\/)(build|packaging)\/|^contrib\/build|^scripts\/build/;

/** File-only overrides: when every file has one of `classes`, the commit is `changeType`. First match wins. */
export const FILE_TYPE_RULES: readonly { classes: readonly string[]; paths?: RegExp; changeType: ChangeType }[] = [
  { classes: ['docs'], changeType: 'docs' },
  { classes: ['test'], changeType: 'test' },
  // Anything under .github/ but its docs (issue templates, CODEOWNERS aside) is the CI's configuration.
  { classes: ['ci'], paths: /^\.github\/(?!.*\.(md|txt)$)/, changeType: 'ci' },
  { classes: ['manifest', 'lockfile'], changeType: 'deps' },
  { classes: [], paths: BUILD_FILE, changeType: 'build' },
];
