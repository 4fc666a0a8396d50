/**
 * The playground's Fidelity page data: reads the emulator's published evidence (emulator/COVERAGE.md and
 * emulator/KNOWN-DIFFERENCES.md, plus the pinned discovery revision) and renders it to safe HTML with the
 * playground's own Markdown renderer, so the page tells the user what the emulator can and cannot show.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderMarkdown } from './markdown';

/** One rendered document of the Fidelity page. */
export interface FidelityDoc {
  id: string;
  title: string;
  /** Path relative to the repository root. */
  source: string;
  /** Safe HTML, or undefined when the file does not exist yet. */
  html?: string;
}

export interface FidelityResponse {
  docs: FidelityDoc[];
  /** Revision of the Chat API discovery document the emulator pins. */
  specRevision?: string;
}

const DOCS: { id: string; title: string; source: string }[] = [
  { id: 'coverage', title: 'Coverage', source: 'emulator/COVERAGE.md' },
  { id: 'known-differences', title: 'Known differences', source: 'emulator/KNOWN-DIFFERENCES.md' },
];

/** Reads and renders the fidelity documents under `rootDir`. */
export async function renderFidelity(rootDir: string): Promise<FidelityResponse> {
  const docs = await Promise.all(
    DOCS.map(async (d): Promise<FidelityDoc> => {
      try {
        const text = await fs.promises.readFile(path.join(rootDir, d.source), 'utf8');
        return { ...d, html: renderMarkdown(text) };
      } catch {
        return { ...d };
      }
    }),
  );
  return { docs, specRevision: await readSpecRevision(rootDir) };
}

/** The `revision` of the pinned Chat discovery document, if present. */
export async function readSpecRevision(rootDir: string): Promise<string | undefined> {
  try {
    const text = await fs.promises.readFile(path.join(rootDir, 'emulator/data/chat-v1-discovery.json'), 'utf8');
    const doc = JSON.parse(text) as { revision?: unknown };
    return typeof doc.revision === 'string' ? doc.revision : undefined;
  } catch {
    return undefined;
  }
}
