import { test } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { FILE_KIND_RULES, FILE_TRAIT_RULES } from '../../src/core/analyze/fileClasses.js';
import { anyGlob } from '../../src/core/analyze/globs.js';

const FOLDERS = ['', 'src/', 'a/b/', '.github/workflows/', '.gitlab/ci/x/', 'vendor/', 'x/node_modules/y/', 'docs/', 'Docs/',
  'test/', 'pkg/api/', 'include/x/', 'db/', 'db/schema/', 'man/', 'x/man/', './', '../', 'a/./b/', 'a//b/', 'é/', 'a\\b/',
  '.hidden/', 'packages/ui/src/', 'kernels/', 'migrations/', '[x]/', '**/', '{a,b}/'];
const NAMES = ['index.ts', 'a.ts', 'A.TS', 'README.md', 'readme.MD', 'package.json', 'go.sum', 'yarn.lock', 'x.yml', 'ci.yaml',
  '.gitlab-ci.yml', 'Jenkinsfile', 'LICENSE', 'LICENSE-MIT', '.env', '.env.local', '.eslintrc', '.eslintrc.json', 'x.pb.go',
  'a.min.js', 'a.map', 'schema.ts', 'jsonSchema.ts', 'x.d.ts', 'foo.test.ts', 'foo_test.go', 'conftest.py', 'Dockerfile.dev',
  'api.proto', 'openapi.yaml', 'auth.ts', 'my_auth.py', 'crypto.rs', 'x.pem', 'ls.1', 'ls.10', 'defaults.py', 'myDefault.ts',
  'kernel.cu', 'pool.go', 'x', '.', '..', '', 'a b.ts', 'a\\b.ts', '*.md', '[1-9]', 'CODEOWNERS', 'lib.rs', 'x.lock'];
const PATHS = [...new Set(FOLDERS.flatMap((folder) => NAMES.map((name) => `${folder}${name}`)))];

const TABLES: { globs: readonly string[]; options: { dot: boolean; nocase?: boolean } }[] = [
  ...[...FILE_KIND_RULES, ...FILE_TRAIT_RULES].map((rule) => ({ globs: rule.globs, options: { dot: true, nocase: true } })),
  { globs: ['.github/workflows/*.{yml,yaml}', '.gitlab-ci.yml', '.gitlab/ci/**/*.{yml,yaml}'], options: { dot: true } },
  { globs: ['**/*default*', '**/*Default*'], options: { dot: true } },
];

test('anyGlob answers as picomatch does for every class table, on ordinary and odd paths', () => {
  for (const { globs, options } of TABLES) {
    const expected = picomatch([...globs], options);
    const actual = anyGlob(globs, options);
    for (const path of [...PATHS, ...globs]) {
      assert.equal(actual(path), expected(path), `${JSON.stringify(path)} against ${globs.join(' ')}`);
    }
  }
});

test('anyGlob: a glob picomatch cannot compile matches nothing, a literal input equal to a glob matches', () => {
  assert.equal(anyGlob(['**/man/*.[1-9]'], { dot: true })('**/man/*.[1-9]'), picomatch('**/man/*.[1-9]', { dot: true })('**/man/*.[1-9]'));
  assert.equal(anyGlob(['a/*.md'], { dot: true })(''), false);
});
