import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractCodeFacts } from '../../src/core/analyze/facts/definitions.js';
import type { FileInput, TestFact } from '../../src/core/analyze/facts/types.js';

const show = (tests: TestFact[]) => tests.map((fact) => `${fact.change} ${fact.path}:${fact.line} ${fact.name} [${fact.covers.join(',')}]`);

test('test facts: added and removed tests per language, each with the changed definitions it names', async () => {
  const files: FileInput[] = [
    {
      path: 'src/parse.rs', status: 'M',
      oldText: 'pub fn parse(s: &str) -> u8 { 1 }\n#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn old_case() { assert_eq!(parse("a"), 1); }\n}\n',
      newText: 'pub fn parse(s: &str, strict: bool) -> u8 { 1 }\n#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn strict_case() { assert_eq!(parse("a", true), 1); }\n    #[tokio::test]\n    async fn async_case() {}\n}\n',
    },
    {
      path: 'server/handler_test.go', status: 'A',
      newText: 'package server\n\nimport "testing"\n\nfunc TestServeStrict(t *testing.T) {\n\tif Serve(true) != nil {\n\t\tt.Fatal("x")\n\t}\n}\n\nfunc helper() {}\n',
    },
    { path: 'server/handler.go', status: 'M', oldText: 'package server\nfunc Serve() error { return nil }\n', newText: 'package server\nfunc Serve(strict bool) error { return nil }\n' },
    {
      path: 'tests/test_cli.py', status: 'A',
      newText: 'import cli\n\ndef test_cert_flag():\n    assert cli.run(["--cert", "x"])\n\nclass TestParser:\n    def test_empty(self):\n        assert parse_args([]) == {}\n\n    def helper(self):\n        pass\n',
    },
    { path: 'cli.py', status: 'M', oldText: 'def run(argv):\n    return 0\n', newText: 'def run(argv):\n    return 1\n\ndef parse_args(argv):\n    return {}\n' },
    {
      path: 'web/format.test.ts', status: 'M',
      oldText: "describe('format', () => {\n  it('pads', () => { expect(pad('a')).toBe(' a'); });\n});\n",
      newText: "describe('format', () => {\n  it('pads', () => { expect(pad('a')).toBe(' a'); });\n  test.each([1, 2])('rounds %d', (n) => { expect(round(n)).toBe(n); });\n});\n",
    },
    { path: 'web/format.ts', status: 'M', oldText: 'export function round(n: number) { return n; }\n', newText: 'export function round(n: number, digits = 0) { return n; }\n' },
    {
      path: 'src/test/java/FooTest.java', status: 'A',
      newText: 'class FooTest {\n  @Test\n  void computes() { new Foo().compute(); }\n  @ParameterizedTest\n  @ValueSource(ints = {1})\n  void many(int i) {}\n  void notATest() {}\n}\n',
    },
    {
      path: 'tests/engine_test.cc', status: 'A',
      newText: '#include <gtest/gtest.h>\n\nTEST(EngineTest, Runs) {\n  EXPECT_EQ(run_engine(1), 0);\n}\n\nTEST_F(EngineFixture, Stops) {}\n',
    },
  ];
  const { tests, definitions } = await extractCodeFacts(files);
  assert.deepEqual(show(tests), [
    'added server/handler_test.go:5 TestServeStrict [Serve]',
    'removed src/parse.rs:6 tests::old_case [parse]',
    'added src/parse.rs:6 tests::strict_case [parse]',
    'added src/parse.rs:8 tests::async_case []',
    'added src/test/java/FooTest.java:2 FooTest.computes []',
    'added src/test/java/FooTest.java:4 FooTest.many []',
    'added tests/engine_test.cc:3 EngineTest.Runs []',
    'added tests/engine_test.cc:7 EngineFixture.Stops []',
    'added tests/test_cli.py:3 test_cert_flag [run]',
    'added tests/test_cli.py:7 TestParser.test_empty [parse_args]',
    'added web/format.test.ts:3 format > rounds %d [round]',
  ]);
  // Test functions are tests, not definitions; helpers in test files stay definitions.
  const names = definitions.map((fact) => fact.name);
  assert.ok(!names.includes('TestServeStrict') && !names.includes('strict_case') && !names.includes('computes'));
  assert.ok(names.includes('helper') && names.includes('notATest'));
});
