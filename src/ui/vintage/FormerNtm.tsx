import { useTranslation } from '../use-translation';
import { useSql } from '../use-sql';
import { formerNtmOfSQL } from '../../db/sql/vintage';
import { IllustrativeMark } from '../IllustrativeMark';

/** NTM of a post-reform commune's former communes in one pre-reform year (former_ntm_2025). */
export interface FormerNtm {
  n_rural: number;
  n_ntm: number;
  n_dat_chuan: number;
  n_nang_cao: number;
  n_kieu_mau: number;
  n_no_data: number;
  /** some former commune's row that year is illustrative */
  illustrative: boolean;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How many former communes of a post-reform commune ($code) were NTM in a pre-reform year; null while it loads. */
export function useFormerNtm(code: string | null, year: number): FormerNtm | null {
  return useSql<FormerNtm>(code ? formerNtmOfSQL : null, [code, year]).rows?.[0] ?? null;
}

/** "2/3 former communes NTM in 2025 (2 standard, 0 advanced, 0 model) · 1 former commune without data". */
export function formerNtmText(ntm: FormerNtm, year: number, t: Translate): string {
  return [
    t('vintage.formerNtm', { k: ntm.n_ntm, n: ntm.n_rural, year }),
    ntm.n_ntm > 0 ? ` (${t('vintage.formerNtmTiers', { dat: ntm.n_dat_chuan, nc: ntm.n_nang_cao, km: ntm.n_kieu_mau })})` : '',
    ntm.n_no_data > 0 ? ` · ${t('vintage.formerNoData', { count: ntm.n_no_data })}` : '',
  ].join('');
}

/**
 * A post-reform commune before 2026 (the tooltip and the selection): no status of its own, never inherited; how many
 * of its former communes were NTM that year instead.
 */
export function FormerNtmLine({ code, year }: { code: string; year: number }) {
  const { t } = useTranslation();
  const ntm = useFormerNtm(code, year);
  return (
    ntm && (
      <div data-testid="former-ntm-line">
        {formerNtmText(ntm, year, t)}
        <IllustrativeMark show={ntm.illustrative} />
      </div>
    )
  );
}
