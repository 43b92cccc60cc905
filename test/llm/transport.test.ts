import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DigestError } from '../../src/core/errors.js';
import { ModelError, createOpenAiCompatibleTransport, parseRetryAfter, PROVIDER_PRESETS } from '../../src/core/llm/index.js';
import type { ChatMessage } from '../../src/core/llm/index.js';
import { completion, hang, json, startFakeServer, streamCompletion, validAnswer } from './fakeOpenAiServer.js';
import type { FakeServer } from './fakeOpenAiServer.js';

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Answer in JSON.' },
  { role: 'user', content: 'What changed?' },
];
const options = () => ({ signal: new AbortController().signal, jsonMode: true });

describe('OpenAI-compatible transport', () => {
  let server: FakeServer;
  before(async () => {
    server = await startFakeServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  test('posts model, messages, JSON response format and temperature 0 to /chat/completions; the key only in the header', async () => {
    const transport = createOpenAiCompatibleTransport({ baseUrl: `${server.baseUrl}/`, model: 'qwen2.5-coder:7b', apiKey: 'sk-secret-123' });
    const result = await transport.complete(MESSAGES, options());
    const request = server.requests[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1/chat/completions');
    assert.equal(request.headers.authorization, 'Bearer sk-secret-123');
    assert.ok(!request.url.includes('sk-secret'), 'no key in the URL');
    assert.equal(request.body?.model, 'qwen2.5-coder:7b');
    assert.deepEqual(request.body?.messages, MESSAGES);
    assert.deepEqual(request.body?.response_format, { type: 'json_object' });
    assert.equal(request.body?.temperature, 0);
    assert.equal(request.body?.stream, false);
    assert.equal(result.text, validAnswer());
    assert.equal(result.finishReason, 'stop');
    assert.deepEqual(result.usage, { promptTokens: 100, completionTokens: 20 });
    assert.equal(transport.id, 'openai-compatible');
    assert.equal(transport.model, 'qwen2.5-coder:7b');
  });

  test('sends no Authorization header without a key, and none smuggled through extra headers', async () => {
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', headers: { Authorization: 'Bearer nope', 'x-title': 'Daily Digest' } });
    await transport.complete(MESSAGES, { ...options(), jsonMode: false });
    const request = server.requests[0]!;
    assert.equal(request.headers.authorization, undefined);
    assert.equal(request.headers['x-title'], 'Daily Digest');
    assert.equal(request.body?.response_format, undefined);
  });

  test('reads a streamed answer (SSE chunks, keep-alive comments, usage chunk, [DONE])', async () => {
    server.script(streamCompletion(validAnswer(), { pieces: 7, usage: { prompt_tokens: 321, completion_tokens: 54 } }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', stream: true });
    const result = await transport.complete(MESSAGES, options());
    assert.equal(server.requests[0]!.body?.stream, true);
    assert.deepEqual(server.requests[0]!.body?.stream_options, { include_usage: true });
    assert.equal(result.text, validAnswer());
    assert.equal(result.finishReason, 'stop');
    assert.deepEqual(result.usage, { promptTokens: 321, completionTokens: 54 });
  });

  test('detects finish_reason length, streamed or not', async () => {
    server.script(streamCompletion('{"summary": "cut', { finishReason: 'length', includeUsage: false }), completion('{"a":', { finishReason: 'length' }));
    const streaming = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', stream: true });
    const streamed = await streaming.complete(MESSAGES, options());
    assert.equal(streamed.finishReason, 'length');
    assert.equal(streamed.usage, undefined);
    const plain = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm' });
    assert.equal((await plain.complete(MESSAGES, options())).finishReason, 'length');
  });

  test('a server that ignores stream:true and answers plain JSON is still read', async () => {
    server.script(completion('{"ok":true}'));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', stream: true });
    assert.equal((await transport.complete(MESSAGES, options())).text, '{"ok":true}');
  });

  test('retries HTTP 429 after the Retry-After delay, then succeeds', async () => {
    server.script(json(429, { error: { message: 'slow down' } }, { 'retry-after': '1' }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', retryBaseMs: 10 });
    const result = await transport.complete(MESSAGES, options());
    assert.equal(result.text, validAnswer());
    assert.equal(server.requests.length, 2);
    const waited = server.requests[1]!.receivedAt - server.requests[0]!.receivedAt;
    assert.ok(waited >= 950, `waited ${waited} ms, Retry-After asked for 1 s`);
    assert.ok(waited < 3000, `waited ${waited} ms`);
  });

  test('retries HTTP 500 with exponential backoff, then succeeds', async () => {
    server.script(json(500, { error: 'boom' }), json(503, { error: 'busy' }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', retryBaseMs: 40 });
    const result = await transport.complete(MESSAGES, options());
    assert.equal(result.text, validAnswer());
    assert.equal(server.requests.length, 3);
    const first = server.requests[1]!.receivedAt - server.requests[0]!.receivedAt;
    const second = server.requests[2]!.receivedAt - server.requests[1]!.receivedAt;
    assert.ok(first >= 35, `first wait ${first} ms`);
    assert.ok(second >= 75, `second wait ${second} ms (doubled)`);
  });

  test('gives up after maxRetries with a one-line message naming cause and fix', async () => {
    server.script(json(502, { error: { message: 'bad gateway' } }), json(502, {}), json(502, {}));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', retryBaseMs: 1, maxRetries: 2 });
    await assert.rejects(transport.complete(MESSAGES, options()), (error: unknown) => {
      assert.ok(error instanceof ModelError);
      assert.equal(error.code, 'server');
      assert.match(error.message, /still answered HTTP 502 after 2 retries/);
      assert.ok(!error.message.includes('\n'));
      return true;
    });
    assert.equal(server.requests.length, 3);
  });

  test('401 names the key variable and never echoes the key', async () => {
    server.script(json(401, { error: { message: 'Incorrect API key provided: sk-leaky-999' } }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', apiKey: 'sk-leaky-999' });
    await assert.rejects(transport.complete(MESSAGES, options()), (error: unknown) => {
      assert.ok(error instanceof ModelError);
      assert.equal(error.code, 'auth');
      assert.match(error.message, /--api-key-env/);
      assert.ok(!error.message.includes('sk-leaky-999'), error.message);
      assert.ok(!error.format('zh-CN').includes('sk-leaky-999'));
      return true;
    });
  });

  test('404 says to check the base URL and the model', async () => {
    server.script(json(404, { error: { message: "model 'nope' not found" } }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'nope' });
    await assert.rejects(transport.complete(MESSAGES, options()), /answered HTTP 404 \(model 'nope' not found\): check that --base-url ends with \/v1 and that model "nope" exists/);
  });

  test('a server that rejects response_format is asked again without it', async () => {
    server.script(json(400, { error: "'response_format.type' must be 'json_schema' or 'text'" }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm' });
    await transport.complete(MESSAGES, options());
    assert.equal(server.requests.length, 2);
    assert.deepEqual(server.requests[0]!.body?.response_format, { type: 'json_object' });
    assert.equal(server.requests[1]!.body?.response_format, undefined);
    await transport.complete(MESSAGES, options());
    assert.equal(server.requests[2]!.body?.response_format, undefined, 'remembered for this transport');
  });

  test('an abort cancels the request in flight promptly and the server sees the socket close', async () => {
    server.script(hang());
    const abortsBefore = server.aborted;
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm' });
    const controller = new AbortController();
    const pending = transport.complete(MESSAGES, { signal: controller.signal, jsonMode: true });
    await server.waitForRequest(1);
    const started = Date.now();
    controller.abort();
    await assert.rejects(pending, (error: unknown) => error instanceof DigestError && error.code === 'cancelled');
    assert.ok(Date.now() - started < 500, 'rejected promptly');
    await server.waitForAbort(2000, abortsBefore + 1);
  });

  test('an abort in the middle of a slow stream closes the socket promptly', async () => {
    server.script(streamCompletion(validAnswer(), { pieces: 50, delayMs: 100 }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', stream: true });
    const controller = new AbortController();
    const abortsBefore = server.aborted;
    const pending = transport.complete(MESSAGES, { signal: controller.signal, jsonMode: true });
    await server.waitForRequest(1);
    setTimeout(() => controller.abort(), 250);
    const started = Date.now();
    await assert.rejects(pending, (error: unknown) => error instanceof DigestError && error.code === 'cancelled');
    assert.ok(Date.now() - started < 1000);
    await server.waitForAbort(2000, abortsBefore + 1);
  });

  test('an abort during a Retry-After wait cancels at once', async () => {
    server.script(json(429, {}, { 'retry-after': '30' }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm' });
    const controller = new AbortController();
    const pending = transport.complete(MESSAGES, { signal: controller.signal, jsonMode: true });
    await server.waitForRequest(1);
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await assert.rejects(pending, (error: unknown) => error instanceof DigestError && error.code === 'cancelled');
    assert.ok(Date.now() - started < 1000);
    assert.equal(server.requests.length, 1);
  });

  test('a slow answer times out with a one-line message', async () => {
    server.script(hang());
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', timeoutMs: 150, maxTimeoutRetries: 0 });
    await assert.rejects(transport.complete(MESSAGES, options()), (error: unknown) => {
      assert.ok(error instanceof ModelError);
      assert.equal(error.code, 'timeout');
      assert.match(error.message, /did not answer within 0\.2 s|did not answer within 0\.15 s/);
      return true;
    });
  });

  test('a timed-out attempt is tried once more at once; after a retry timed out too, timeouts are not retried', async () => {
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm', timeoutMs: 150 });
    server.script(hang());
    assert.equal((await transport.complete(MESSAGES, options())).text, validAnswer(), 'the second try answered');
    assert.equal(server.requests.length, 2);
    assert.ok(server.requests[1]!.receivedAt - server.requests[0]!.receivedAt < 400, 'no backoff after a timeout');
    server.script(hang(), hang(), hang());
    await assert.rejects(transport.complete(MESSAGES, options()), /did not answer within 0\.2 s \(2 tries\)|within 0\.15 s \(2 tries\)/);
    await assert.rejects(transport.complete(MESSAGES, options()), (error: unknown) => error instanceof ModelError && !/tries/.test(error.message));
    assert.equal(server.requests.length, 5);
  });

  test('the run deadline cuts an attempt and stops retries: time-limit', async () => {
    server.script(hang());
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm' });
    const started = Date.now();
    await assert.rejects(transport.complete(MESSAGES, { ...options(), deadline: Date.now() + 200 }),
      (error: unknown) => error instanceof ModelError && error.code === 'time-limit');
    assert.ok(Date.now() - started < 1000);
    assert.equal(server.requests.length, 1);
  });

  test('an answer that is not a chat completion is reported as such', async () => {
    server.script(json(200, { hello: 'world' }));
    const transport = createOpenAiCompatibleTransport({ baseUrl: server.baseUrl, model: 'm' });
    await assert.rejects(transport.complete(MESSAGES, options()), (error: unknown) => error instanceof ModelError && error.code === 'bad-response');
  });
});

test('a refused connection asks whether the server is running', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const transport = createOpenAiCompatibleTransport({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', maxRetries: 0 });
  await assert.rejects(transport.complete(MESSAGES, options()), (error: unknown) => {
    assert.ok(error instanceof ModelError);
    assert.equal(error.message, `model endpoint http://127.0.0.1:${port}/v1 refused the connection: is the model server running?`);
    return true;
  });
});

test('the Ollama preset names Ollama when refused', async () => {
  // Port 11434 is almost surely closed on a test machine; skip when something answers there.
  const transport = createOpenAiCompatibleTransport({ baseUrl: PROVIDER_PRESETS.ollama.baseUrl, model: 'm', maxRetries: 0, timeoutMs: 2000 });
  try {
    await transport.complete(MESSAGES, options());
  } catch (error) {
    if (error instanceof ModelError && error.code === 'refused') {
      assert.equal(error.message, 'model endpoint http://127.0.0.1:11434/v1 refused the connection: is Ollama running?');
    }
  }
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-01-22T10:00:00Z');
  assert.equal(parseRetryAfter('2', now), 2000);
  assert.equal(parseRetryAfter('0.5', now), 500);
  assert.equal(parseRetryAfter('Thu, 22 Jan 2026 10:00:03 GMT', now), 3000);
  assert.equal(parseRetryAfter('Thu, 22 Jan 2026 09:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});

test('an invalid base URL is a usage error; credentials in it are refused and not repeated', () => {
  assert.throws(() => createOpenAiCompatibleTransport({ baseUrl: 'localhost:11434', model: 'm' }), /Invalid --base-url/);
  assert.throws(() => createOpenAiCompatibleTransport({ baseUrl: 'http://user:s3cret@127.0.0.1:1/v1', model: 'm' }), (error: unknown) => {
    assert.ok(error instanceof DigestError);
    assert.match(error.message, /remove the user name and password/);
    assert.ok(!error.message.includes('s3cret'));
    return true;
  });
});
