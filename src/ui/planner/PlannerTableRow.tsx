import { useTranslation } from '../use-translation';
import type { PlannerRow } from '../../db/sql/planner';
import type { Locale } from '../../i18n';
import { formatCell, type CellFormat } from './table-view';

/** A column of a planner table: the row field it shows and how. */
export interface PlannerColumn {
  key: keyof PlannerRow;
  format: CellFormat;
}

interface Props {
  row: PlannerRow;
  columns: readonly PlannerColumn[];
  /** The group's name as the table shows it (shortDistrictName or shortProvinceName). */
  short: (name: string) => string;
  locale: Locale;
  /** Opens the group (its communes or its province); without it the row is read only (a slide). */
  open?: (code: string) => void;
  selected?: boolean;
}

/**
 * One row of a planner table, as the planner's district (province) table and a slide's table show it: the group's
 * short name, flagged when it is behind its target trajectory, then one cell per column.
 */
export function PlannerTableRow({ row, columns, short, locale, open, selected = false }: Props) {
  const { t } = useTranslation();
  const className = [row.behind ? 'behind' : '', selected ? 'selected' : ''].join(' ').trim() || undefined;
  return (
    <tr data-code={row.group_code} className={className} onClick={open && (() => open(row.group_code))}>
      <th scope="row">
        {open ? (
          <button type="button" onClick={(e) => { e.stopPropagation(); open(row.group_code); }} title={row.group_name}>
            {short(row.group_name)}
          </button>
        ) : (
          short(row.group_name)
        )}
        {row.behind && <span className="flag" title={t('planner.behind')}> ⚑</span>}
      </th>
      {columns.map((c) => (
        <td key={c.key} data-key={c.key} className={c.format === 'gap' && row.target_gap !== null ? (row.target_gap > 1e-9 ? 'short' : 'beyond') : undefined}>
          {c.key === 'recognition_year' && row.recognition ? `${t(`planner.recognition.${row.recognition}`)} ${row.recognition_year}` : formatCell(row[c.key], c.format, locale, t)}
        </td>
      ))}
    </tr>
  );
}
