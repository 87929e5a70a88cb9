import { useTranslation } from './use-translation';

/**
 * The mark after a value that comes from an illustrative (generated) row: "(minh họa)", or in tables a "*" that
 * the table's note explains (IllustrativeNote with `marked`).
 */
export function IllustrativeMark({ show, compact = false }: { show: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  const word = t('tooltip.illustrative');
  return compact ? (
    <sup className="illustrative" data-illustrative="">
      <abbr title={word}>*</abbr>
    </sup>
  ) : (
    <em className="illustrative" data-illustrative="">
      {' '}
      ({word})
    </em>
  );
}

/** The note under a view or table that shows illustrative values ("* …" where they are marked with a star). */
export function IllustrativeNote({ show, marked = false }: { show: boolean; marked?: boolean }) {
  const { t } = useTranslation();
  return show ? (
    <p className="illustrative-note">
      {marked ? '* ' : ''}
      {t('app.illustrativeNote')}
    </p>
  ) : null;
}
