import type { ReactNode } from 'react';
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground2, display: 'flex' },
  body: { maxWidth: '60ch', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', justifyContent: 'center' },
});

/** What a page shows when it has nothing yet: what this place is for, and what to do next. Pass an unsized icon. */
export function EmptyState(props: { icon: ReactNode; title: string; body: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <span className={styles.icon} aria-hidden="true">
        {props.icon}
      </span>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      <Body1 align="center" className={styles.body}>
        {props.body}
      </Body1>
      {props.children && <div className={styles.actions}>{props.children}</div>}
    </div>
  );
}
