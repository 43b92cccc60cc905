import { decodeBlobText } from '../../git/blobReader.js';
import type { BlobSource } from './fileInputs.js';
import { interfaceFactsWantTexts } from './interfaceFacts.js';
import type { FileInput } from './types.js';

/** Manifests, lock files and workflows past this size are not read (the extractors would not parse them either). */
const MAX_INTERFACE_BLOB_BYTES = 12 * 1024 * 1024;

async function readText(reader: BlobSource, spec: string): Promise<{ text?: string; id?: string }> {
  try {
    const read = await reader.read(spec);
    if (read.status !== 'ok' || read.size > MAX_INTERFACE_BLOB_BYTES) return {};
    const decoded = decodeBlobText(read.bytes);
    return 'text' in decoded ? { text: decoded.text, id: read.id } : {};
  } catch {
    return {};
  }
}

/**
 * Completes a commit's FileInputs (readFileInputs gives texts to parsed languages only) with the whole texts the
 * interface extractors compare: manifests, lock files, workflows and configuration files, read through the same
 * blob reader. A blob that cannot be read leaves the text undefined; the extractors then say nothing of the file.
 */
export async function addInterfaceTexts(reader: BlobSource, parent: string | undefined, commit: string, inputs: FileInput[]): Promise<void> {
  await Promise.all(inputs.map(async (input) => {
    if (input.binary || input.unreadable || !interfaceFactsWantTexts(input.path)) return;
    if (input.oldText === undefined && parent !== undefined && input.status !== 'A' && input.status !== 'C') {
      const old = await readText(reader, `${parent}:${input.oldPath ?? input.path}`);
      if (old.text !== undefined) input.oldText = old.text;
      if (old.id && !input.oldId) input.oldId = old.id;
    }
    if (input.newText === undefined && input.status !== 'D') {
      const now = await readText(reader, `${commit}:${input.path}`);
      if (now.text !== undefined) input.newText = now.text;
      if (now.id && !input.newId) input.newId = now.id;
    }
  }));
}
