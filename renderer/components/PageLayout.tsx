import type { ReactNode } from 'react';
import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    maxWidth: '1100px',
  },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, flexGrow: 1 },
  title: { margin: 0 },
  description: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexShrink: 0 },
});

/** The frame of every page: an h1 title, a one-line description, optional actions, then the content. */
export function PageLayout(props: {
  title: string;
  description: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <div className={styles.titles}>
          <Title2 as="h1" className={styles.title}>
            {props.title}
          </Title2>
          <Body1 className={styles.description}>{props.description}</Body1>
        </div>
        {props.actions && <div className={styles.actions}>{props.actions}</div>}
      </div>
      {props.children}
    </div>
  );
}
