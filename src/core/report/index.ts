// What the adapters (the CLI, the extension's tree and webview) use to show a day: the glance, the folded groups,
// the days, the table order, the calendar and the last commit day, all from the report model.
export { triageOf, triageFieldsOf, historyHints } from './triage.js';
export type { TriageFields, TriageSettings } from './triage.js';
export { computeGlance } from './glance.js';
export { DEFAULT_BOT_PATTERNS, foldedShas, groupCommits, isBotAuthor } from './groups.js';
export { dependencyUpdateOf } from './dependencyUpdates.js';
export { commitDay, daySections, activityCalendar } from './days.js';
export { orderCommits } from './order.js';
export { lastCommitDay, readActivityCalendar } from './activity.js';
