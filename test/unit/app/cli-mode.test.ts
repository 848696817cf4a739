import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { cliArguments, userArguments } = await import('../../../main/app/cli-mode');

describe('CLI mode of the app executable', () => {
  it('takes the arguments after the executable, and after the app folder when started as `electron <folder>`', () => {
    expect(userArguments(['C:\\App\\st-visma-connector.exe', 'sync', '--json'], false)).toEqual([
      'sync',
      '--json',
    ]);
    expect(userArguments(['electron', '.', 'sync', '--json'], true)).toEqual(['sync', '--json']);
  });

  it('is CLI mode when the first argument is a command of the st-visma program or a help/version flag', () => {
    const exe = 'st-visma-connector.exe';
    for (const command of ['sync', 'reconcile', 'review', 'demo', 'sim', 'serve', 'ledger'])
      expect(cliArguments([exe, command, '--json'], false), command).toEqual([command, '--json']);
    expect(cliArguments([exe, '--version'], false)).toEqual(['--version']);
    expect(cliArguments([exe, '--help'], false)).toEqual(['--help']);
  });

  it('opens the window for no arguments, Chromium switches, a file or an unknown word', () => {
    const exe = 'st-visma-connector.exe';
    expect(cliArguments([exe], false)).toBeNull();
    expect(cliArguments(['electron', '.'], true)).toBeNull();
    expect(cliArguments([exe, '--no-sandbox'], false)).toBeNull();
    expect(cliArguments([exe, '--inspect=9229', 'sync'], false)).toBeNull();
    expect(cliArguments([exe, 'C:\\Users\\acct\\profile.json'], false)).toBeNull();
    expect(cliArguments([exe, 'synch'], false)).toBeNull();
  });
});
