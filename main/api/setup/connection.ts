import type { z } from 'zod';
import type { ConnectionReport } from '../../../shared/contract';
import type { UnsavedConnection } from '../../../shared/contract/setup-schemas';
import { ST_HOSTS, VISMA_HOSTS } from '../../../shared/profile-config';
import { redactor } from '../../log/redactor';
import { testConnection as testServiceTitan } from '../../servicetitan';
import { testConnection as testVisma } from '../../visma';

type Unsaved = z.output<typeof UnsavedConnection>;
type StValues = Extract<Unsaved, { system: 'servicetitan' }>['servicetitan'];
type VismaValues = Extract<Unsaved, { system: 'visma' }>['visma'];

function testServiceTitanValues(st: StValues) {
  const hosts = ST_HOSTS[st.environment];
  return testServiceTitan({
    ...st,
    authUrl: st.authUrl ?? hosts.authUrl,
    apiBaseUrl: st.apiBaseUrl ?? hosts.apiBaseUrl,
  });
}

function testVismaValues(visma: VismaValues) {
  return testVisma({
    ...visma,
    tokenUrl: visma.tokenUrl ?? VISMA_HOSTS.tokenUrl,
    apiBaseUrl: visma.apiBaseUrl ?? VISMA_HOSTS.apiBaseUrl,
  });
}

/**
 * Tests one side with values typed into the wizard: the same checks (and messages) as `connection.test` of a saved
 * profile. Nothing is stored; the secrets join the log redactor first, so no log line can carry them.
 */
export async function testUnsavedConnection(input: Unsaved): Promise<ConnectionReport> {
  if (input.system === 'servicetitan') {
    redactor.add(input.servicetitan.clientSecret);
    redactor.add(input.servicetitan.appKey);
  } else {
    redactor.add(input.visma.clientSecret);
  }
  const report =
    input.system === 'servicetitan'
      ? await testServiceTitanValues(input.servicetitan)
      : await testVismaValues(input.visma);
  return {
    ok: report.ok,
    checks: report.checks.map((c) => ({ name: c.name, ok: c.ok, message: c.message })),
  };
}
