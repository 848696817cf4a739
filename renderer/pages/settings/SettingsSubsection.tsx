import { useId, type ReactNode } from 'react';
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  heading: { margin: 0 },
  description: { color: tokens.colorNeutralForeground2 },
});

/** A titled part of a Settings section (an h3 region), set off from the part above by a thin line. */
export function SettingsSubsection(props: { title: string; description?: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {props.title}
      </Subtitle2>
      {props.description && <Body1 className={styles.description}>{props.description}</Body1>}
      {props.children}
    </section>
  );
}
