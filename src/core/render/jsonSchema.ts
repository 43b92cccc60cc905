import * as z from 'zod/mini';
import { CHANGE_TYPES, FALLBACK_CAUSES, IMPORTANCE_LEVELS } from '../domain/analysis.js';
import { LANGUAGES } from '../domain/language.js';
import type { Analysis } from '../domain/analysis.js';
import type { FileChange, Person } from '../domain/commit.js';
import type { AnalyzedCommit, ModelHeadline, ModelRun, RepoStats, Report, ReportWindow, RepositoryReport } from '../domain/report.js';
import { factSchema } from './factSchema.js';
import { MAX_STORED_FACTS } from '../domain/facts.js';
import { activitySchema, commitGroupSchema, commitOrderSchema, daySectionSchema, glanceSchema, webKindSchema } from './triageSchema.js';

/** The JSON report, schema version 1. docs/report-schema.md describes each field in prose. */

const count = z.int().check(z.nonnegative());

const personSchema = z.object({
  name: z.string(),
  email: z.string(),
  date: z.string().check(z.describe('ISO 8601 with the commit\'s own offset')),
});

const fileChangeSchema = z.object({
  path: z.string(),
  oldPath: z.optional(z.string()).check(z.describe('Source path of a rename (R) or copy (C)')),
  status: z.enum(['A', 'M', 'D', 'R', 'C', 'T']),
  additions: count,
  deletions: count,
  binary: z.boolean(),
});

const moduleImpactSchema = z.object({
  module: z.string(),
  files: count,
  additions: count,
  deletions: count,
});

const tokenUsageSchema = z.object({
  promptTokens: count,
  completionTokens: count,
});

const ANALYZERS = ['heuristic', 'openai-compatible', 'vscode-lm'] as const;

const fallbackSchema = z.object({
  cause: z.enum(FALLBACK_CAUSES),
  status: z.optional(z.int().check(z.positive())),
});

const groundingSchema = z.object({ dropped: count, reasons: z.array(z.string()) });

const analysisSchema = z.object({
  analyzer: z.enum(ANALYZERS),
  model: z.optional(z.string()),
  changeType: z.enum(CHANGE_TYPES),
  conventionalScope: z.optional(z.string()),
  importance: z.enum(IMPORTANCE_LEVELS),
  score: z.number(),
  reasons: z.array(z.string()),
  breaking: z.boolean(),
  summary: z.string(),
  scope: z.array(moduleImpactSchema),
  insights: z.object({
    architecture: z.array(z.string()),
    performance: z.array(z.string()),
    security: z.array(z.string()),
  }),
  security: z.boolean(),
  risks: z.array(z.string()),
  recommendations: z.array(z.string()),
  notes: z.array(z.string()),
  grounding: z.optional(groundingSchema),
  usage: z.optional(tokenUsageSchema),
  fallback: z.optional(fallbackSchema)
    .check(z.describe('Set when a language model was asked and this offline analysis was kept: why')),
  facts: z.optional(z.array(factSchema))
    .check(z.describe(`What the code changed, each fact with its file and line; the most telling first, at most ${MAX_STORED_FACTS}`)),
});

const modelHeadlineSchema = z.object({
  analyzer: z.enum(ANALYZERS),
  model: z.string(),
  text: z.optional(z.string()).check(z.describe('Absent when the model\'s headline could not be used: the notes say why')),
  notes: z.array(z.string()),
  fallback: z.optional(fallbackSchema),
  grounding: z.optional(groundingSchema),
  usage: z.optional(tokenUsageSchema),
});

const analyzedCommitSchema = z.object({
  sha: z.string(),
  shortSha: z.string(),
  parents: z.array(z.string()),
  author: personSchema,
  committer: personSchema,
  subject: z.string(),
  body: z.string(),
  trailers: z.array(z.object({ key: z.string(), value: z.string() })),
  prNumber: z.optional(z.int().check(z.positive())),
  files: z.array(fileChangeSchema),
  url: z.optional(z.string()),
  filesTruncated: z.optional(z.boolean()),
  filesTotal: z.optional(z.object({ files: count, additions: count, deletions: count }))
    .check(z.describe('Whole-commit totals when files was cut short')),
  unreadable: z.optional(z.string())
    .check(z.describe('Why the file list could not be read (git\'s one line, naming the missing object); files is then empty')),
  analysis: analysisSchema,
});

const repositoryReportSchema = z.object({
  name: z.string(),
  path: z.string(),
  ref: z.string(),
  webUrl: z.optional(z.string()),
  webKind: z.optional(webKindSchema),
  error: z.optional(z.string()),
  warnings: z.array(z.string()),
  stats: z.object({
    commits: count,
    high: count,
    medium: count,
    low: count,
    authors: count,
    additions: count,
    deletions: count,
  }),
  commits: z.array(analyzedCommitSchema).check(z.describe('Newest first by the chosen date field')),
  glance: z.optional(glanceSchema),
  groups: z.optional(z.array(commitGroupSchema)),
  days: z.optional(z.array(daySectionSchema)).check(z.describe('The commits by day, newest day first')),
  activity: z.optional(activitySchema),
  lastCommitDay: z.optional(z.string()).check(z.describe('For a window without commits: the day of the newest commit')),
  modelHeadline: z.optional(modelHeadlineSchema)
    .check(z.describe('The day\'s headline written by the language model from the analyses, when a model was used')),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: z.string().check(z.describe('ISO 8601 instant the report was produced')),
  window: z.object({
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    dateField: z.enum(['committer', 'author']),
    label: z.string(),
  }).check(z.describe('Half-open time window [start, end)')),
  language: z.enum(LANGUAGES),
  order: z.optional(commitOrderSchema),
  repositories: z.array(repositoryReportSchema),
  usage: z.optional(tokenUsageSchema),
  modelRun: z.optional(z.object({
    analyzer: z.enum(ANALYZERS),
    model: z.string(),
    commits: count,
    analyzed: count,
    cached: count,
    offline: count,
    causes: z.array(z.object({ cause: z.enum(FALLBACK_CAUSES), status: z.optional(z.int().check(z.positive())), commits: count })),
    stopped: z.optional(z.enum(['cancelled', 'time-limit'])),
  })).check(z.describe('What the language model did in this run, when one was used')),
});

// Fails to compile when the schema and the model drift apart in either direction.
type SchemaReport = z.infer<typeof reportSchema>;
const modelFitsSchema = (report: Report): SchemaReport => report;
const schemaFitsModel = (report: SchemaReport): Report => report;
void modelFitsSchema;
void schemaFitsModel;

// Assignability ignores an optional field added to the model, so also require the same keys.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type RepoOf<T extends { repositories: unknown[] }> = T['repositories'][number];
type SchemaRepo = RepoOf<SchemaReport>;
type SchemaCommit = SchemaRepo['commits'][number];
const sameKeys: [
  SameKeys<Report, SchemaReport>,
  SameKeys<ReportWindow, SchemaReport['window']>,
  SameKeys<RepositoryReport, SchemaRepo>,
  SameKeys<RepoStats, SchemaRepo['stats']>,
  SameKeys<AnalyzedCommit, SchemaCommit>,
  SameKeys<Person, SchemaCommit['author']>,
  SameKeys<FileChange, SchemaCommit['files'][number]>,
  SameKeys<Analysis, SchemaCommit['analysis']>,
  SameKeys<ModelRun, NonNullable<SchemaReport['modelRun']>>,
  SameKeys<ModelHeadline, NonNullable<SchemaRepo['modelHeadline']>>,
] = [true, true, true, true, true, true, true, true, true, true];
void sameKeys;

export const REPORT_SCHEMA_ID = 'https://daily-digest.invalid/schema/report-v1.json';

/** JSON Schema (draft 2020-12) of renderJson's output. */
export const reportJsonSchema: Record<string, unknown> = {
  ...z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }),
  $id: REPORT_SCHEMA_ID,
  title: 'Daily Digest report, schema version 1',
};
