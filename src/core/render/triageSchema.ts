import * as z from 'zod/mini';
import { CHANGE_TYPES, IMPORTANCE_LEVELS } from '../domain/analysis.js';
import { COMMIT_ORDERS } from '../domain/triage.js';
import type { ActivityCalendar, CommitGroup, DaySection, Glance } from '../domain/triage.js';
import { WEB_KINDS } from '../domain/web.js';

/** The schemas of the report's triage fields (src/core/model/triage.ts); jsonSchema.ts puts them in the report. */

const count = z.int().check(z.nonnegative());
const day = z.string().check(z.describe('YYYY-MM-DD'));

export const commitOrderSchema = z.enum(COMMIT_ORDERS);
export const webKindSchema = z.enum(WEB_KINDS);

export const glanceSchema = z.object({
  headline: z.array(z.object({
    sha: z.string(),
    importance: z.enum(IMPORTANCE_LEVELS),
    breaking: z.boolean(),
    gist: z.string(),
    details: z.array(z.string()),
  })),
  more: count,
  commits: count,
  high: count,
  medium: count,
  low: count,
  breakingChanges: count,
  types: z.array(z.object({ type: z.enum(CHANGE_TYPES), commits: count })),
  modules: z.array(z.object({ name: z.string(), commits: count, additions: count, deletions: count })),
  authors: z.array(z.object({ name: z.string(), commits: count })),
  otherAuthors: count,
}).check(z.describe('The day at a glance: the changes that matter, then counts'));

export const commitGroupSchema = z.object({
  kind: z.enum(['bot', 'deps']),
  author: z.string(),
  shas: z.array(z.string()),
  dependencyUpdates: count,
  updates: z.array(z.object({ name: z.string(), version: z.optional(z.string()) })),
  moreUpdates: count,
}).check(z.describe('Commits folded into one line: a bot\'s, or people\'s dependency bumps'));

export const daySectionSchema = z.object({
  day,
  commits: count,
  high: count,
  medium: count,
  low: count,
  shas: z.array(z.string()),
});

export const activitySchema = z.object({
  from: day,
  to: day,
  counts: z.array(count),
}).check(z.describe('Commits per day from `from` to `to`, oldest first'));

// Fails to compile when a schema and its model type drift apart.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const fits: [
  (value: Glance) => z.infer<typeof glanceSchema>,
  (value: z.infer<typeof glanceSchema>) => Glance,
  (value: CommitGroup) => z.infer<typeof commitGroupSchema>,
  (value: z.infer<typeof commitGroupSchema>) => CommitGroup,
  (value: DaySection) => z.infer<typeof daySectionSchema>,
  (value: ActivityCalendar) => z.infer<typeof activitySchema>,
] = [(v) => v, (v) => v, (v) => v, (v) => v, (v) => v, (v) => v];
const sameKeys: [
  SameKeys<Glance, z.infer<typeof glanceSchema>>,
  SameKeys<Glance['headline'][number], z.infer<typeof glanceSchema>['headline'][number]>,
  SameKeys<CommitGroup, z.infer<typeof commitGroupSchema>>,
  SameKeys<DaySection, z.infer<typeof daySectionSchema>>,
  SameKeys<ActivityCalendar, z.infer<typeof activitySchema>>,
] = [true, true, true, true, true];
void fits;
void sameKeys;
