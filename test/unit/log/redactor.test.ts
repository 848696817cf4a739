import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Logger } from '../../../main/log/logger';
import { Redactor, redactor } from '../../../main/log/redactor';

describe('redactor', () => {
  it('masks registered secrets, longest first', () => {
    const r = new Redactor();
    r.add('abcd1234');
    r.add('abcd1234-extended');
    expect(r.redact('x abcd1234-extended y abcd1234 z')).toBe('x [HIDDEN] y [HIDDEN] z');
  });
  it('stops masking a value once it is removed, and keeps masking the others', () => {
    const r = new Redactor();
    r.add('first-secret');
    r.add('second-secret');
    r.remove('first-secret');
    expect(r.redact('first-secret second-secret')).toBe('first-secret [HIDDEN]');
  });
  it('masks bearer tokens and secret-looking fields even when not registered', () => {
    const r = new Redactor();
    expect(r.redact('Authorization: Bearer eyJhbGciOi.abc.def')).toBe('Authorization: Bearer [HIDDEN]');
    expect(r.redact('grant_type=client_credentials&client_secret=s3cr3t&x=1')).toContain(
      'client_secret=[HIDDEN]',
    );
    expect(r.redact('{"clientSecret":"s3cr3t"}')).toBe('{"clientSecret":"[HIDDEN]"}');
  });
  it('ignores very short values so ordinary words survive', () => {
    const r = new Redactor();
    r.add('the');
    expect(r.redact('the end')).toBe('the end');
  });
});

describe('logger', () => {
  it('writes redacted JSON lines and notifies listeners', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    const log = new Logger('debug');
    log.toFile(join(dir, 'app.log'));
    const seen: string[] = [];
    log.subscribe((r) => seen.push(r.message));
    redactor.add('super-secret-value');
    log.info('token super-secret-value used', 'p1');
    const line = JSON.parse(readFileSync(join(dir, 'app.log'), 'utf8').trim());
    expect(line).toMatchObject({ level: 'info', message: 'token [HIDDEN] used', profileId: 'p1' });
    expect(seen).toEqual(['token [HIDDEN] used']);
  });
  it('drops records below the minimum level', () => {
    const log = new Logger('warn');
    const seen: string[] = [];
    log.subscribe((r) => seen.push(r.level));
    log.info('no');
    log.error('yes');
    expect(seen).toEqual(['error']);
  });
});
