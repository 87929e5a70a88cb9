import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { useChoice } from './use-choice';

/** A labelled select over the years present in the data. */
export function YearSelect({ label, value, onChange, testId }: { label: string; value: number; onChange: (year: number) => void; testId?: string }) {
  const s = useStoreFields(useAtlas().state, ['phase', 'years']);
  const [shown, choose] = useChoice(value, onChange);
  return (
    <label>
      {label}
      <select data-testid={testId} value={shown} disabled={s.phase !== 'ready'} onChange={(e) => choose(Number(e.target.value))}>
        {s.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
