// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SetupDraft } from '../../../../shared/contract/setup-schemas';
import { sampleSummary } from '../support/engine-samples';
import { renderApp } from '../support/render-app';

afterEach(() => cleanup());

function type(name: RegExp | string, value: string): void {
  const field = screen.getByLabelText(name);
  field.focus();
  fireEvent.change(field, { target: { value } });
}

function press(name: string | RegExp): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

const stepHeading = (name: string) => screen.findByRole('heading', { level: 2, name });

const failedSignIn = {
  ok: false,
  checks: [
    { name: 'Sign-in (client ID and secret)', ok: false, message: 'ServiceTitan refused the client secret.' },
  ],
};
const passed = (name: string) => ({ ok: true, checks: [{ name, ok: true, message: 'Signed in.' }] });

describe('the setup wizard', () => {
  it('walks a new company through every step: nothing is stored before a passing test', async () => {
    const { bridge } = await renderApp({
      engine: { summary: sampleSummary },
      setup: {
        testUnsaved: (input) =>
          input.system === 'servicetitan'
            ? input.servicetitan.clientSecret === 'right-secret'
              ? passed('Sign-in (client ID and secret)')
              : failedSignIn
            : passed('Company'),
        status: { reviewItems: 2, rules: 5, waiting: [{ code: 'account_missing', count: 1 }] },
        preview: {
          wouldPost: 1,
          wouldWait: 0,
          documents: [
            {
              id: 1,
              sourceNumber: '100001',
              state: 'pending',
              outcome: 'ready',
              createsParty: true,
              text: '',
              planned: {
                kind: 'customerInvoice',
                partyNumber: '(new)',
                date: '2026-01-05',
                financialPeriod: '202601',
                externalReference: 'ST-1-INV-1',
                text: 'Invoice 100001',
                hold: false,
                lines: [
                  {
                    description: 'Service call',
                    quantity: '1',
                    unitPrice: '800.00',
                    amount: '800.00',
                    accountNumber: '3000',
                    vatCodeId: '3',
                    holding: false,
                  },
                ],
                expected: { amount: '1000.00', vat: '200.00' },
              },
            },
          ],
        },
      },
    });
    await stepHeading('Step 1 of 7: Start');
    fireEvent.click(screen.getByRole('radio', { name: 'Connect my systems' }));
    type(/Profile name/, 'Bergen Rør & Varme AS');
    press('Next');

    await stepHeading('Step 2 of 7: ServiceTitan');
    type(/Tenant id/, '9988776');
    type(/Client id/, 'cid.bergen');
    type(/ServiceTitan client secret/, 'wrong-secret');
    type(/ServiceTitan app key/, 'ak1.app-key');
    press('Next');
    await screen.findByText('Test the connection before you continue.');
    press('Test connection');
    await screen.findByText('Some checks failed and nothing was saved. Fix what is marked ✗ and test again.');
    expect(screen.getByTestId('connection-checks').textContent).toContain(
      'ServiceTitan refused the client secret.',
    );
    expect(bridge.calls.some((c) => c.channel === 'setup.storeSecrets')).toBe(false);
    expect(screen.getByRole('button', { name: 'Save anyway' })).toBeTruthy();

    type(/ServiceTitan client secret/, 'right-secret');
    press('Test connection');
    await screen.findByText('Every check passed. The secrets are now in the credential store.');
    expect(bridge.calls.filter((c) => c.channel === 'setup.storeSecrets')).toHaveLength(1);
    const draft = bridge.calls.filter((c) => c.channel === 'setup.saveDraft').at(-1)!.input as {
      draft: SetupDraft;
    };
    expect(draft.draft).toMatchObject({
      profileId: 'bergen-ror-varme-as',
      stored: { servicetitan: 'tested' },
    });
    expect(JSON.stringify(draft)).not.toMatch(/right-secret|app-key/);
    press('Next');

    await stepHeading('Step 3 of 7: Visma.net ERP');
    expect(document.body.textContent).toContain('Company tenant, not customer tenant');
    type(/Company tenant id/, 'f2b0c7c4-tenant');
    type(/Company id/, '5099001');
    type(/Client id/, 'bergen-visma');
    type(/Visma client secret/, 'visma-secret');
    press('Test connection');
    await screen.findByText('Every check passed. The secrets are now in the credential store.');
    expect(bridge.calls.some((c) => c.channel === 'profiles.save')).toBe(true);
    press('Next');

    await stepHeading('Step 4 of 7: Master data');
    press('Next');
    await screen.findByText('Read master data before you continue.');
    press('Read master data');
    await screen.findByText('Master data read. What each side holds:');
    expect(screen.getByTestId('count-customers').textContent).toContain('25');
    press('Next');

    await stepHeading('Step 5 of 7: Map');
    expect((await screen.findByTestId('map-left')).textContent).toBe('3 things left that block posting');
    expect(screen.getByRole('link', { name: 'Open Mappings' }).getAttribute('href')).toBe('#/mappings');
    press('Next');

    await stepHeading('Step 6 of 7: Preview');
    expect((await screen.findByTestId('preview-summary')).textContent).toBe('1 would post, 0 would wait.');
    expect(screen.getByTestId('preview-document').textContent).toContain('Service call');
    press('Next');

    await stepHeading('Step 7 of 7: Schedule and finish');
    fireEvent.click(await screen.findByRole('button', { name: 'Finish and run the first sync' }));
    await screen.findByText('The first sync is done: 17 posted, 2 in the review queue.');
    const order = bridge.calls.map((c) => c.channel);
    expect(order.indexOf('profiles.setSettings')).toBeLessThan(order.indexOf('sync.run'));
    expect(order).toContain('setup.deleteDraft');
    expect(document.body.innerHTML).not.toMatch(/right-secret|wrong-secret|visma-secret/);
  });

  it('resumes a draft where it was left, secrets empty', async () => {
    const draft: SetupDraft = {
      profileId: 'acme',
      mode: 'connect',
      step: 'visma',
      form: {
        name: 'Acme AS',
        timeZone: 'Europe/Oslo',
        stEnvironment: 'integration',
        stTenantId: '123',
        stClientId: 'cid',
        stAuthUrl: '',
        stApiBaseUrl: '',
        vismaEnvironment: 'sandbox',
        vismaTenantId: 'tenant-1',
        vismaCompanyId: '',
        vismaCompanyName: '',
        vismaClientId: '',
        vismaTokenUrl: '',
        vismaApiBaseUrl: '',
      },
      stored: { servicetitan: 'tested', visma: 'none' },
      updatedAt: '2026-01-05T10:00:00.000Z',
    };
    await renderApp({ setup: { drafts: [draft] } }, '#/setup');
    await stepHeading('Step 3 of 7: Visma.net ERP');
    expect(document.body.textContent).toContain(
      'You are continuing the setup of Acme AS where you left off.',
    );
    expect(screen.getByLabelText<HTMLInputElement>(/Company tenant id/).value).toBe('tenant-1');
    expect(screen.getByLabelText<HTMLInputElement>(/Visma client secret/).value).toBe('');
  });

  it('starts the demo company in Norwegian and marks it as demo', async () => {
    const { bridge } = await renderApp({ locale: 'nb' });
    await stepHeading('Steg 1 av 7: Start');
    fireEvent.click(screen.getByRole('radio', { name: 'Prøv med demodata' }));
    press('Neste');
    await stepHeading('Steg 2 av 7: ServiceTitan');
    expect(bridge.calls.some((c) => c.channel === 'setup.startDemo')).toBe(true);
    await within(screen.getByRole('banner')).findByText('Demo');
    press('Test tilkoblingen');
    await screen.findByText('Alle kontroller er bestått. Hemmelighetene ligger nå i legitimasjonslageret.');
    press('Neste');
    await stepHeading('Steg 3 av 7: Visma.net ERP');
  });
});
