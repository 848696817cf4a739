import { useId, type ReactNode } from 'react';
import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  heading: { margin: 0 },
  description: { color: tokens.colorNeutralForeground2 },
});

/** One titled group on the Settings page, a labelled region for screen readers. */
export function SettingsSection(props: { title: string; description?: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {props.title}
      </Subtitle1>
      {props.description && <Body1 className={styles.description}>{props.description}</Body1>}
      {props.children}
    </section>
  );
}
