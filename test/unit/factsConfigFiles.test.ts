import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFileFacts, isConfigFile } from '../../src/core/analyze/facts/config/configFileFacts.js';
import type { FileInput, ParseNote } from '../../src/core/analyze/facts/types.js';

const modified = (path: string, oldText: string, newText: string): FileInput => ({ path, status: 'M', oldText, newText });

describe('config file facts', () => {
  it('reads a default changed and keys added in YAML, TOML and JSON settings files', () => {
    const notes: ParseNote[] = [];
    const result = configFileFacts([
      modified('config/defaults.yaml', 'server:\n  port: 8080\n  timeout: 30\n', 'server:\n  port: 8080\n  timeout: 60\n  tls: true\n'),
      modified('settings.toml', '[sampling]\nrepeat_penalty = 1.1\n', '[sampling]\nrepeat_penalty = 1.0\n'),
      modified('app/options.json', '{"retries": 3}', '{"retries": 3, "backoff": "exp"}'),
    ], notes);
    assert.deepEqual(result.defaults.map((fact) => `${fact.path} ${fact.name}: ${fact.old} -> ${fact.new} @${fact.line}`), [
      'config/defaults.yaml server.timeout: 30 -> 60 @3',
      'settings.toml sampling.repeat_penalty: 1.1 -> 1.0 @2',
    ]);
    assert.deepEqual(result.config.map((fact) => `${fact.change} ${fact.key}`), ['added server.tls', 'added backoff']);
    assert.deepEqual(notes, []);
  });

  it('reads settings from a JSON schema and a VS Code extension manifest', () => {
    const schema = (extra: object) => JSON.stringify({ properties: { 'native-tls': { type: 'boolean', default: false }, ...extra } });
    const pkg = (value: number) => JSON.stringify({ name: 'x', contributes: { configuration: { properties: { 'digest.maxCommits': { type: 'number', default: value } } } } });
    const result = configFileFacts([
      modified('uv.schema.json', schema({}), schema({ 'no-sources': { type: 'boolean', default: false } })),
      modified('package.json', pkg(100), pkg(200)),
    ], []);
    assert.deepEqual(result.config.map((fact) => `${fact.change} ${fact.key}`), ['added no-sources']);
    assert.deepEqual(result.defaults.map((fact) => `${fact.name}: ${fact.old} -> ${fact.new}`), ['digest.maxCommits: 100 -> 200']);
  });

  it('leaves manifests, tooling, tests and translations alone, and notes a file that does not parse', () => {
    assert.equal(isConfigFile('crates/uv-configuration/Cargo.toml'), false);
    assert.equal(isConfigFile('tsconfig.json'), false);
    assert.equal(isConfigFile('tests/fixtures/config.json'), false);
    assert.equal(isConfigFile('locales/settings.json'), false);
    assert.equal(isConfigFile('config/app.yml'), true);
    const notes: ParseNote[] = [];
    configFileFacts([modified('config.yaml', 'a: 1\n', 'a: [1\n')], notes);
    assert.deepEqual(notes, [{ path: 'config.yaml', reason: 'syntax-error' }]);
  });

  it('caps a rewritten configuration and says so', () => {
    const many = (value: number) => JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`k${index}`, value])));
    const notes: ParseNote[] = [];
    const result = configFileFacts([modified('settings.json', many(1), many(2))], notes);
    assert.equal(result.defaults.length, 12);
    assert.deepEqual(notes, [{ path: 'settings.json', reason: 'budget' }]);
  });
});
