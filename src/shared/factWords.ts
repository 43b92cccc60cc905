// What a fact link calls its thing, per language: one table for the Commits view and the report view.
import type { Language } from '../core/domain/language.js';
import type { FactWhat } from './factLinks.js';

export const FACT_WHAT_WORDS: Readonly<Record<Language, Readonly<Record<FactWhat, string>>>> = {
  en: {
    function: 'function', method: 'method', class: 'class', struct: 'struct', enum: 'enum', interface: 'interface',
    trait: 'trait', type: 'type', constant: 'constant', module: 'module', macro: 'macro', field: 'field',
    variant: 'variant', flag: 'flag', env: 'environment variable', config: 'setting', default: 'default',
    route: 'route', format: 'format', dependency: 'dependency',
  },
  'zh-CN': {
    function: '函数', method: '方法', class: '类', struct: '结构体', enum: '枚举', interface: '接口', trait: 'trait',
    type: '类型', constant: '常量', module: '模块', macro: '宏', field: '字段', variant: '枚举成员', flag: '命令行参数',
    env: '环境变量', config: '配置项', default: '默认值', route: '路由', format: '格式', dependency: '依赖',
  },
};
