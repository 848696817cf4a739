import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { SetupDraft } from '../../shared/contract/setup-schemas';
import { logger } from '../log/logger';
import { writeFileAtomic } from './atomic-write';

const DraftFile = z.object({ version: z.literal(1), drafts: z.array(z.unknown()) });

/**
 * The wizards in progress, one per new profile, in a JSON file of their own next to the settings (atomic writes,
 * mode 0600). A draft holds no secret (the schema is strict, so a stray field is refused). An unreadable file or
 * draft is skipped with a warning: a draft is a convenience, never a reason not to start.
 */
export class SetupDraftStore {
  constructor(readonly location: string) {}

  /** Every readable draft, newest first. */
  list(): SetupDraft[] {
    if (!existsSync(this.location)) return [];
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.location, 'utf8'));
    } catch (err) {
      logger.warn(`The wizard drafts in ${this.location} could not be read and are ignored: ${String(err)}`);
      return [];
    }
    const file = DraftFile.safeParse(raw);
    if (!file.success) return [];
    const drafts: SetupDraft[] = [];
    for (const entry of file.data.drafts) {
      const draft = SetupDraft.safeParse(entry);
      if (draft.success) drafts.push(draft.data);
      else logger.warn('A wizard draft that does not match this version was skipped.');
    }
    return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** The draft of a profile id, if any. */
  get(profileId: string): SetupDraft | undefined {
    return this.list().find((d) => d.profileId === profileId);
  }

  /** Saves (or replaces) the draft of its profile id. */
  save(draft: SetupDraft): SetupDraft {
    const valid = SetupDraft.parse(draft);
    this.write([valid, ...this.list().filter((d) => d.profileId !== valid.profileId)]);
    return valid;
  }

  /** Removes the draft of a profile id; true when there was one. */
  delete(profileId: string): boolean {
    const drafts = this.list();
    const rest = drafts.filter((d) => d.profileId !== profileId);
    if (rest.length === drafts.length) return false;
    this.write(rest);
    return true;
  }

  private write(drafts: SetupDraft[]): void {
    writeFileAtomic(this.location, `${JSON.stringify({ version: 1, drafts }, null, 2)}\n`);
  }
}
