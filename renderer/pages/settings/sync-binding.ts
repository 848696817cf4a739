import type { SyncField, SyncForm } from './sync-form';

/** What every part of the sync settings form needs: the values, the errors to show, and a way to change them. */
export interface SyncBinding {
  form: SyncForm;
  /** Errors in words, already translated (or main's own message for a schedule it refused). */
  errors: Partial<Record<SyncField, string>>;
  set: (patch: Partial<SyncForm>) => void;
  disabled: boolean;
}
