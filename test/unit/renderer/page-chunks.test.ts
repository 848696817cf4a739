import { describe, expect, it } from 'vitest';
import { loadPage, loadedPage } from '../../../renderer/page-chunks';
import { AuditLogPage } from '../../../renderer/pages/AuditLogPage';

describe('page chunks', () => {
  it('keep a loaded page component for rendering at once, importing each chunk once', async () => {
    expect(loadedPage('audit')).toBeUndefined();
    const first = loadPage('audit');
    expect(loadPage('audit')).toBe(first);
    expect(await first).toBe(AuditLogPage);
    expect(loadedPage('audit')).toBe(AuditLogPage);
  });
});
