import type { ProfileSettingsView } from '../../../shared/contract/engine-schemas';
import type { SettingsChange } from '../../data/profile-settings';
import { choiceOf, cronShape, scheduleOf, type ScheduleChoice } from './schedule';

/** A ServiceTitan invoice status a profile can post. */
export type InvoiceStatus = ProfileSettingsView['eligibleInvoiceStatuses'][number];

/** Every invoice status, in ServiceTitan's order. */
export const invoiceStatuses: readonly InvoiceStatus[] = ['Pending', 'Posted', 'Exported'];

/** The sync settings as the form edits them: text where the user types, the schedule as a choice. */
export interface SyncForm {
  holdingAccount: string;
  releaseHoldingDocuments: boolean;
  postIntoFirstOpenPeriod: boolean;
  markExported: boolean;
  createCustomers: boolean;
  createSuppliers: boolean;
  eligibleInvoiceStatuses: InvoiceStatus[];
  suppliersToServiceTitan: ProfileSettingsView['suppliersToServiceTitan'];
  scheduleChoice: ScheduleChoice;
  customSchedule: string;
  webhookEnabled: boolean;
  webhookPort: string;
  signatureHeader: string;
  signatureEncoding: ProfileSettingsView['webhook']['signatureEncoding'];
}

/** A field of the form that can be wrong. */
export type SyncField =
  'holdingAccount' | 'eligibleInvoiceStatuses' | 'customSchedule' | 'webhookPort' | 'signatureHeader';

/** What is wrong with a field (the key under `settings.sync.error.`). */
export type SyncError =
  | 'holdingAccountFormat'
  | 'statusRequired'
  | 'scheduleRequired'
  | 'scheduleFields'
  | 'port'
  | 'headerRequired'
  | 'headerFormat';

/** The form filled in from the settings main has. */
export function formOf(view: ProfileSettingsView): SyncForm {
  const choice = choiceOf(view.schedule);
  return {
    holdingAccount: view.holdingAccount ?? '',
    releaseHoldingDocuments: view.releaseHoldingDocuments,
    postIntoFirstOpenPeriod: view.postIntoFirstOpenPeriod,
    markExported: view.markExported,
    createCustomers: view.createCustomers,
    createSuppliers: view.createSuppliers,
    eligibleInvoiceStatuses: [...view.eligibleInvoiceStatuses],
    suppliersToServiceTitan: view.suppliersToServiceTitan,
    scheduleChoice: choice,
    customSchedule: choice === 'custom' ? (view.schedule ?? '') : '',
    webhookEnabled: view.webhook.enabled,
    webhookPort: String(view.webhook.port),
    signatureHeader: view.webhook.signatureHeader,
    signatureEncoding: view.webhook.signatureEncoding,
  };
}

/** An HTTP header name: letters, digits and the few token characters HTTP allows. */
const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** A Visma account number: no spaces, at most 30 characters. */
const ACCOUNT = /^\S{1,30}$/;

/** What is wrong with the form, field by field; empty when it can be saved. */
export function validateSyncForm(form: SyncForm): Partial<Record<SyncField, SyncError>> {
  const errors: Partial<Record<SyncField, SyncError>> = {};
  const account = form.holdingAccount.trim();
  if (account && !ACCOUNT.test(account)) errors.holdingAccount = 'holdingAccountFormat';
  if (form.eligibleInvoiceStatuses.length === 0) errors.eligibleInvoiceStatuses = 'statusRequired';
  if (form.scheduleChoice === 'custom') {
    const shape = cronShape(form.customSchedule);
    if (shape === 'empty') errors.customSchedule = 'scheduleRequired';
    if (shape === 'fields') errors.customSchedule = 'scheduleFields';
  }
  const port = form.webhookPort.trim();
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) errors.webhookPort = 'port';
  const header = form.signatureHeader.trim();
  if (!header) errors.signatureHeader = 'headerRequired';
  else if (!HEADER.test(header) || header.length > 100) errors.signatureHeader = 'headerFormat';
  return errors;
}

/** The change to send to main: every field, so what is saved is exactly what the form shows. */
export function changeOf(form: SyncForm): SettingsChange {
  return {
    holdingAccount: form.holdingAccount.trim() || null,
    releaseHoldingDocuments: form.releaseHoldingDocuments,
    postIntoFirstOpenPeriod: form.postIntoFirstOpenPeriod,
    markExported: form.markExported,
    createCustomers: form.createCustomers,
    createSuppliers: form.createSuppliers,
    eligibleInvoiceStatuses: invoiceStatuses.filter((s) => form.eligibleInvoiceStatuses.includes(s)),
    suppliersToServiceTitan: form.suppliersToServiceTitan,
    schedule: scheduleOf(form.scheduleChoice, form.customSchedule),
    webhook: {
      enabled: form.webhookEnabled,
      port: Number(form.webhookPort.trim()),
      signatureHeader: form.signatureHeader.trim(),
      signatureEncoding: form.signatureEncoding,
    },
  };
}

/** Whether saving the form would change the saved settings. */
export function isDirty(form: SyncForm, view: ProfileSettingsView): boolean {
  return JSON.stringify(changeOf(form)) !== JSON.stringify(changeOf(formOf(view)));
}
