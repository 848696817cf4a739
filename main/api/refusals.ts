import type { TargetRefusal } from '../engine/mapping/check-targets';
import { refusalText } from '../engine/mapping/check-targets';
import { ApiError } from './dispatch';

type Params = Record<string, string | number>;

/**
 * The refusals handlers give on purpose: the contract's error code and the English sentence (for the CLI, the logs
 * and a renderer that lacks the code). The UI says `errors.api.<code>` with the same values in its own language.
 */
const REFUSALS = {
  noProfile: ['not_found', (p) => `There is no profile "${p.profile}".`],
  noProfileOrDraft: ['not_found', (p) => `There is no profile or wizard draft "${p.profile}".`],
  scheduleInvalid: [
    'invalid_input',
    (p) =>
      `"${p.expression}" is not a schedule: use five cron fields, e.g. "*/15 * * * *" for every 15 minutes.`,
  ],
  windowsTaskOnly: [
    'conflict',
    () =>
      'Only the installed Windows app can create the task itself; copy the command and run it in a Command Prompt.',
  ],
  previewWhileSyncing: [
    'conflict',
    () => 'A sync of this profile is running; preview again when it has ended.',
  ],
  removalLedgerUnreadable: [
    'conflict',
    (p) =>
      `The ledger is ${p.state}, so no backup of it can be kept; "${p.name}" was not removed. Restore the ledger in Settings → Ledger backups first.`,
  ],
  removalConfirm: [
    'invalid_input',
    (p) => `To remove "${p.name}", type its id "${p.id}" or its name exactly; nothing was removed.`,
  ],
  removalWhileSyncing: [
    'conflict',
    (p) => `A sync of "${p.name}" is running; remove it when the sync has finished.`,
  ],
  removalSecretsLeft: [
    'internal',
    (p) =>
      `"${p.name}" was removed, but the keychain still holds its ${p.kinds}; delete them in the system keychain (service st-visma-connector).`,
  ],
  ledgerInMemory: ['conflict', () => 'This ledger lives in memory and has no backups.'],
  restoreNotHere: ['conflict', () => 'This host cannot restore its ledger; use `st-visma ledger restore`.'],
  noBackup: ['not_found', (p) => `There is no backup "${p.name}".`],
  restoreWhileSyncing: [
    'conflict',
    (p) =>
      `A sync of profile "${p.profile}" is running in the app. The ledger was not restored; try again when it has finished.`,
  ],
  notSandboxIntoProduction: [
    'conflict',
    () => 'This profile does not connect a test tenant to a production company.',
  ],
  noDocument: ['not_found', (p) => `There is no document ${p.id} in this profile.`],
  noReviewDocument: ['not_found', (p) => `There is no document ${p.id} in the review queue.`],
  notMasterDataItem: ['invalid_input', (p) => `"${p.ref}" is not a master-data item.`],
  decisionNotApplicable: ['invalid_input', (p) => `"${p.decision}" does not apply to ${p.ref}.`],
  noMappingTable: ['invalid_input', (p) => `There is no mapping table "${p.table}".`],
  notJson: ['invalid_input', (p) => `The file is not JSON: ${p.detail}`],
} as const satisfies Record<string, readonly [ApiError['code'], (p: Params) => string]>;

/** A refusal a handler gives on purpose, by its message code. */
export type RefusalCode = keyof typeof REFUSALS | 'targetRefused';

/** Every message code a refusal can carry (the renderer's texts are checked against it). */
export const REFUSAL_CODES: readonly RefusalCode[] = [
  ...(Object.keys(REFUSALS) as RefusalCode[]),
  'targetRefused',
];

/** The handler's refusal as an ApiError that carries its message code and values. */
export function refuse(code: keyof typeof REFUSALS, params: Params = {}): ApiError {
  const [errorCode, english] = REFUSALS[code];
  return new ApiError(errorCode, english(params), { code, params });
}

/**
 * Mapping targets Visma does not have (or has inactive): the first one named by its parts, so the UI can say it in its
 * language; the English text lists them all.
 */
export function refuseTargets(refusals: readonly TargetRefusal[]): ApiError {
  const [first] = refusals;
  if (!first) throw new Error('refuseTargets needs at least one refusal.');
  const params: Params = {
    refusal: first.code,
    what: first.what,
    value: first.value,
    table: first.table,
    key: first.key,
    others: refusals.length - 1,
    ...(first.name && { name: first.name }),
  };
  return new ApiError('invalid_input', refusals.map(refusalText).join(' '), {
    code: 'targetRefused',
    params,
  });
}
