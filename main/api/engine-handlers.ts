import type { AuditEntryView, ProfileInput } from '../../shared/contract';
import { ST_HOSTS, VISMA_HOSTS, type ProfileConfig } from '../../shared/profile-config';
import { decide, resolve as resolveConflict } from '../engine/alignment/decisions';
import { masterDataReviewItems } from '../engine/alignment/review-items';
import { approveHolding, ignore, listReview, replay } from '../engine/review';
import {
  parsePeriod,
  reconcilePeriod,
  reconciliationCsv,
  reconciliationReportHtml,
} from '../engine/reconcile';
import { resolveSecrets } from '../engine/connect';
import { testConnection as testServiceTitan } from '../servicetitan';
import { testConnection as testVisma } from '../visma';
import { listAudit } from '../storage/audit';
import { upsertProfile } from '../storage/profiles';
import { appendAudit } from '../storage/audit';
import { isSandboxIntoProduction } from '../engine/environment-guard';
import { RunInProgressError } from '../engine/run-lock';
import { SyncSettings } from '../../shared/sync-settings';
import type { StoredProfile } from '../storage/types';
import { ApiError, type Handlers } from './dispatch';
import type { EngineService } from './engine-service';
import {
  closedPeriodWaiting,
  outboxByState,
  postedVolume,
  recentRuns,
  otherInstallationSeen,
} from './queries/dashboard';
import { pickableAccounts, reviewDetail } from './queries/review-detail';
import { reviewList } from './queries/review-list';
import { fixHeldDocument } from '../engine/review-fix';
import { nextScheduledRun } from '../engine/coordinator';
import { summarizeProfile } from './profile-summary';
import type { AppServices } from './services';
import { refuse } from './refusals';

type EngineChannels =
  | 'profiles.get'
  | 'profiles.confirmEnvironments'
  | 'profiles.save'
  | 'connection.test'
  | 'sync.run'
  | 'sync.cancel'
  | 'dashboard.get'
  | 'review.list'
  | 'review.detail'
  | 'review.accounts'
  | 'review.fix'
  | 'review.preview'
  | 'review.replay'
  | 'review.approve'
  | 'review.ignore'
  | 'review.resolveMasterData'
  | 'audit.list'
  | 'reconcile.period'
  | 'reconcile.export'
  | 'reconcile.report';

/**
 * Turns the setup form's profile into a full config, keeping the stored sync/webhook settings of an existing one.
 * A URL left out keeps the stored one while the environment is unchanged, else takes the environment's standard host.
 */
function toConfig(input: ProfileInput, existing: StoredProfile | undefined): ProfileConfig {
  const st = ST_HOSTS[input.servicetitan.environment];
  const sameSt = existing?.servicetitan.environment === input.servicetitan.environment;
  const sameVisma = existing?.visma.environment === input.visma.environment;
  const sync =
    existing?.sync && !(sameSt && sameVisma)
      ? { ...existing.sync, crossEnvironmentConfirmedAt: null }
      : existing?.sync;
  return {
    ...existing,
    ...(sync ? { sync } : {}),
    id: input.id,
    name: input.name,
    timeZone: input.timeZone,
    servicetitan: {
      ...input.servicetitan,
      authUrl: input.servicetitan.authUrl ?? (sameSt ? existing.servicetitan.authUrl : st.authUrl),
      apiBaseUrl:
        input.servicetitan.apiBaseUrl ?? (sameSt ? existing.servicetitan.apiBaseUrl : st.apiBaseUrl),
    },
    visma: {
      ...input.visma,
      tokenUrl: input.visma.tokenUrl ?? (sameVisma ? existing.visma.tokenUrl : VISMA_HOSTS.tokenUrl),
      apiBaseUrl: input.visma.apiBaseUrl ?? (sameVisma ? existing.visma.apiBaseUrl : VISMA_HOSTS.apiBaseUrl),
    },
  };
}

/** The editable part of a stored profile (never a secret). */
function toInput(p: StoredProfile): ProfileInput {
  return {
    id: p.id,
    name: p.name,
    timeZone: p.timeZone,
    servicetitan: {
      environment: p.servicetitan.environment,
      tenantId: p.servicetitan.tenantId,
      clientId: p.servicetitan.clientId,
      authUrl: p.servicetitan.authUrl,
      apiBaseUrl: p.servicetitan.apiBaseUrl,
    },
    visma: {
      environment: p.visma.environment,
      tenantId: p.visma.tenantId,
      companyId: p.visma.companyId,
      ...(p.visma.companyName ? { companyName: p.visma.companyName } : {}),
      clientId: p.visma.clientId,
      tokenUrl: p.visma.tokenUrl,
      apiBaseUrl: p.visma.apiBaseUrl,
    },
  };
}

/** When the profile's schedule starts its next run (ISO instant), or null without a schedule. */
function nextRunOf(profile: StoredProfile | undefined): string | null {
  const expression = profile?.sync?.schedule;
  if (!expression) return null;
  return nextScheduledRun(expression, profile.timeZone, new Date())?.toISOString() ?? null;
}

function plain<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('conflict', err instanceof Error ? err.message : String(err));
  }
}

/** Handlers of the channels backed by the sync engine. */
export function createEngineHandlers(
  services: AppServices,
  engine: EngineService,
): Pick<Handlers, EngineChannels> {
  const { ledger: db, settings, secrets } = services;
  const engineProfile = async (profileId: string) => {
    const c = await engine.profile(profileId);
    return c;
  };
  const reconcile = async (profileId: string, period: string) => {
    try {
      parsePeriod(period);
    } catch (err) {
      throw new ApiError('invalid_input', (err as Error).message);
    }
    const profile = await engineProfile(profileId);
    const { st, visma } = await engine.ports(profileId);
    return reconcilePeriod(profile, { db, st, visma }, period).catch((err: unknown) => {
      throw new ApiError('service_failed', err instanceof Error ? err.message : String(err));
    });
  };

  return {
    'profiles.get': ({ profileId }) => {
      const stored = settings.read().profiles.find((p) => p.id === profileId);
      if (!stored) throw refuse('noProfile', { profile: profileId });
      return Promise.resolve({ profile: toInput(stored) });
    },
    'profiles.confirmEnvironments': ({ profileId }) => {
      const stored = settings.read().profiles.find((p) => p.id === profileId);
      if (!stored) throw refuse('noProfile', { profile: profileId });
      if (!isSandboxIntoProduction(stored)) throw refuse('notSandboxIntoProduction');
      const at = new Date().toISOString();
      settings.update((s) => ({
        ...s,
        profiles: s.profiles.map((p) =>
          p.id === profileId
            ? { ...p, sync: { ...SyncSettings.parse(p.sync ?? {}), crossEnvironmentConfirmedAt: at } }
            : p,
        ),
      }));
      appendAudit(db, {
        profileId,
        actor: 'user',
        action: 'profile.cross-environment-confirmed',
        outcome: 'success',
        message: `Confirmed that ServiceTitan integration tenant ${stored.servicetitan.tenantId} posts into production Visma company ${stored.visma.companyName ?? stored.visma.companyId}.`,
      });
      engine.dropConnection(profileId);
      return Promise.resolve({
        profile: summarizeProfile(settings.read().profiles.find((p) => p.id === profileId)!),
      });
    },
    'profiles.save': async ({ profile, secrets: values }) => {
      const existing = settings.read().profiles.find((p) => p.id === profile.id);
      const config = toConfig(profile, existing);
      const withSecrets = {
        ...config,
        servicetitan: {
          ...config.servicetitan,
          ...(values?.['servicetitan.clientSecret']
            ? { clientSecret: values['servicetitan.clientSecret'] }
            : {}),
          ...(values?.['servicetitan.appKey'] ? { appKey: values['servicetitan.appKey'] } : {}),
        },
        visma: {
          ...config.visma,
          ...(values?.['visma.clientSecret'] ? { clientSecret: values['visma.clientSecret'] } : {}),
        },
      };
      const stored = await upsertProfile(settings, withSecrets, secrets);
      engine.dropConnection(profile.id);
      return { profile: summarizeProfile(stored) };
    },
    'connection.test': async ({ profileId, system }) => {
      const config = await engine.profile(profileId);
      let values;
      try {
        values = await resolveSecrets(config, secrets);
      } catch (err) {
        return { ok: false, checks: [{ name: 'Credentials', ok: false, message: (err as Error).message }] };
      }
      const report =
        system === 'servicetitan'
          ? await testServiceTitan({
              ...config.servicetitan,
              clientSecret: values['servicetitan.clientSecret']!,
              appKey: values['servicetitan.appKey']!,
            })
          : await testVisma({ ...config.visma, clientSecret: values['visma.clientSecret']! });
      return {
        ok: report.ok,
        checks: report.checks.map((c) => ({ name: c.name, ok: c.ok, message: c.message })),
      };
    },
    'sync.run': async ({ profileId }) => {
      await engine.profile(profileId);
      try {
        return { summary: await engine.sync(profileId, 'manual') };
      } catch (err) {
        if (err instanceof RunInProgressError) throw new ApiError('conflict', err.message);
        throw new ApiError('service_failed', err instanceof Error ? err.message : String(err));
      }
    },
    'sync.cancel': async ({ profileId }) => {
      await engine.profile(profileId);
      return { cancelling: engine.cancel(profileId) };
    },
    'dashboard.get': ({ profileId }) => {
      const runs = recentRuns(db, profileId, 10);
      const questions = masterDataReviewItems(db, profileId).length;
      return Promise.resolve({
        running: engine.running(profileId),
        lastRun: runs[0] ?? null,
        runs,
        reviewCount: listReview(db, profileId).length + questions,
        reviewQuestions: questions,
        outboxByState: outboxByState(db, profileId),
        volume: postedVolume(db, profileId, new Date()),
        otherInstallation: otherInstallationSeen(db, profileId, new Date()),
        nextRunAt: nextRunOf(settings.read().profiles.find((p) => p.id === profileId)),
        closedPeriodWaiting: closedPeriodWaiting(db, profileId),
      });
    },
    'review.list': ({ profileId, ...query }) => Promise.resolve(reviewList(db, profileId, query)),
    'review.detail': async ({ profileId, id }) => {
      const detail = reviewDetail(db, await engineProfile(profileId), id);
      if (!detail) throw refuse('noDocument', { id });
      return detail;
    },
    'review.accounts': ({ profileId }) => Promise.resolve({ accounts: pickableAccounts(db, profileId) }),
    'review.fix': async ({ profileId, id, lines }) => {
      const profile = await engineProfile(profileId);
      const visma = (await engine.ports(profileId)).visma;
      return fixHeldDocument(profile, { db, visma, actor: 'user' }, id, lines).catch((err: unknown) => {
        throw new ApiError('conflict', err instanceof Error ? err.message : String(err));
      });
    },
    'review.preview': async ({ profileId, id }) => {
      const [preview] = await replay(await engineProfile(profileId), { db }, { id }, { apply: false }).catch(
        (err: unknown) => {
          throw new ApiError('not_found', err instanceof Error ? err.message : String(err));
        },
      );
      if (!preview) throw refuse('noReviewDocument', { id });
      return preview;
    },
    'review.replay': async ({ profileId, ids }) => {
      const profile = await engineProfile(profileId);
      const visma = (await engine.ports(profileId)).visma;
      const results = [];
      for (const id of ids) {
        results.push(...(await replay(profile, { db, visma, actor: 'user' }, { id }, { apply: true })));
      }
      // Replayed documents post in a run of their own; the UI follows it through sync.progress events.
      engine.sync(profileId, 'replay').catch(() => undefined);
      return { results };
    },
    'review.approve': async ({ profileId, id, keepOnHoldingAccount }) => {
      const profile = await engineProfile(profileId);
      const visma = (await engine.ports(profileId)).visma;
      await approveHolding(profile, { db, visma, actor: 'user' }, id, { keepOnHoldingAccount }).catch(
        (err: unknown) => {
          throw new ApiError('conflict', err instanceof Error ? err.message : String(err));
        },
      );
      return { id };
    },
    'review.ignore': async ({ profileId, id, reason }) => {
      const profile = await engineProfile(profileId);
      plain(() => ignore(profile, { db, actor: 'user' }, id, reason));
      return { id };
    },
    'review.resolveMasterData': ({ profileId, ref, decision }) => {
      const [type, rawId] = ref.split(':');
      const id = Number(rawId);
      if (!Number.isInteger(id)) throw refuse('notMasterDataItem', { ref });
      plain(() => {
        if (type === 'suggestion' && (decision === 'accept' || decision === 'reject')) {
          decide(db, profileId, id, decision === 'accept', 'user');
        } else if (type === 'conflict' && (decision === 'keep-st' || decision === 'keep-visma')) {
          resolveConflict(db, profileId, id, { keep: decision === 'keep-st' ? 'st' : 'visma' }, 'user');
        } else {
          throw refuse('decisionNotApplicable', { decision, ref });
        }
      });
      return Promise.resolve({ ref });
    },
    'audit.list': (query) => {
      const entries = listAudit(db, query).map(
        ({ details: _details, ...entry }): AuditEntryView => entry as AuditEntryView,
      );
      return Promise.resolve({ entries });
    },
    'reconcile.period': ({ profileId, period }) => reconcile(profileId, period),
    'reconcile.export': async ({ profileId, period, locale }) =>
      reconciliationCsv(await reconcile(profileId, period), locale ?? 'en'),
    'reconcile.report': async ({ profileId, period, locale }) =>
      reconciliationReportHtml(await reconcile(profileId, period), locale ?? 'en'),
  };
}
