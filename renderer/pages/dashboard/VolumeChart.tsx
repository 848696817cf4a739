import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

const WIDTH = 640;
const HEIGHT = 220;

/** Documents posted per day as stacked bars, with the same numbers as a hidden list for screen readers. */
export function VolumeChart({ volume }: { volume: DashboardView['volume'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const invoices = t('pages.dashboard.invoices');
  const bills = t('pages.dashboard.bills');
  const data = volume.map((p) => ({ day: format.day(p.date), [invoices]: p.invoices, [bills]: p.bills }));
  return (
    <Panel title={t('pages.dashboard.volume.title')}>
      {volume.length === 0 ? (
        <Text className={styles.muted}>{t('pages.dashboard.volume.empty')}</Text>
      ) : (
        <>
          <div aria-hidden="true" data-testid="volume-chart">
            <BarChart
              width={WIDTH}
              height={HEIGHT}
              data={data}
              // The chart is hidden from assistive technology (the list below says the same), so it takes no focus.
              accessibilityLayer={false}
              margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={tokens.colorNeutralStroke2} />
              <XAxis dataKey="day" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
              <Tooltip formatter={(value) => format.number(Number(value))} />
              <Legend />
              <Bar
                dataKey={invoices}
                stackId="docs"
                maxBarSize={48}
                fill={tokens.colorBrandBackground}
                isAnimationActive={false}
              />
              <Bar
                dataKey={bills}
                stackId="docs"
                maxBarSize={48}
                fill={tokens.colorPaletteTealBackground2}
                isAnimationActive={false}
              />
            </BarChart>
          </div>
          <ul className={styles.hidden}>
            {volume.map((p) => (
              <li key={p.date}>
                {t('pages.dashboard.volume.day', {
                  date: format.date(p.date),
                  invoices: format.number(p.invoices),
                  bills: format.number(p.bills),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
