import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetailView } from '../../../shared/contract/engine-schemas';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  diff: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `1px solid ${tokens.colorPaletteYellowBorderActive}`,
  },
  holding: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    outline: `1px solid ${tokens.colorPaletteRedBorder2}`,
  },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** Equal decimal amounts whatever the sign convention (credit note lines are negative in Visma). */
export function sameAmount(a: string, b: string): boolean {
  return Math.abs(Number(a)) === Math.abs(Number(b));
}

function Cell(props: { differs?: boolean; holding?: boolean; numeric?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <TableCell
      className={mergeClasses(
        props.differs && styles.diff,
        props.holding && styles.holding,
        props.numeric && styles.num,
      )}
      data-differs={props.differs || props.holding ? 'true' : undefined}
    >
      {props.children}
      {(props.differs || props.holding) && (
        <span className={styles.hidden}> ({t('pages.review.detail.differs')})</span>
      )}
    </TableCell>
  );
}

/** The document's heading figures, ServiceTitan beside Visma, differing cells highlighted. */
export function HeaderComparison({ detail }: { detail: ReviewDetailView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { source, visma } = detail;
  const rows: { label: string; st: string; visma: string; differs: boolean }[] = [
    {
      label: t('pages.review.detail.number'),
      st: source.number,
      visma: detail.item.vismaDocNumber ?? '–',
      differs: false,
    },
    {
      label: t('pages.review.detail.party'),
      st: source.partyName,
      visma: visma
        ? `${visma.partyNumber}${detail.vismaPartyName ? ` — ${detail.vismaPartyName}` : ''}`
        : '–',
      differs: !!visma && !!detail.vismaPartyName && detail.vismaPartyName !== source.partyName,
    },
    {
      label: t('pages.review.detail.date'),
      st: format.date(source.documentDate.slice(0, 10)),
      visma: visma ? format.date(visma.date) : '–',
      differs: !!visma && visma.date !== source.documentDate.slice(0, 10),
    },
    {
      label: t('pages.review.detail.total'),
      st: format.money(source.total as `${number}`),
      visma: visma ? format.money(visma.expected.amount as `${number}`) : '–',
      differs: !!visma && !sameAmount(visma.expected.amount, source.total),
    },
  ];
  return (
    <Table size="small" aria-label={t('pages.review.detail.headerTable')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('pages.review.detail.field')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.review.detail.source')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.review.detail.visma')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.label}>
            <TableCell>{r.label}</TableCell>
            <TableCell>{r.st}</TableCell>
            <Cell differs={r.differs}>{r.visma}</Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Every ServiceTitan line beside the Visma line made from it; a holding-account line and any difference are marked. */
export function LineComparison(props: { detail: ReviewDetailView; fixCell?: (lineId: string) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { source, visma, accountNames } = props.detail;
  const named = (n: string | undefined, name?: string) =>
    n ? `${n}${(name ?? accountNames[n]) ? ` — ${name ?? accountNames[n]}` : ''}` : '–';
  return (
    <Table size="small" aria-label={t('pages.review.detail.lines')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('pages.review.detail.stLine')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.review.detail.glAccount')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.review.detail.stAmount')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.review.detail.vismaLine')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.review.detail.account')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.review.detail.vismaAmount')}</TableHeaderCell>
          {props.fixCell && <TableHeaderCell>{t('pages.review.detail.pick')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {source.lines.map((line) => {
          const v = visma?.lines.find((l) => l.sourceLineId === line.lineId);
          return (
            <TableRow key={line.lineId} data-testid={`detail-line-${line.lineId}`}>
              <TableCell>{line.description}</TableCell>
              <TableCell>{named(line.glAccountNumber, line.glAccountName)}</TableCell>
              <Cell numeric>{format.money(line.amount as `${number}`)}</Cell>
              <Cell differs={!!v && v.description !== line.description}>
                {v ? v.description : t('pages.review.detail.noLine')}
              </Cell>
              <Cell
                holding={!!v?.holding}
                differs={!!v && !v.holding && v.accountNumber !== line.glAccountNumber}
              >
                {v ? named(v.accountNumber) : '–'}
                {v?.holding && ` · ${t('pages.review.detail.onHolding')}`}
              </Cell>
              <Cell numeric differs={!!v && !sameAmount(v.amount, line.amount)}>
                {v ? format.money(v.amount as `${number}`) : '–'}
              </Cell>
              {props.fixCell && <TableCell>{v?.holding ? props.fixCell(line.lineId) : null}</TableCell>}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
