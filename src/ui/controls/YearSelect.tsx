import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';

/** A labelled select over the years present in the data. */
export function YearSelect({ label, value, onChange, testId }: { label: string; value: number; onChange: (year: number) => void; testId?: string }) {
  const s = useStoreFields(useAtlas().state, ['phase', 'years']);
  return (
    <label>
      {label}
      <select data-testid={testId} value={value} disabled={s.phase !== 'ready'} onChange={(e) => onChange(Number(e.target.value))}>
        {s.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
