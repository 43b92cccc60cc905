import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractInterfaceFacts } from '../../src/core/analyze/facts/interfaceFacts.js';
import { fileSecurityFacts } from '../../src/core/analyze/facts/security/securityFacts.js';
import type { ChangedToken } from '../../src/core/analyze/facts/code/model.js';
import type { FileInput, SecurityFact } from '../../src/core/analyze/facts/types.js';
import { gitPatch } from '../support/gitPatch.js';

const brief = (fact: SecurityFact): string => `${fact.change} ${fact.area} ${fact.term}: ${fact.evidence}`;

function patchOf(removed: [number, string][], added: [number, string][]): string {
  return [...removed.map(([line, text]) => `@@ -${line},1 +0,0 @@\n-${text}`), ...added.map(([line, text]) => `@@ -0,0 +${line},1 @@\n+${text}`)].join('\n') + '\n';
}

describe('security facts', () => {
  it('flags md5 added on a changed line of a parsed Rust file, with the identifier seen', async () => {
    const oldText = 'fn check(h: &Hash) -> bool {\n    h.algorithm == Algorithm::Sha256\n}\n';
    const newText = 'fn check(h: &Hash) -> bool {\n    if h.algorithm == Algorithm::Md5 { return false; }\n    h.algorithm == Algorithm::Sha256\n}\n';
    const file: FileInput = { path: 'crates/uv-pypi-types/src/hash.rs', status: 'M', oldText, newText, patch: gitPatch(oldText, newText) };
    const facts = await extractInterfaceFacts([file]);
    assert.deepEqual(facts.security.map(brief), ['added crypto md5: Md5']);
    assert.equal(facts.security[0]!.line, 2);
    assert.equal(facts.security[0]!.side, 'new');
  });

  it('flags unsafe added from the tree, once', async () => {
    const oldText = 'fn f(p: *const u8) -> u8 { 0 }\n';
    const newText = 'fn f(p: *const u8) -> u8 { unsafe { *p } }\n';
    const file: FileInput = { path: 'src/ffi.rs', status: 'M', oldText, newText, patch: gitPatch(oldText, newText) };
    const facts = await extractInterfaceFacts([file]);
    assert.deepEqual(facts.security.map(brief), ['added unsafe unsafe: unsafe block in f']);
  });

  it('does not take tokenizer for token, nor author for auth', () => {
    const tokens = (texts: string[], kind: ChangedToken['kind'] = 'identifier'): ChangedToken[] => texts.map((text, index) => ({ text, kind, line: index + 1 }));
    assert.deepEqual(fileSecurityFacts('src/lexer.rs', [], tokens(['tokenizer', 'Tokenizer', 'next_tokenized', 'author', 'authors', 'AuthorName'])), []);
    // A language model's tokens are not credentials: `token` needs an auth word on its line.
    assert.deepEqual(fileSecurityFacts('x/models/vision.go', [], tokens(['numTokens', 'ImageTokenID', 'EmbedTokens', 'cacheSession'])), []);
    assert.deepEqual(fileSecurityFacts('src/a.ts', [], tokens(['getAuthToken'])).map(brief), ['added auth auth: getAuthToken', 'added auth token: getAuthToken']);
  });

  it('flags Java reflection that overrides access checks, privileged blocks, and os.startfile', () => {
    const tokens = (texts: string[]): ChangedToken[] => texts.map((text, index) => ({ text, kind: 'identifier', line: index + 1 }));
    assert.deepEqual(fileSecurityFacts('src/main/java/x/Reflect.java', [], tokens(['setAccessible', 'AccessController'])).map(brief), [
      'added permission set_accessible: setAccessible', 'added permission access_controller: AccessController',
    ]);
    assert.deepEqual(fileSecurityFacts('src/main/java/x/Priv.java', [], tokens(['doPrivileged'])).map(brief), ['added permission do_privileged: doPrivileged']);
    assert.deepEqual(fileSecurityFacts('src/click/_termui_impl.py', [], tokens(['startfile'])).map(brief), ['added exec startfile: startfile']);
    assert.deepEqual(fileSecurityFacts('src/a.java', [], tokens(['setAccessibility', 'accessible', 'startFiles'])), [], 'other words are not these calls');
  });

  it('matches phrases across tokens, numbers, traversal strings, and whole-identifier terms', () => {
    const line = (texts: [string, ChangedToken['kind']][], at = 1): ChangedToken[] => texts.map(([text, kind]) => ({ text, kind, line: at }));
    const facts = fileSecurityFacts('a.py', [], [
      ...line([['subprocess', 'identifier'], ['run', 'identifier'], ['cmd', 'identifier'], ['shell', 'identifier'], ['True', 'identifier']], 1),
      ...line([['yaml', 'identifier'], ['load', 'identifier'], ['data', 'identifier']], 2),
      ...line([['os', 'identifier'], ['chmod', 'identifier'], ['path', 'identifier'], ['0o777', 'number']], 3),
      ...line([['..', 'string']], 4),
      ...line([['file_system', 'identifier'], ['system', 'identifier']], 5),
    ]);
    assert.deepEqual(facts.map(brief), [
      'added exec subprocess: subprocess',
      'added exec shell=true: shell=True',
      'added deserialize yaml.load: yaml.load',
      'added permission chmod: chmod',
      'added permission 0o777: 0o777',
      'added path ..: ".."',
    ]);
  });

  it('says nothing when the same auth word is on both sides (an edited line), and caps a noisy file', () => {
    const same: ChangedToken[] = [{ text: 'auth_token', kind: 'identifier', line: 3 }];
    assert.deepEqual(fileSecurityFacts('a.rs', same, [{ ...same[0]!, line: 4 }]), []);
    const noisy: ChangedToken[] = Array.from({ length: 5_000 }, (_, index) => ({ text: `password_${index % 50}`, kind: 'identifier', line: index + 1 }));
    const facts = fileSecurityFacts('a.rs', [], noisy);
    assert.ok(facts.length <= 2);
  });

  it('names Java\'s deserialiser whole: readObject counts, odb_read_object_info does not', () => {
    const line = (text: string): ChangedToken[] => [{ text: 'in', kind: 'identifier', line: 4 }, { text, kind: 'identifier', line: 4 }];
    assert.deepEqual(fileSecurityFacts('src/main/java/A.java', [], line('readObject')).map(brief), ['added deserialize read_object: readObject']);
    assert.deepEqual(fileSecurityFacts('odb/source-packed.c', [], line('odb_source_read_object_info')), []);
  });

  it('an edited line that handles TLS, crypto, permissions or a sandbox is a change there; a line only moved, or an auth word, is not', () => {
    const tokens = (line: number, ...texts: string[]): ChangedToken[] => texts.map((text) => ({ text, kind: 'identifier' as const, line }));
    const before = tokens(7, 'cert_loc', 'extract_zipped_paths', 'DEFAULT_CA_BUNDLE_PATH');
    const after = tokens(7, 'cert_loc', 'DEFAULT_CA_BUNDLE_PATH');
    assert.deepEqual(fileSecurityFacts('src/requests/adapters.py', before, after).map(brief), ['changed tls cert: cert_loc', 'changed tls ca_bundle: DEFAULT_CA_BUNDLE_PATH']);
    assert.deepEqual(fileSecurityFacts('src/requests/adapters.py', before, tokens(30, 'cert_loc', 'extract_zipped_paths', 'DEFAULT_CA_BUNDLE_PATH')), [], 'moved whole');
    assert.deepEqual(fileSecurityFacts('src/login.py', tokens(3, 'auth_token', 'old_name'), tokens(3, 'auth_token', 'new_name')), [], 'auth words sit on ordinary lines');
  });

  it('reads patch tokens for a file without a grammar, and skips docs', async () => {
    const ruby: FileInput = { path: 'app/auth.rb', status: 'M', oldText: '', newText: '', patch: patchOf([], [[3, '  digest = Digest::MD5.hexdigest(password)']]) };
    const docs: FileInput = { path: 'docs/auth.md', status: 'M', oldText: '', newText: '', patch: patchOf([], [[3, 'Use a token and a password.']]) };
    const facts = await extractInterfaceFacts([ruby, docs]);
    assert.deepEqual(facts.security.map(brief), ['added crypto md5: MD5', 'added auth password: password']);
    assert.deepEqual(facts.notes, [{ path: 'app/auth.rb', reason: 'unknown-language' }]);
  });
});
