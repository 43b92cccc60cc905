import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A small OpenAI-compatible chat server on 127.0.0.1 for tests: real sockets, answers scripted per test. */

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed JSON body (undefined when it wasn't JSON). */
  body: ChatRequestBody | undefined;
  receivedAt: number;
}

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  stream?: boolean;
  response_format?: { type: string };
  stream_options?: { include_usage?: boolean };
}

export interface ResponderContext {
  /** Resolves when the client closed the connection before the answer was finished. */
  aborted: Promise<void>;
  isAborted: () => boolean;
}

export type Responder = (request: RecordedRequest, res: ServerResponse, ctx: ResponderContext) => void | Promise<void>;

export interface FakeServer {
  /** `http://127.0.0.1:PORT/v1` */
  baseUrl: string;
  /** Requests for commits' analyses (and anything that is not a headline request). */
  requests: RecordedRequest[];
  /**
   * Requests for the day's headline (the system message opens as headlineSystemPrompt's): kept apart, answered by
   * `headline`, so they neither take scripted answers nor count in `requests`.
   */
  headlineRequests: RecordedRequest[];
  headline: Responder;
  /** Most requests open at the same time. */
  readonly maxInFlight: number;
  /** Requests whose client went away before the answer was finished. */
  readonly aborted: number;
  /** Answers for the next requests, in order; when used up, `fallback` answers. */
  script(...responders: Responder[]): void;
  fallback: Responder;
  /** Resolves with the n-th request (1-based) once it has arrived; rejects after timeoutMs. */
  waitForRequest(n: number, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves once at least `atLeast` client aborts have been seen in all (default 1); rejects after timeoutMs. */
  waitForAbort(timeoutMs?: number, atLeast?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeServer(fallback: Responder = completion(validAnswer())): Promise<FakeServer> {
  const queue: Responder[] = [];
  const requests: RecordedRequest[] = [];
  const headlineRequests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let aborted = 0;
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const waiter of [...waiters]) waiter();
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let settled = false;
    let markAborted!: () => void;
    const abortedPromise = new Promise<void>((resolve) => (markAborted = resolve));
    let wasAborted = false;
    const done = (): void => {
      if (settled) return;
      settled = true;
      inFlight -= 1;
      notify();
    };
    res.on('finish', done);
    res.on('close', () => {
      if (!res.writableFinished) {
        wasAborted = true;
        aborted += 1;
        markAborted();
      }
      done();
    });

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: ChatRequestBody | undefined;
      try {
        body = JSON.parse(raw) as ChatRequestBody;
      } catch {
        body = undefined;
      }
      const request: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, body, receivedAt: Date.now() };
      const forHeadline = isHeadlineRequest(body);
      (forHeadline ? headlineRequests : requests).push(request);
      notify();
      const responder = forHeadline ? fake.headline : queue.shift() ?? fake.fallback;
      Promise.resolve(responder(request, res, { aborted: abortedPromise, isAborted: () => wasAborted })).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor = (check: () => boolean, what: string, timeoutMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`fake server: timed out waiting for ${what}`));
      }, timeoutMs);
      const waiter = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
    });

  const fake: FakeServer = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    headlineRequests,
    headline: headlineAnswer(),
    get maxInFlight() {
      return maxInFlight;
    },
    get aborted() {
      return aborted;
    },
    script: (...responders) => {
      queue.push(...responders);
    },
    fallback,
    waitForRequest: async (n, timeoutMs = 5000) => {
      await waitFor(() => requests.length >= n, `request ${n}`, timeoutMs);
      return requests[n - 1]!;
    },
    waitForAbort: (timeoutMs = 5000, atLeast = 1) => waitFor(() => aborted >= atLeast, `${atLeast} client aborts`, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** A request for the day's headline: its system message opens as headlineSystemPrompt's. */
export function isHeadlineRequest(body: ChatRequestBody | undefined): boolean {
  return body?.messages?.[0]?.content?.startsWith('You write the headline of a daily digest') === true;
}

/** A headline in the request's language (its system message says which), with nothing to ground. */
export function headlineAnswer(text: { en: string; zh: string } = { en: 'Several changes landed today.', zh: '今天合入了几项改动。' }): Responder {
  return (request, res, ctx) => {
    const zh = request.body?.messages?.[0]?.content?.includes('Simplified Chinese') === true;
    return completion(JSON.stringify({ headline: zh ? text.zh : text.en }))(request, res, ctx);
  };
}

/** The responders in turn, one a request; the last one answers every request after them. */
export function inTurn(...responders: Responder[]): Responder {
  let next = 0;
  return (request, res, ctx) => {
    const responder = responders[Math.min(next, responders.length - 1)]!;
    next += 1;
    return responder(request, res, ctx);
  };
}

export interface CompletionOptions {
  finishReason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  delayMs?: number;
}

/** A non-streaming chat completion whose message content is `content`. */
export function completion(content: string, options: CompletionOptions = {}): Responder {
  return async (_request, res, ctx) => {
    if (options.delayMs) await Promise.race([sleep(options.delayMs), ctx.aborted]);
    if (ctx.isAborted()) return;
    json(200, {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: options.finishReason ?? 'stop' }],
      usage: options.usage ?? { prompt_tokens: 100, completion_tokens: 20 },
    })(_request, res, ctx);
  };
}

/** Server-sent events: `content` in `pieces` chunks, then a finish chunk, a usage chunk and `[DONE]`. */
export function streamCompletion(content: string, options: CompletionOptions & { pieces?: number; includeUsage?: boolean } = {}): Responder {
  return async (_request, res, ctx) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const pieces = Math.max(1, options.pieces ?? 4);
    const size = Math.ceil(content.length / pieces);
    const send = (data: unknown): void => {
      res.write(`data: ${JSON.stringify(data)}\n\n`);
    };
    res.write(': keep-alive\n\n');
    send({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    for (let i = 0; i < content.length; i += size) {
      if (ctx.isAborted()) return;
      send({ choices: [{ index: 0, delta: { content: content.slice(i, i + size) }, finish_reason: null }] });
      await sleep(options.delayMs ?? 2);
    }
    send({ choices: [{ index: 0, delta: {}, finish_reason: options.finishReason ?? 'stop' }] });
    if (options.includeUsage !== false) send({ choices: [], usage: options.usage ?? { prompt_tokens: 120, completion_tokens: 30 } });
    res.write('data: [DONE]\n\n');
    res.end();
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_request, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** Headers sent, then nothing until the client goes away. */
export function hang(): Responder {
  return async (_request, res, ctx) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
    await ctx.aborted;
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A valid model answer (as the JSON text the model writes). */
export function validAnswer(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    changeType: 'fix',
    importance: 'high',
    breaking: false,
    reasons: ['The commit fixes a crash in the planner.'],
    summary: 'Fixes a crash in the planner when the queue is empty.',
    modules: ['src'],
    insights: { architecture: [], performance: [], security: [] },
    risks: ['Callers that relied on the old behaviour may need an update.'],
    recommendations: ['Add a regression test for the empty queue.'],
    ...overrides,
  });
}

/** A valid model answer written in Simplified Chinese. */
export function validAnswerZh(overrides: Record<string, unknown> = {}): string {
  return validAnswer({
    reasons: ['修复了规划器在队列为空时的崩溃。'],
    summary: '修复了规划器在队列为空时崩溃的问题。',
    risks: ['依赖旧行为的调用方可能需要更新。'],
    recommendations: ['为空队列补充一个回归测试。'],
    ...overrides,
  });
}

/** A chat completion whose message is a refusal (OpenAI's `message.refusal`), with no content. */
export function refusal(text = "I'm sorry, I can't help with that."): Responder {
  return json(200, {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 5 },
  });
}
