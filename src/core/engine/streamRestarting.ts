import { isDigestError } from '../errors.js';
import { streamCommitDiffs } from '../git/diffStream.js';
import type { CapturedDiff, DiffStreamRequest } from '../git/capturedDiff.js';

/** Streams restarted after a missing object, in one analysis, before the rest is read commit by commit. */
const MAX_STREAM_RESTARTS = 32;

export interface StreamRestartingOptions {
  signal: AbortSignal;
  onDiff: (captured: CapturedDiff) => void;
  /** True once the analysis failed or was dropped: no (further) stream. */
  stopped: () => boolean;
  /** True for a request whose diff a stream already handed over. */
  answered: (request: DiffStreamRequest) => boolean;
}

/**
 * Streams the diffs of `batch` (streamCommitDiffs), starting again after the commit a missing object stopped, up to
 * MAX_STREAM_RESTARTS times per analysis (`restarts` counts them). Undefined when the batch streamed; else the
 * failure that stopped it, and the commits left unanswered are read one by one.
 */
export async function streamRestarting(
  root: string,
  batch: DiffStreamRequest[],
  restarts: { count: number },
  options: StreamRestartingOptions,
): Promise<{ error: unknown } | undefined> {
  let queue = batch;
  while (queue.length > 0 && !options.stopped()) {
    try {
      await streamCommitDiffs(root, queue, { signal: options.signal, onDiff: options.onDiff });
      return undefined;
    } catch (error) {
      // git prints commits in input order and a commit is handed over only once complete: a missing blob or
      // tree stops the stream at the commit that needs it. That one is read alone (finish); the rest streams on.
      if (!isDigestError(error) || error.code !== 'missing-objects' || restarts.count >= MAX_STREAM_RESTARTS) {
        return { error };
      }
      restarts.count++;
      queue = queue.filter((request) => !options.answered(request)).slice(1);
    }
  }
  return undefined;
}
