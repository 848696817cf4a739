import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { NumberHeader } from './cells';

const useStyles = makeStyles({
  doc: { width: '190px' },
  visma: { width: '150px' },
  figures: { width: '120px' },
  links: { width: '120px' },
});

/** One column of a drill-down table: its header, an optional fixed width, and how a row fills its cell. */
export interface ReconColumn<R> {
  header: string;
  width?: 'doc' | 'visma' | 'figures' | 'links';
  /** Right-aligned header for figures. */
  numeric?: boolean;
  cell: (row: R) => ReactNode;
}

/** A drill-down list of the reconciliation as a small table; every row carries `data-testid="recon-row"`. */
export function ReconTable<R>(props: {
  label: string;
  columns: ReconColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
}) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={props.label}>
      <TableHeader>
        <TableRow>
          {props.columns.map((c) => {
            const className = c.width ? styles[c.width] : undefined;
            return c.numeric ? (
              <NumberHeader key={c.header} className={className}>
                {c.header}
              </NumberHeader>
            ) : (
              <TableHeaderCell key={c.header} className={className}>
                {c.header}
              </TableHeaderCell>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={props.rowKey(row)} data-testid="recon-row">
            {props.columns.map((c) => (
              <TableCell key={c.header}>{c.cell(row)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
