import { DigestError } from '../errors.js';
import { assertObjectId } from './safety.js';
import { gitStream, gitTextOrUndefined } from './runner.js';
import { locateRepositoryCached } from './repository.js';

/**
 * A file's bytes at a commit, or undefined when the path does not exist there. Blob bytes as stored:
 * no textconv, no smudge filters.
 */
export async function readFileAtCommit(
  repoPath: string,
  sha: string,
  path: string,
  signal?: AbortSignal,
): Promise<Buffer | undefined> {
  assertObjectId(sha);
  const location = await locateRepositoryCached(repoPath, signal);
  const call = { cwd: location.root, signal, context: { path: repoPath, ref: sha } };
  const commit = await gitTextOrUndefined(['rev-parse', '--verify', '--quiet', '--end-of-options', `${sha}^{commit}`], call);
  if (!commit?.trim()) throw new DigestError('unknown-ref', { ref: sha });
  const relative = path.replace(/\\/g, '/').replace(/^\.?\/+/, '');
  const spec = `${commit.trim()}:${relative}`;
  const type = await gitTextOrUndefined(['cat-file', '-t', '--end-of-options', spec], call);
  if (type?.trim() !== 'blob') return undefined;
  const chunks: Buffer[] = [];
  await gitStream(['cat-file', 'blob', '--end-of-options', spec], { ...call, onData: (chunk) => void chunks.push(chunk) });
  return Buffer.concat(chunks);
}
