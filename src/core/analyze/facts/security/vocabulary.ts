import type { SecurityArea } from '../types.js';

/**
 * The security vocabulary: one row per term. A term is one word or a sequence of words, matched whole against the
 * words of identifiers and strings on changed lines (`getAuthToken` holds `auth` and `token`; `tokenizer` holds
 * neither `token` nor anything else here; `author` is not `auth`). `whole` terms must be the entire identifier
 * (`system(…)` but not `file_system`); `kinds` restricts where a term counts.
 */
export interface VocabularyRow {
  area: SecurityArea;
  /** As facts name it. */
  term: string;
  /** Lower-case words, in order. */
  words: readonly string[];
  whole?: boolean;
  kinds?: readonly ('identifier' | 'string' | 'number' | 'keyword')[];
  /**
   * A weak term (`token` is also a lexer's or a language model's): it counts only when its line also holds one of
   * these words (`auth_token`, `Bearer {token}`, `api_token`).
   */
  needs?: readonly string[];
  /** The identifier must be spelled exactly so (`eval`, not a model's `Eval` method). */
  exact?: boolean;
}

const AUTH_CONTEXT = [
  'auth', 'access', 'bearer', 'refresh', 'api', 'secret', 'credential', 'credentials', 'password', 'oauth', 'jwt', 'login',
  'authorization', 'header', 'headers', 'csrf', 'cookie', 'github', 'gitlab', 'npm', 'pypi', 'netrc', 'keyring', 'basic', 'oidc', 'personal',
];
const SESSION_CONTEXT = ['cookie', 'cookies', 'login', 'logout', 'auth', 'csrf', 'jwt', 'expire', 'expiry', 'expires', 'secret', 'user'];
const INPUT_CONTEXT = ['html', 'sql', 'input', 'path', 'url', 'query', 'xss', 'filename', 'header', 'shell', 'command', 'markdown', 'user'];
const CAPABILITY_CONTEXT = ['cap', 'drop', 'ambient', 'bounding', 'effective', 'permitted', 'privileged', 'setcap', 'linux', 'seccomp', 'sandbox'];

const rows = (area: SecurityArea, terms: readonly string[], options: Omit<VocabularyRow, 'area' | 'term' | 'words'> = {}): VocabularyRow[] =>
  terms.map((term) => ({ area, term, words: term.toLowerCase().split(/[\s_.:=]+/).filter((word) => word !== ''), ...options }));

export const VOCABULARY: readonly VocabularyRow[] = [
  ...rows('tls', [
    'tls', 'ssl', 'cert', 'certs', 'certificate', 'certificates', 'x509', 'rustls', 'native_tls', 'openssl', 'boringssl',
    'ca_bundle', 'cafile', 'capath', 'insecure', 'skip_verify', 'verify_ssl', 'ssl_verify', 'verify_peer', 'verify_host',
    'verify_hostname', 'verify_mode', 'verify=false', 'sslkeylogfile', 'mtls', 'pinning', 'webpki',
  ]),
  ...rows('auth', ['token', 'tokens'], { needs: AUTH_CONTEXT }),
  ...rows('auth', ['session', 'sessions'], { needs: SESSION_CONTEXT }),
  ...rows('sandbox', ['capabilities'], { needs: CAPABILITY_CONTEXT }),
  ...rows('auth', [
    'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authenticator',
    'authorize', 'authorized', 'authorization', 'bearer', 'password', 'passwords', 'passwd', 'credential', 'credentials',
    'oauth', 'oauth2', 'jwt', 'api_key', 'apikey', 'login', 'netrc', 'keyring', 'csrf', 'oidc', 'saml', 'mfa', 'totp',
  ]),
  ...rows('crypto', [
    'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3', 'blake2', 'blake2b', 'blake3', 'hmac', 'aes', 'rsa',
    'ecdsa', 'ed25519', 'x25519', 'rc4', 'chacha20', 'pbkdf2', 'bcrypt', 'scrypt', 'argon2', 'cipher', 'encrypt',
    'decrypt', 'encryption', 'decryption', 'nonce', 'csprng', 'urandom', 'getrandom', 'crypto', 'hashlib',
  ]),
  ...rows('secret', ['secret', 'secrets', 'private_key', 'privkey', 'secret_key', 'keychain', 'vault', 'kms', 'sops', 'redact', 'redacted']),
  ...rows('permission', ['chmod', 'fchmod', 'chown', 'setuid', 'setgid', 'seteuid', 'umask', 'set_permissions', 'permissions']),
  // Java's access checks: reflection that overrides them, and privileged blocks.
  ...rows('permission', ['set_accessible', 'try_set_accessible', 'do_privileged', 'access_controller', 'security_manager']),
  ...rows('permission', ['0o777', '0777', '0o666', '0666', '0o775', '0775', '0o755'], { kinds: ['number'] }),
  ...rows('sandbox', ['seccomp', 'sandbox', 'sandboxed', 'landlock', 'apparmor', 'selinux', 'capset', 'pledge', 'unveil', 'chroot', 'no_new_privs']),
  ...rows('path', [
    'symlink', 'symlinks', 'symlink_metadata', 'readlink', 'canonicalize', 'realpath', 'traversal', 'path_traversal',
    'zip_slip', 'zipslip', 'enclosed_name', 'nofollow', 'lstat', 'normpath', 'safe_join', 'parent_dir',
  ]),
  ...rows('exec', [
    'execv', 'execve', 'execvp', 'execvpe', 'execl', 'execlp', 'exec_sync', 'exec_file', 'exec_file_sync', 'spawn_sync',
    'child_process', 'posix_spawn', 'popen', 'subprocess', 'shell=true', 'shell_exec', 'command::new', 'exec.command',
    'process_builder', 'run_command', 'start_command', 'create_process', 'shell_execute', 'os.system', 'get_runtime.exec',
    'startfile',
  ]),
  ...rows('exec', ['passthru', 'proc_open'], { whole: true, kinds: ['identifier'] }),
  ...rows('deserialize', [
    'pickle', 'unpickle', 'cpickle', 'dill', 'jsonpickle', 'yaml.load', 'yaml.unsafe_load', 'yaml.full_load', 'unsafe_load',
    'marshal.loads', 'unserialize', 'torch.load',
  ]),
  // Java's and .NET's deserialisers, named whole: `odb_read_object_info` reads no serialised object.
  ...rows('deserialize', ['object_input_stream', 'read_object', 'xml_decoder', 'binary_formatter'], { whole: true, kinds: ['identifier'] }),
  ...rows('deserialize', ['eval'], { whole: true, exact: true, kinds: ['identifier'] }),
  ...rows('input', ['inner_html', 'outer_html', 'dangerously_set_inner_html', 'xss', 'ssrf', 'injection', 'escape_html']),
  ...rows('input', ['sanitize', 'sanitizer', 'sanitized'], { needs: INPUT_CONTEXT }),
  ...rows('unsafe', ['unsafe'], { kinds: ['keyword'] }),
];

/** Strings that are a parent-directory component themselves (`".."`, `"../"`), as a path check compares against. */
const TRAVERSAL_STRINGS: ReadonlySet<string> = new Set(['..', '../', '..\\', '/..', '/../', '\\..']);

export function isTraversalString(text: string): boolean {
  return TRAVERSAL_STRINGS.has(text);
}
