import { test } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { FILE_KIND_RULES, FILE_TRAIT_RULES } from '../../src/core/analyze/facts/fileClasses.js';
import fc from 'fast-check';
import { anyGlob, requiredLiteral } from '../../src/core/analyze/facts/globs.js';
import { builtinGlobTable } from '../../src/core/analyze/facts/builtinGlobs.js';
import { PRECOMPILED_GLOBS } from '../../src/core/analyze/facts/globRegexes.generated.js';

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

test('property: anyGlob (with its required-literal shortcut) answers as picomatch for random globs and paths', () => {
  const globPiece = fc.constantFrom('**/', '*', '?', 'a', 'B', 'vendor', '.md', 'x/', '{a,b}', '[0-9]', '.', '-', 'é', 'ſ', 'K', '\\*', '!(a)', '/');
  const pathPiece = fc.constantFrom('a', 'b', 'A', 'B', 'vendor', 'VENDOR', '.md', '.MD', 'x', '/', '0', '7', '.', '-', 'é', 'É', 'ſ', 's', 'S', 'K', 'k', '\u212a', '*');
  fc.assert(
    fc.property(
      fc.array(fc.array(globPiece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')), { minLength: 1, maxLength: 3 }),
      fc.array(fc.array(pathPiece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
      (globs, paths, nocase) => {
        const options = { dot: true, nocase };
        const expected = picomatch(globs, options);
        const actual = anyGlob(globs, options);
        for (const path of paths) assert.equal(actual(path), expected(path), `${JSON.stringify(path)} against ${JSON.stringify(globs)} nocase=${nocase}`);
      },
    ),
    { numRuns: 2000, seed: 20261123 },
  );
});

test('requiredLiteral: the longest plain run, lower-cased for nocase; none when the glob has escapes or extglobs', () => {
  assert.equal(requiredLiteral('**/vendor/**', true), 'vendor');
  assert.equal(requiredLiteral('**/Cargo.lock', true), 'cargo.lock');
  assert.equal(requiredLiteral('**/*.{ts,tsx}', false), '.');
  assert.equal(requiredLiteral('.github/workflows/**', false), 'workflows');
  assert.equal(requiredLiteral('**/man/*.[1-9]', false), 'man');
  assert.equal(requiredLiteral('**/*', false), undefined);
  assert.equal(requiredLiteral('a\\*b', false), undefined);
  assert.equal(requiredLiteral('!(x)/y', false), undefined);
  assert.equal(requiredLiteral('**/é.md', true), undefined);
});

test('the precompiled regular expressions are picomatch\'s own for every built-in glob (else: npm run gen:globs)', () => {
  const table = builtinGlobTable();
  assert.deepEqual(PRECOMPILED_GLOBS, table, 'globRegexes.generated.ts is stale: run npm run gen:globs');
  assert.ok(Object.keys(table).length > 200);
});
