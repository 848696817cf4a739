import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';
import { NumberHeader } from './cells';
import { amount, isZero } from './recon-view';
import { useReconStyles } from './styles';

type GlLevel = NonNullable<ReconciliationView['gl']>;
type GlLine = GlLevel['accounts'][number];

const FIGURES = ['debit', 'credit', 'net', 'explained'] as const;

function Summary({ gl }: { gl: GlLevel }) {
  const { t } = useTranslation();
  const recon = useReconStyles();
  if (gl.accounts.length === 0) return <Text>{t('pages.reconciliation.gl.noAccounts')}</Text>;
  if (gl.unexplainedAccounts.length === 0) return <Text>{t('pages.reconciliation.gl.allExplained')}</Text>;
  return (
    <Text className={recon.difference}>
      {t('pages.reconciliation.gl.unexplainedOn', {
        count: gl.unexplainedAccounts.length,
        accounts: gl.unexplainedAccounts.join(', '),
      })}
    </Text>
  );
}

function LineRow({ line }: { line: GlLine }) {
  const { t } = useTranslation();
  const recon = useReconStyles();
  const format = useFormat();
  const off = !isZero(line.unexplained);
  return (
    <TableRow data-testid="recon-gl-row">
      <TableCell>
        <span className={recon.stack}>
          <Text weight="semibold">{line.account}</Text>
          {line.description && (
            <Text size={200} className={recon.muted}>
              {line.description}
            </Text>
          )}
        </span>
      </TableCell>
      <TableCell>{line.roles.map((r) => t(`pages.reconciliation.gl.role.${r}`)).join(', ')}</TableCell>
      {FIGURES.map((f) => (
        <TableCell key={f} className={recon.number}>
          {format.number(amount(line[f]), 2)}
        </TableCell>
      ))}
      <TableCell className={mergeClasses(recon.number, off && recon.difference)}>
        <span {...(off ? { 'data-testid': 'recon-gl-unexplained' } : {})}>
          {format.number(amount(line.unexplained), 2)}
        </span>
      </TableCell>
    </TableRow>
  );
}

/**
 * The general ledger level of the close: per account the mappings use, Visma's debit, credit and net for the period,
 * what the documents explain, and the unexplained rest (marked when not zero); or why it could not be read.
 */
export function GlTable({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const { gl } = view;
  return (
    <Panel title={t('pages.reconciliation.gl.title')}>
      {gl === null ? (
        view.glError ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t('pages.reconciliation.gl.error', { message: view.glError })}</MessageBarBody>
          </MessageBar>
        ) : (
          <Text>{t('pages.reconciliation.gl.notCompared')}</Text>
        )
      ) : (
        <>
          <Text>{t('pages.reconciliation.gl.intro')}</Text>
          <Summary gl={gl} />
          {gl.accounts.length > 0 && (
            <Table size="small" aria-label={t('pages.reconciliation.gl.label')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('pages.reconciliation.gl.column.account')}</TableHeaderCell>
                  <TableHeaderCell>{t('pages.reconciliation.gl.column.roles')}</TableHeaderCell>
                  {[...FIGURES, 'unexplained' as const].map((f) => (
                    <NumberHeader key={f}>{t(`pages.reconciliation.gl.column.${f}`)}</NumberHeader>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {gl.accounts.map((line) => (
                  <LineRow key={line.account} line={line} />
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </Panel>
  );
}
