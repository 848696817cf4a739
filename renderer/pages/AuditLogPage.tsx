import { useMemo, useState } from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { TaskListSquareLtrRegular } from '@fluentui/react-icons/svg/task-list-square-ltr';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { useDebouncedValue } from '../components/use-debounced-value';
import { useAuditLog, type AuditFilter } from '../data/audit';
import { useActiveProfile } from '../data/profiles';
import { OUTCOMES, oneOf } from '../i18n/codes';
import { useCodeLabels } from '../i18n/use-code-labels';
import { useFormat, useLocale } from '../i18n/use-format';
import { AuditFilters, NO_FILTER, type AuditFilterInput } from './audit/AuditFilters';
import { AuditTable } from './audit/AuditTable';
import { auditFileName, auditRows, localDayStart } from './audit/audit-csv';
import { useAuditMessage } from './audit/use-audit-message';
import { downloadText, toCsv } from './audit/csv';

/** How long the search box waits after the last key before it asks. */
export const SEARCH_DEBOUNCE_MS = 300;

const useStyles = makeStyles({
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

function toQuery(input: AuditFilterInput, profileId: string | undefined): AuditFilter {
  const search = input.search.trim();
  return {
    ...(profileId ? { profileId } : {}),
    ...(search ? { search } : {}),
    ...(oneOf(OUTCOMES, input.outcome) ? { outcome: input.outcome } : {}),
    ...(input.from ? { from: localDayStart(input.from) } : {}),
    ...(input.to ? { to: localDayStart(input.to, true) } : {}),
  };
}

/**
 * The append-only record of every posting and change, searchable, filterable, pageable and exportable. Other pages
 * link here with `?search=<document number>` to open it already searched.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const codes = useCodeLabels();
  const message = useAuditMessage();
  const locale = useLocale();
  const active = useActiveProfile();
  const [params] = useSearchParams();
  const [input, setInput] = useState<AuditFilterInput>(() => ({
    ...NO_FILTER,
    search: params.get('search')?.slice(0, 200) ?? '',
  }));
  const search = useDebouncedValue(input.search, SEARCH_DEBOUNCE_MS);
  const query = useMemo(() => toQuery({ ...input, search }, active?.id), [input, search, active?.id]);
  // Wait for the profile list: the first query must already be the active profile's.
  const log = useAuditLog(query, active !== undefined);
  const entries = log.data ?? [];
  const filtered = JSON.stringify(input) !== JSON.stringify(NO_FILTER);

  function exportCsv() {
    const rows = auditRows(
      entries,
      (column) => t(`pages.audit.csv.${column}`),
      (column, e) => {
        if (column === 'actor') return codes.actor(e.actor);
        if (column === 'action') return codes.action(e.action);
        if (column === 'outcome') return codes.outcome(e.outcome);
        if (column === 'sourceType' && e.sourceType) return codes.sourceType(e.sourceType);
        if (column === 'vismaDocType' && e.vismaDocType) return codes.vismaDocType(e.vismaDocType);
        if (column === 'message') return message(e);
        return undefined;
      },
    );
    downloadText(auditFileName(active?.id, new Date()), toCsv(rows, locale === 'en' ? ',' : ';'));
  }

  const exportButton = (
    <Button icon={<ArrowDownload20Regular />} disabled={entries.length === 0} onClick={exportCsv}>
      {t('pages.audit.export')}
    </Button>
  );
  return (
    <PageLayout
      title={t('pages.audit.title')}
      description={t('pages.audit.description')}
      actions={exportButton}
    >
      <AuditFilters value={input} onChange={setInput} />
      {log.isLoading && <Spinner label={t('app.loading')} />}
      {log.isError && <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && entries.length === 0 && (
        <EmptyState
          icon={<TaskListSquareLtrRegular />}
          title={filtered ? t('pages.audit.noMatchTitle') : t('pages.audit.emptyTitle')}
          body={filtered ? t('pages.audit.noMatchBody') : t('pages.audit.emptyBody')}
        />
      )}
      {entries.length > 0 && (
        <>
          <AuditTable entries={entries} />
          <div className={styles.footer}>
            <Text className={styles.muted} aria-live="polite">
              {t('pages.audit.shown', { count: entries.length, shown: format.number(entries.length) })}
            </Text>
            {log.hasNextPage && (
              <Button disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {log.isFetchingNextPage ? t('app.loading') : t('pages.audit.loadOlder')}
              </Button>
            )}
          </div>
        </>
      )}
    </PageLayout>
  );
}
