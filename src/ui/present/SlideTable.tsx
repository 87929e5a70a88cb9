import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { shortDistrictName, shortProvinceName } from '../../common/vn-name';
import { plannerColumnIllustrative } from '../../export/planner-table';
import { IllustrativeMark } from '../IllustrativeMark';
import { PlannerTableRow, type PlannerColumn } from '../planner/PlannerTableRow';

/** The few columns a room can read: what the district table leads with. */
const columns: PlannerColumn[] = [
  { key: 'in_scope', format: 'int' },
  { key: 'ntm_share', format: 'share' },
  { key: 'advanced_share', format: 'share' },
  { key: 'below_floor', format: 'int' },
  { key: 'poor_rate', format: 'share' },
  { key: 'ntm_share_change', format: 'pts' },
  { key: 'target_gap', format: 'pts' },
];

/** The district (or province) table of the slide's view, large, in one or two blocks so every row shows. */
export function SlideTable() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['floor', 'locale', 'planner', 'province']);
  const { t } = useTranslation();
  const level = s.province === null ? 'province' : 'district';
  const short = level === 'province' ? shortProvinceName : shortDistrictName;
  const rows = [...s.planner].sort((a, b) => (b.ntm_share ?? -1) - (a.ntm_share ?? -1));
  const blocks = rows.length > 18 ? [rows.slice(0, Math.ceil(rows.length / 2)), rows.slice(Math.ceil(rows.length / 2))] : [rows];
  const marked = new Set(columns.map((c) => c.key).filter((k) => plannerColumnIllustrative(s.planner, k)));
  return (
    <div className={`slide-table${blocks.length > 1 ? ' two' : ''}${rows.length > 40 ? ' dense' : ''}`} data-testid="slide-table">
      {blocks.map((block, b) => (
        <table key={b}>
          <thead>
            <tr>
              <th scope="col">{t(`planner.col.name_${level}`)}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {t(`planner.col.${c.key === 'advanced_share' ? 'nang_cao' : c.key}`, { floor: s.floor })}
                  <IllustrativeMark show={marked.has(c.key)} compact />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.map((r) => (
              <PlannerTableRow key={r.group_code} row={r} columns={columns} short={short} locale={s.locale} />
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
