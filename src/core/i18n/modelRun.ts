import type { FallbackCause, ModelFallback } from '../domain/analysis.js';
import type { ModelRun } from '../domain/report.js';
import type { Language } from '../domain/language.js';

/** Short names of why a commit kept its offline analysis, for the run's tally and a commit's analyzer line. */
const CAUSE_LABELS: Record<Language, Record<Exclude<FallbackCause, 'http'>, string>> = {
  en: {
    timeout: 'timeout', 'connection-refused': 'connection refused', 'unknown-host': 'unknown host', network: 'network error',
    'bad-response': 'not a chat completion', 'not-json': 'not JSON', 'wrong-shape': 'wrong JSON shape',
    'token-limit': 'token limit', 'model-refused': 'model refused', 'time-limit': 'time limit', stopped: 'stopped',
    'no-access': 'no access to the model', 'model-unavailable': 'model not available', other: 'other error',
  },
  'zh-CN': {
    timeout: '超时', 'connection-refused': '连接被拒绝', 'unknown-host': '主机名无法解析', network: '网络错误',
    'bad-response': '应答不是对话补全', 'not-json': '不是 JSON', 'wrong-shape': 'JSON 结构不符', 'token-limit': '达到令牌上限',
    'model-refused': '模型拒绝回答', 'time-limit': '达到总时长上限', stopped: '已中止', 'no-access': '无权使用模型',
    'model-unavailable': '模型不可用', other: '其他错误',
  },
};

export function fallbackLabel(fallback: ModelFallback, language: Language): string {
  if (fallback.cause === 'http') return fallback.status === undefined ? 'HTTP' : `HTTP ${fallback.status}`;
  return CAUSE_LABELS[language][fallback.cause];
}

/**
 * The run's tally in one phrase: `5 analyzed (2 from the cache), 3 offline (HTTP 500 ×2, timeout ×1)` or
 * `模型分析 5 个（2 个来自缓存），离线 3 个（HTTP 500 ×2，超时 ×1）`.
 */
export function describeModelRun(run: ModelRun, language: Language): string {
  const causes = run.causes.map((group) => `${fallbackLabel(group, language)} ×${group.commits}`);
  if (language === 'zh-CN') {
    const cached = run.cached > 0 ? `（${run.cached} 个来自缓存）` : '';
    const why = causes.length > 0 ? `（${causes.join('，')}）` : '';
    return `模型分析 ${run.analyzed} 个${cached}，离线 ${run.offline} 个${why}`;
  }
  const cached = run.cached > 0 ? ` (${run.cached} from the cache)` : '';
  const why = causes.length > 0 ? ` (${causes.join(', ')})` : '';
  return `${run.analyzed} analyzed${cached}, ${run.offline} offline${why}`;
}
