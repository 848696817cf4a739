import { Button, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinePickInput, ReviewDetailView } from '../../../shared/contract/engine-schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useReviewAccounts } from '../../data/review';
import { AccountPicker } from './AccountPicker';
import { LineComparison } from './SideBySide';

const useStyles = makeStyles({
  pick: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: '240px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

type Pick = { account: string | null; rememberBy: LinePickInput['rememberBy'] };

/**
 * Fix in place for a held document: an account picker on every line on the holding account, each with the choice
 * of this line only or every line with the same SKU or GL account (a mapping rule); then "correct and release".
 */
export function FixHeld(props: {
  profileId: string;
  detail: ReviewDetailView;
  busy: boolean;
  onFix: (lines: LinePickInput[]) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const accounts = useReviewAccounts(props.profileId, true);
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const holdingLines = (props.detail.visma?.lines ?? []).filter((l) => l.holding).map((l) => l.sourceLineId);
  const chosen = holdingLines.flatMap((id) => {
    const p = picks[id];
    return p?.account ? [{ sourceLineId: id, account: p.account, rememberBy: p.rememberBy }] : [];
  });
  const set = (id: string, change: Partial<Pick>) =>
    setPicks((prev) => ({ ...prev, [id]: { account: null, rememberBy: 'line', ...prev[id], ...change } }));

  if (accounts.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (accounts.isError) return <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const fixCell = (lineId: string) => {
    const line = props.detail.source.lines.find((l) => l.lineId === lineId)!;
    const pick = picks[lineId];
    const sku = props.detail.source.kind === 'invoice' ? (line.skuCode ?? line.skuId) : undefined;
    return (
      <div className={styles.pick}>
        <AccountPicker
          label={t('pages.review.detail.pickFor', { line: line.description })}
          accounts={accounts.data.accounts}
          value={pick?.account ?? null}
          disabled={props.busy}
          onChange={(account) => set(lineId, { account })}
        />
        <RadioGroup
          aria-label={t('pages.review.detail.rememberLabel', { line: line.description })}
          value={pick?.rememberBy ?? 'line'}
          onChange={(_, data) => set(lineId, { rememberBy: data.value as Pick['rememberBy'] })}
        >
          <Radio value="line" label={t('pages.review.detail.remember.line')} />
          {sku && line.skuId && <Radio value="sku" label={t('pages.review.detail.remember.sku', { sku })} />}
          {line.glAccountNumber && (
            <Radio value="gl" label={t('pages.review.detail.remember.gl', { gl: line.glAccountNumber })} />
          )}
        </RadioGroup>
      </div>
    );
  };

  return (
    <>
      <LineComparison detail={props.detail} fixCell={fixCell} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={props.busy || chosen.length === 0}
          onClick={() => props.onFix(chosen)}
        >
          {t('pages.review.detail.fix', { n: chosen.length })}
        </Button>
        <Text size={200}>{t('pages.review.detail.fixHint')}</Text>
      </div>
    </>
  );
}
