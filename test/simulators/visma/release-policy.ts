import { z } from 'zod';
import type { CompanyState, SimDocument, SimDocumentKind } from './model';

/**
 * How a release action behaves. `instant`: done in the call (`Done`). `queued`: answered `Queued`, the document stays
 * Balanced and is released `delayMs` later (wall clock). `never`: answered `Queued`, never finishes. `fail-later`:
 * answered `Queued`, fails after `delayMs` (the document stays Balanced and carries `errorInfo`). `fail-now`: answered
 * `Failed` with `errorInfo`.
 */
export const ReleaseMode = z.enum(['instant', 'queued', 'never', 'fail-later', 'fail-now']);
export type ReleaseMode = z.infer<typeof ReleaseMode>;

/** Release behaviour for the documents it applies to. */
export const ReleaseSettings = z.object({
  mode: ReleaseMode,
  /** Share (0–1) of documents that get `mode`, chosen by a seeded hash of the document; the others are instant. */
  share: z.number().min(0).max(1),
  delayMs: z.number().int().nonnegative(),
  /** The failure text of `fail-later` / `fail-now`. */
  errorInfo: z.string().min(1),
});
export type ReleaseSettings = z.infer<typeof ReleaseSettings>;

/** One document's release behaviour (`share` does not apply). */
export const DocumentRelease = ReleaseSettings.omit({ share: true }).partial({
  delayMs: true,
  errorInfo: true,
});
export type DocumentRelease = z.infer<typeof DocumentRelease>;

/** On by default: a third of the documents are released in the background, half a second after the call. */
export const DEFAULT_RELEASE: ReleaseSettings = {
  mode: 'queued',
  share: 0.3,
  delayMs: 500,
  errorInfo: 'Another process has updated the document. Your changes will be lost.',
};

/** The release behaviour in force, company-wide and per document. Deterministic for a seed. */
export class ReleasePolicy {
  private settings: ReleaseSettings;
  private readonly perDocument = new Map<string, DocumentRelease>();

  constructor(
    settings: Partial<ReleaseSettings> = {},
    private readonly seed = 1,
  ) {
    this.settings = ReleaseSettings.parse({ ...DEFAULT_RELEASE, ...settings });
  }

  /** The company-wide settings. */
  current(): ReleaseSettings {
    return { ...this.settings };
  }

  /** Changes the company-wide settings (fields left out keep their value). */
  configure(changes: Partial<ReleaseSettings>): void {
    this.settings = ReleaseSettings.parse({ ...this.settings, ...changes });
  }

  /** Fixes one document's behaviour (null returns it to the company-wide settings). */
  setFor(
    company: CompanyState,
    kind: SimDocumentKind,
    number: string,
    release: DocumentRelease | null,
  ): void {
    const key = `${company.identity.companyId}:${kind}:${number}`;
    if (release === null) this.perDocument.delete(key);
    else this.perDocument.set(key, DocumentRelease.parse(release));
  }

  /** What a release of `doc` does now. */
  forDocument(company: CompanyState, doc: SimDocument): Required<DocumentRelease> {
    const own = this.perDocument.get(`${company.identity.companyId}:${doc.kind}:${doc.referenceNumber}`);
    const { delayMs, errorInfo } = this.settings;
    if (own) return { delayMs, errorInfo, ...own };
    const picked = share(`${this.seed}:${company.identity.companyId}:${doc.kind}:${doc.referenceNumber}`);
    return { mode: picked < this.settings.share ? this.settings.mode : 'instant', delayMs, errorInfo };
  }
}

/** A stable number in [0, 1) for a key (FNV-1a), so the same documents are picked on every run. */
function share(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x100000000;
}
