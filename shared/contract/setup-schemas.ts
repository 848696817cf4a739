import { z } from 'zod';
import { ProfileId, StEnvironment, VismaEnvironment } from './schemas';
import { ReplayPreviewView } from './engine-schemas';

/** The steps of the first-run / "Add company" wizard, in order. */
export const SETUP_STEPS = [
  'start',
  'servicetitan',
  'visma',
  'masterdata',
  'map',
  'preview',
  'finish',
] as const;
/** One step of the wizard. */
export const SetupStep = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStep>;

const Text = z.string().max(200);

/**
 * A wizard in progress, kept per new profile so closing the app loses nothing. It never holds a secret: those go
 * to the keychain after a passing test (or an explicit "save anyway"), and `stored` says which sides are there.
 */
export const SetupDraft = z
  .object({
    profileId: ProfileId,
    mode: z.enum(['demo', 'connect']),
    step: SetupStep,
    form: z
      .object({
        name: Text,
        timeZone: Text,
        stEnvironment: StEnvironment,
        stTenantId: Text,
        stClientId: Text,
        stAuthUrl: Text,
        stApiBaseUrl: Text,
        vismaEnvironment: VismaEnvironment,
        vismaTenantId: Text,
        vismaCompanyId: Text,
        vismaCompanyName: Text,
        vismaClientId: Text,
        vismaTokenUrl: Text,
        vismaApiBaseUrl: Text,
      })
      .strict(),
    /** Which sides' secrets are in the keychain (and whether they passed the test or were saved anyway). */
    stored: z
      .object({
        servicetitan: z.enum(['none', 'tested', 'unchecked']),
        visma: z.enum(['none', 'tested', 'unchecked']),
      })
      .strict(),
    updatedAt: z.string().max(40),
  })
  .strict();
export type SetupDraft = z.infer<typeof SetupDraft>;

/** ServiceTitan connection values typed into the wizard, tested without being stored. */
export const UnsavedServiceTitan = z
  .object({
    environment: StEnvironment,
    tenantId: z.string().regex(/^\d+$/, 'The ServiceTitan tenant id is a number.'),
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().min(1).max(4096),
    appKey: z.string().min(1).max(4096),
    authUrl: z.url().optional(),
    apiBaseUrl: z.url().optional(),
  })
  .strict();

/** Visma connection values typed into the wizard, tested without being stored. */
export const UnsavedVisma = z
  .object({
    environment: VismaEnvironment,
    tenantId: z.string().trim().min(1).max(200),
    companyId: z.string().trim().min(1).max(200),
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().min(1).max(4096),
    tokenUrl: z.url().optional(),
    apiBaseUrl: z.url().optional(),
  })
  .strict();

/** What `connection.testUnsaved` is asked: one side's values, secrets included (never stored). */
export const UnsavedConnection = z.discriminatedUnion('system', [
  z.object({ system: z.literal('servicetitan'), servicetitan: UnsavedServiceTitan }).strict(),
  z.object({ system: z.literal('visma'), visma: UnsavedVisma }).strict(),
]);

const Count = z.number().int().nonnegative();

/** How many master-data records each side holds, after the wizard read them. */
export const SetupMasterDataView = z.object({
  customers: z.object({ servicetitan: Count, visma: Count }),
  vendors: z.object({ servicetitan: Count, visma: Count }),
  glAccounts: z.object({ visma: Count }),
  taxZones: z.object({ servicetitan: Count, vatZones: Count, vatCodes: Count }),
  businessUnits: z.object({ servicetitan: Count, branches: Count, dimensions: Count }),
  projects: z.object({ visma: Count }),
  /** Links and open suggestions after the read's matching (customers, vendors ↔ suppliers); absent from older hosts. */
  matched: z
    .object({
      customers: z.object({ linked: Count, suggested: Count }),
      vendors: z.object({ linked: Count, suggested: Count }),
    })
    .optional(),
});
export type SetupMasterDataView = z.infer<typeof SetupMasterDataView>;

/** Progress of the wizard's master-data read, pushed as events (`done` of `total` lists read). */
export const SetupProgress = z.object({
  profileId: z.string(),
  list: z.string(),
  done: Count,
  total: Count,
});
export type SetupProgress = z.infer<typeof SetupProgress>;

/** What still blocks posting, as far as the engine knows: master-data questions and documents waiting for a rule. */
export const SetupStatusView = z.object({
  reviewItems: Count,
  rules: Count,
  waiting: z.array(z.object({ code: z.string(), count: Count })),
});
export type SetupStatusView = z.infer<typeof SetupStatusView>;

/** The next documents as the first sync would post them (nothing is written to Visma), and which would wait. */
export const SetupPreviewView = z.object({
  documents: z.array(
    ReplayPreviewView.extend({
      /** Waits only for a customer or supplier that the first sync creates (the settings allow it). */
      createsParty: z.boolean(),
    }),
  ),
  wouldPost: Count,
  wouldWait: Count,
  /** Visma's names of the accounts and VAT codes the listed lines use (number → name); absent from older hosts. */
  names: z
    .object({ accounts: z.record(z.string(), z.string()), vatCodes: z.record(z.string(), z.string()) })
    .optional(),
});
export type SetupPreviewView = z.infer<typeof SetupPreviewView>;
