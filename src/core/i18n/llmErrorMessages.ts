// The sentences of ModelError (src/core/llm/errors.ts), the failures of a language-model call, in each language.
import type { Sentences } from './sentences.js';

/** Why a model call failed; each code is worded with its cause and its fix. */
export const MODEL_ERROR_CODES = [
  'refused', 'unknown-host', 'network', 'timeout', 'auth', 'not-found', 'rate-limited', 'server', 'http',
  'bad-response', 'time-limit', 'no-access', 'model-unavailable',
] as const;
export type ModelErrorCode = (typeof MODEL_ERROR_CODES)[number];

export const MODEL_ERROR_MESSAGES: Sentences<ModelErrorCode> = {
  en: {
    refused: (p) => `model endpoint ${p.endpoint} refused the connection: is ${p.server} running?`,
    'unknown-host': (p) => `model endpoint ${p.endpoint} has an unknown host name: check --base-url.`,
    network: (p) => `model endpoint ${p.endpoint} could not be reached (${p.detail}): check --base-url and the network.`,
    timeout: (p) => `model endpoint ${p.endpoint} did not answer within ${p.seconds} s${p.tries && p.tries !== '1' ? ` (${p.tries} tries)` : ''}: raise the timeout, or use a smaller model.`,
    auth: (p) => `model endpoint ${p.endpoint} rejected the API key (HTTP ${p.status}${p.detail ? `: ${p.detail}` : ''}): check the variable named by --api-key-env.`,
    'not-found': (p) => `model endpoint ${p.endpoint} answered HTTP 404${p.detail ? ` (${p.detail})` : ''}: check that --base-url ends with /v1 and that model "${p.model}" exists.`,
    'rate-limited': (p) => `model endpoint ${p.endpoint} still answered HTTP 429 after ${p.retries} retries: wait a little, or lower --concurrency.`,
    server: (p) => `model endpoint ${p.endpoint} still answered HTTP ${p.status} after ${p.retries} retries${p.detail ? ` (${p.detail})` : ''}: check the server's log, or try again later.`,
    http: (p) => `model endpoint ${p.endpoint} answered HTTP ${p.status}${p.detail ? ` (${p.detail})` : ''}: check --model and the provider's settings.`,
    'bad-response': (p) => `model endpoint ${p.endpoint} sent an answer that is not an OpenAI-style chat completion (${p.detail}): check that --base-url points at the /v1 API.`,
    'time-limit': (p) => `model endpoint ${p.endpoint} was not asked again: the run's time limit for the model was reached: raise the time limit, or analyze fewer commits.`,
    // The VS Code language model API's own failures (LanguageModelError NoPermissions / Blocked, NotFound).
    'no-access': (p) => `the language model ${p.model} may not be used (${p.detail}): allow it when VS Code asks, or choose another model.`,
    'model-unavailable': (p) => `the language model ${p.model} is not available (${p.detail}): choose another model.`,
  },
  'zh-CN': {
    refused: (p) => `模型端点 ${p.endpoint} 拒绝连接：${p.server} 是否已启动？`,
    'unknown-host': (p) => `模型端点 ${p.endpoint} 的主机名无法解析：请检查 --base-url。`,
    network: (p) => `无法连接模型端点 ${p.endpoint}（${p.detail}）：请检查 --base-url 和网络。`,
    timeout: (p) => `模型端点 ${p.endpoint} 在 ${p.seconds} 秒内没有应答${p.tries && p.tries !== '1' ? `（共尝试 ${p.tries} 次）` : ''}：请调大超时，或换用更小的模型。`,
    auth: (p) => `模型端点 ${p.endpoint} 拒绝了 API 密钥（HTTP ${p.status}${p.detail ? `：${p.detail}` : ''}）：请检查 --api-key-env 所指的环境变量。`,
    'not-found': (p) => `模型端点 ${p.endpoint} 返回 HTTP 404${p.detail ? `（${p.detail}）` : ''}：请确认 --base-url 以 /v1 结尾，且模型“${p.model}”存在。`,
    'rate-limited': (p) => `模型端点 ${p.endpoint} 重试 ${p.retries} 次后仍返回 HTTP 429：请稍后再试，或调低 --concurrency。`,
    server: (p) => `模型端点 ${p.endpoint} 重试 ${p.retries} 次后仍返回 HTTP ${p.status}${p.detail ? `（${p.detail}）` : ''}：请查看服务器日志，或稍后再试。`,
    http: (p) => `模型端点 ${p.endpoint} 返回 HTTP ${p.status}${p.detail ? `（${p.detail}）` : ''}：请检查 --model 和服务商设置。`,
    'bad-response': (p) => `模型端点 ${p.endpoint} 的应答不是 OpenAI 格式的对话补全（${p.detail}）：请确认 --base-url 指向 /v1 接口。`,
    'time-limit': (p) => `未再请求模型端点 ${p.endpoint}：本次运行的模型总时长已用完：请调大总时长上限，或减少提交数量。`,
    'no-access': (p) => `无权使用语言模型 ${p.model}（${p.detail}）：请在 VS Code 询问时允许，或换用其他模型。`,
    'model-unavailable': (p) => `语言模型 ${p.model} 不可用（${p.detail}）：请换用其他模型。`,
  },
};
