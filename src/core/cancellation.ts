import { DigestError } from './errors.js';

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DigestError('cancelled');
}

export function rethrowIfCancelled(error: unknown, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DigestError('cancelled');
  if (error instanceof DigestError && error.code === 'cancelled') throw error;
}
