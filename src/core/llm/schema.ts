import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { CHANGE_TYPES, IMPORTANCE_LEVELS } from '../domain/analysis.js';

// zod/mini (a fraction of full zod's size and load time) has no messages of its own: the English ones, as full zod
// gives. The messages go back to the model when its answer is retried.
z.config(en());

/** Limits of the model's answer: characters per field, items per list. Lists longer than the limit are cut. */
export const OUTPUT_LIMITS = {
  summary: 600,
  item: 300,
  reasons: 5,
  modules: 10,
  module: 120,
  insights: 3,
  risks: 5,
  recommendations: 5,
} as const;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** A list whose extra items are dropped (not an error) and whose blank items are ignored. */
const list = (maxItems: number, maxChars: number) =>
  z.pipe(
    z.transform((value: unknown) =>
      (Array.isArray(value) ? value.filter((item) => !(typeof item === 'string' && !item.trim())).slice(0, maxItems) : value)),
    z.array(text(maxChars)),
  );

/** Ends like a finished sentence: . ! ? … 。！？ possibly followed by closing quotes or brackets. */
const FINISHED = /[.!?…。！？]["'”’」』)）\]]*$/u;

export const ModelOutputSchema = z.object({
  changeType: z.enum(CHANGE_TYPES),
  importance: z.enum(IMPORTANCE_LEVELS),
  breaking: z.optional(z.boolean()),
  reasons: list(OUTPUT_LIMITS.reasons, OUTPUT_LIMITS.item),
  summary: text(OUTPUT_LIMITS.summary).check(z.refine((value) => FINISHED.test(value), {
    message: 'must be one or more complete sentences ending with punctuation',
  })),
  modules: z.optional(list(OUTPUT_LIMITS.modules, OUTPUT_LIMITS.module)),
  insights: z.object({
    architecture: list(OUTPUT_LIMITS.insights, OUTPUT_LIMITS.item),
    performance: list(OUTPUT_LIMITS.insights, OUTPUT_LIMITS.item),
    security: list(OUTPUT_LIMITS.insights, OUTPUT_LIMITS.item),
  }),
  risks: list(OUTPUT_LIMITS.risks, OUTPUT_LIMITS.item),
  recommendations: list(OUTPUT_LIMITS.recommendations, OUTPUT_LIMITS.item),
});

export type ModelOutput = z.infer<typeof ModelOutputSchema>;

export type ParseOutcome =
  | { ok: true; value: ModelOutput }
  /**
   * `invalid-json`: not JSON (prose, or JSON that stops before it is closed: only the transport's finish reason
   * says whether the token limit cut it); `invalid-shape`: JSON of the wrong shape, the error naming the fields.
   */
  | { ok: false; kind: 'invalid-json' | 'invalid-shape'; error: string };

/**
 * Reads the model's answer: drops `<think>` blocks and Markdown fences, takes the outermost JSON object and
 * validates it. Never throws.
 */
export function parseModelOutput(raw: string): ParseOutcome {
  const cleaned = raw.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/^[\s\S]*<\/think>/i, '').trim();
  const unfenced = cleaned.replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  const start = unfenced.indexOf('{');
  if (start < 0) return { ok: false, kind: 'invalid-json', error: 'the answer contains no JSON object' };
  const end = unfenced.lastIndexOf('}');
  const candidate = end > start ? unfenced.slice(start, end + 1) : unfenced.slice(start);
  let data: unknown;
  try {
    data = JSON.parse(candidate);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = unclosed(unfenced.slice(start))
      ? 'the JSON object is never closed'
      : `the answer is not valid JSON (${message.split('\n')[0]})`;
    return { ok: false, kind: 'invalid-json', error: reason };
  }
  const result = ModelOutputSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, kind: 'invalid-shape', error: describeIssues(result.error) };
}

/** Unbalanced braces or an unterminated string: the text stopped before the JSON did. */
function unclosed(json: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const char = json[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
  }
  return inString || depth > 0;
}

/** Zod issues as one line: `summary: must be … ; insights.security: expected array`. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 6)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The JSON shape, as the system prompt shows it. */
export const OUTPUT_SHAPE = `{
  "changeType": one of ${CHANGE_TYPES.map((t) => `"${t}"`).join(', ')},
  "importance": one of "high", "medium", "low",
  "breaking": true or false,
  "reasons": [up to ${OUTPUT_LIMITS.reasons} short sentences: why this importance],
  "summary": "one to three sentences: what the commit does and why (at most ${OUTPUT_LIMITS.summary} characters)",
  "modules": [up to ${OUTPUT_LIMITS.modules} module names, from the listed modules, most affected first],
  "insights": {
    "architecture": [up to ${OUTPUT_LIMITS.insights} sentences, or empty],
    "performance": [up to ${OUTPUT_LIMITS.insights} sentences, or empty],
    "security": [up to ${OUTPUT_LIMITS.insights} sentences, or empty]
  },
  "risks": [up to ${OUTPUT_LIMITS.risks} sentences, or empty],
  "recommendations": [up to ${OUTPUT_LIMITS.recommendations} sentences, or empty]
}`;
