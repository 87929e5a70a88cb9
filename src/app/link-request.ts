import { i18n } from '../i18n';
import { initialState, type AppState } from '../state/app-state';
import { validateView, type ViewData, type ViewRequest } from './validate-view';

/** The year a view opens on when none is asked for (or the one asked for has no data): the latest year with data. */
export const latestYear = (years: readonly number[]): number => (years.length > 0 ? years[years.length - 1] : initialState.year);

/**
 * Year, comparison year and province of a view checked against the lists of the data (at start-up, and again when
 * an import changes them): what the data lacks falls back to the defaults, a year to the latest with data.
 */
export function checkAgainstLists(s: AppState, data: ViewData): { view: ViewRequest; ignored: string[] } {
  return validateView({ year: s.year, compareYear: s.compareYear, province: s.province }, data, { ...initialState, year: latestYear(data.years) });
}

/**
 * The view a link asked for (parsed by readUrlState). What needs no data is applied at once; the rest is checked in
 * two steps as start-up allows: year, comparison year and province once the lists are read (before the first
 * colours), then district, commune and sponsor once everything is loaded. Whatever was ignored makes one notice.
 */
export class LinkRequest {
  /** Applied at once. */
  readonly immediate: Partial<AppState>;
  /** Checked and applied once everything is loaded. */
  readonly later: ViewRequest;
  /** Whether the link names a year; without one the view opens on the latest year with data. */
  readonly yearAsked: boolean;
  private readonly ignored: string[];

  /** `invalid`: parameters that could not be read at all ("year=abc"). */
  constructor(initial: Partial<AppState>, invalid: readonly string[]) {
    const { sponsor, selectedCode, district, ...immediate } = initial;
    this.immediate = immediate;
    this.later = { sponsor, selectedCode, district };
    this.ignored = [...invalid];
    this.yearAsked = initial.year !== undefined;
  }

  /** Step 1, once the lists are read: a year not asked for is the latest with data. */
  checkLists(s: AppState, data: ViewData): ViewRequest {
    const view = this.noted(checkAgainstLists(s, data));
    return this.yearAsked ? view : { ...view, year: latestYear(data.years) };
  }

  /** Step 2, once everything is loaded: the district is checked against the province shown. */
  checkLater(s: AppState, data: ViewData): ViewRequest {
    return this.noted(validateView(this.later, data, s));
  }

  /** The start-up notice: the parameters ignored, the stored imports not restored (null when all went well). */
  notice(notRestored: readonly string[]): string | null {
    const notices = [
      ...(this.ignored.length > 0 ? [i18n.t('app.ignoredParams', { params: this.ignored.join(', ') })] : []),
      ...(notRestored.length > 0 ? [i18n.t('app.importsNotRestored', { files: notRestored.join(', ') })] : []),
    ];
    return notices.length > 0 ? notices.join(' ') : null;
  }

  private noted({ view, ignored }: { view: ViewRequest; ignored: string[] }): ViewRequest {
    this.ignored.push(...ignored);
    return view;
  }
}
