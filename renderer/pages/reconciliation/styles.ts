import { makeStyles, tokens } from '@fluentui/react-components';

/** Classes the reconciliation tables share: figures right-aligned in tabular digits, differences that stand out. */
export const useReconStyles = makeStyles({
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    overflowWrap: 'anywhere',
    paddingBlock: tokens.spacingVerticalXS,
  },
  stackEnd: { alignItems: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground2 },
  difference: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  /** On a header cell's `button` slot: the title over a column of figures sits on the right, like them. */
  headerEnd: { justifyContent: 'flex-end', textAlign: 'end' },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});
