import { useTranslation } from '../use-translation';
import type { CanonicalField, ImportedRow } from '../../import';
import type { ConflictSet, ImportView } from '../../import/service/import-view';
import { DataText } from './MessageText';
import { ResolutionsExport } from './ResolutionsExport';

/** The figures two versions of a unit-year can differ in, shown side by side. */
const FIGURES: CanonicalField[] = ['year', 'criteria_met_count', 'tier', 'recognised_year', 'decision_no', 'households', 'poor', 'near_poor', 'poor_rate', 'near_poor_rate', 'sponsor_org'];

/**
 * What the user settles before an import: the unit of each ambiguous or unmatched row, and which version of a
 * unit-year given twice with different figures to keep (or none). Choices are made in the import worker,
 * which holds the rows; the new report comes back through the callbacks' promises.
 */
export function ImportFixups({ result, onChoose, onKeep }: { result: ImportView; onChoose: (row: number, code: string | null) => void; onKeep: (set: ConflictSet, keep: number | null) => void }) {
  const { t } = useTranslation();
  const toResolve = result.toResolve;
  const more = result.toResolveCount - toResolve.length;
  return (
    <>
      {result.conflicts.length > 0 && (
        <>
          <h4>{t('import.conflicts', { count: result.conflicts.length })}</h4>
          {result.conflicts.map((set) => (
            <Conflict key={set.rows[0].sourceRow} set={set} onKeep={(keep) => onKeep(set, keep)} />
          ))}
        </>
      )}
      {toResolve.length > 0 && (
        <>
          <h4>{t('import.toResolve', { n: result.toResolveCount })}</h4>
          <table className="import-resolve" data-testid="import-resolve">
            <tbody>
              {toResolve.map((row) => (
                <tr key={row.sourceRow} data-row={row.sourceRow}>
                  <th scope="row">
                    {t('import.row', { n: row.sourceRow })}: <DataText>{row.values.commune_name ?? row.values.commune_code ?? '–'}</DataText>
                    {row.values.district_name ? (
                      <>
                        {' ('}
                        <DataText>{row.values.district_name}</DataText>
                        {')'}
                      </>
                    ) : null}
                  </th>
                  <td>{t(`import.match.${row.match as 'ambiguous' | 'unmatched'}`)}</td>
                  <td>
                    <select aria-label={t('import.chooseUnit', { n: row.sourceRow })} value="" onChange={(e) => onChoose(row.sourceRow, e.target.value === '-' ? null : e.target.value)}>
                      <option value="">{t('import.choose')}</option>
                      {row.suggestions.map((sg) => (
                        <option key={sg.commune_code} value={sg.commune_code}>
                          {sg.commune_name}, {sg.district_name}, {sg.province_name} ({sg.commune_code})
                        </option>
                      ))}
                      <option value="-">{t('import.exclude')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more > 0 && <p>{t('import.moreToResolve', { count: more })}</p>}
        </>
      )}
      <ResolutionsExport result={result} />
    </>
  );
}

function shown(r: ImportedRow, f: CanonicalField): string {
  const raw = r.raw[f];
  if (raw !== undefined && raw !== null) return String(raw);
  const v = r.values[f];
  return v === null || v === undefined ? '–' : String(v);
}

/** One unit-year given in several rows with different figures: the versions side by side, keep one or none. */
function Conflict({ set, onKeep }: { set: ConflictSet; onKeep: (keep: number | null) => void }) {
  const { t } = useTranslation();
  const first = set.rows[0];
  const fields = FIGURES.filter((f) => set.rows.some((r) => r.raw[f] !== undefined || (f === 'year' && r.values.year !== null)));
  const differs = (f: CanonicalField) => new Set(set.rows.map((r) => shown(r, f))).size > 1;
  return (
    <table className="import-conflict" data-testid="import-conflict" data-rows={set.rows.map((r) => r.sourceRow).join(',')}>
      <caption>{t('import.conflictOf', { unit: first.unit?.commune_name ?? first.commune_code ?? '', year: first.values.year ?? '–' })}</caption>
      <thead>
        <tr>
          <td />
          {set.rows.map((r) => (
            <th key={r.sourceRow} scope="col">
              {t('import.row', { n: r.sourceRow })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f} className={differs(f) ? 'differs' : undefined}>
            <th scope="row">{t(`import.field.${f}`)}</th>
            {set.rows.map((r) => (
              <td key={r.sourceRow}>
                <DataText>{shown(r, f)}</DataText>
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <td />
          {set.rows.map((r) => (
            <td key={r.sourceRow}>
              <button type="button" onClick={() => onKeep(r.sourceRow)}>
                {t('import.keepRow', { n: r.sourceRow })}
              </button>
            </td>
          ))}
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={set.rows.length + 1}>
            <button type="button" onClick={() => onKeep(null)}>
              {t('import.keepNone')}
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
