import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const configFile = join(root, 'electron-builder.yml');
const scratch = mkdtempSync(join(tmpdir(), 'builder-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(file: string) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/validate-builder-config.mjs'), file], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  win: {
    target: { target: string; arch: string[] }[];
    icon: string;
    executableName: string;
    extraFiles: { from: string; to: string }[];
  };
  nsis: Record<string, unknown>;
  linux: { icon: string };
  electronFuses: Record<string, boolean>;
}

const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema (offline)", () => {
    const { status, output } = validate(configFile);
    expect(output).toMatch(/OK: .*electron-builder\.yml is valid for app-builder-lib 26\./);
    expect(status).toBe(0);
  });

  it('fails a deliberately broken copy, naming each problem', () => {
    const broken =
      readFileSync(configFile, 'utf8').replace('oneClick: false', 'oneClick: "no"') + '\nbogusKey: 1\n';
    const file = join(scratch, 'electron-builder.yml');
    writeFileSync(file, broken);
    const { status, output } = validate(file);
    expect(status).toBe(1);
    expect(output).toContain("unknown property 'bogusKey'");
    expect(output).toContain('configuration.nsis.oneClick should be a boolean');
  });

  it('builds a per-user x64 NSIS installer that never asks for admin rights', () => {
    const config = load(readFileSync(configFile, 'utf8')) as BuilderConfig;
    expect(config.appId).toBe('no.stvisma.connector');
    expect(config.productName).toBe('ServiceTitan → Visma Connector');
    expect(config.directories.output).toBe('release');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
    });
  });

  it('ships only the bundles and the native addons, unpacked, and keeps rebuilding them for Electron', () => {
    const config = load(readFileSync(configFile, 'utf8')) as BuilderConfig;
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/main/**/*', 'dist/renderer/**/*', 'package.json']),
    );
    const included = config.files.filter((f) => !f.startsWith('!'));
    expect(included.filter((f) => !f.startsWith('dist/') && !f.startsWith('node_modules/'))).toEqual([
      'package.json',
    ]);
    expect(included.some((f) => f.startsWith('test') || f.startsWith('main/'))).toBe(false);
    // Everything else is bundled, so node_modules is an allow-list of the native addons and their run-time needs.
    expect(config.files).toContain('!node_modules/**/*');
    for (const addon of [
      'better-sqlite3/build/Release/better_sqlite3.node',
      'keytar/build/Release/keytar.node',
    ]) {
      expect(config.files).toContain(`node_modules/${addon}`);
      expect(existsSync(join(root, 'node_modules', addon)), addon).toBe(true);
    }
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    for (const icon of [config.win.icon, config.linux.icon, config.nsis.installerIcon as string]) {
      expect(existsSync(join(root, icon)), icon).toBe(true);
    }
  });

  it('sets the Electron fuses of the security checklist', () => {
    const config = load(readFileSync(configFile, 'utf8')) as BuilderConfig;
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('turns those fuses into the wire electron-builder flips (its own code, offline)', async () => {
    const config = load(readFileSync(configFile, 'utf8')) as BuilderConfig;
    // The same internal method electron-builder calls before signing (version pinned by the validator script).
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(f: unknown): Promise<Record<string, unknown>> } };
    };
    const { FuseV1Options, FuseVersion } = require('@electron/fuses') as {
      FuseV1Options: Record<string, number>;
      FuseVersion: Record<string, string>;
    };
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(wire).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableCookieEncryption!]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges!]: false,
    });
    // Nothing left to Electron's default among the fuses we decided.
    expect(
      Object.keys(wire).filter((k) => k !== 'version' && k !== 'resetAdHocDarwinSignature'),
    ).toHaveLength(7);
  });

  it('fails a copy whose fuse key is misspelt', () => {
    const broken = readFileSync(configFile, 'utf8').replace('  runAsNode: false', '  runAsNodes: false');
    const file = join(scratch, 'fuses.yml');
    writeFileSync(file, broken);
    const { status, output } = validate(file);
    expect(status).toBe(1);
    // The schema's anyOf (object or null) names the option, not the bad key inside it.
    expect(output).toContain('configuration.electronFuses should be one of these');
  });

  it('puts a st-visma.cmd shim next to the executable that runs it in CLI mode with all arguments', () => {
    const config = load(readFileSync(configFile, 'utf8')) as BuilderConfig;
    const shim = config.win.extraFiles.find((f) => f.to === 'st-visma.cmd');
    expect(shim).toBeDefined();
    const text = readFileSync(join(root, shim!.from), 'utf8');
    expect(text).toContain(`"%~dp0${config.win.executableName}.exe" %*`);
    expect(text).toMatch(/exit \/b %ERRORLEVEL%/);
    // cmd.exe reads batch files line by line with CRLF endings.
    expect(text.split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
  });

  it('points package.json main at the bundled Electron entry', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/app/main.cjs');
  });
});
