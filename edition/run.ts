/**
 * One edition build as Vite's plugin (./vite-plugin.ts) runs it: find the edition asked for, read the office's
 * files, print the report in the terminal (Vietnamese; NTM_EDITION_LANG=en for English), and hand back the
 * manifest and assets, or stop with a message.
 */
import { render, translator, type Locale } from '../src/i18n/catalogue';
import { EDITION_ELEMENT_ID } from '../src/common/edition';
import { EditionConfigError, findEdition } from './config';
import { buildEdition, EditionBlocked, type EditionBuild } from './build';
import { readUnits, readUnits2025 } from './units';

export { EDITION_ELEMENT_ID };
export type { EditionBuild };

const reportLocale = (): Locale => (process.env.NTM_EDITION_LANG === 'en' ? 'en' : 'vi');

/** Reads, reports and builds the edition a build is asked for (null: none); `generated`: the unit assets' folder. */
export async function runEdition(root: string, generated: string, print: (text: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<EditionBuild | null> {
  const locale = reportLocale();
  try {
    const config = findEdition(root);
    if (!config) return null;
    const built = await buildEdition(config, { units: readUnits(generated), units2025: readUnits2025(generated), locale });
    print(built.report);
    return built;
  } catch (e) {
    if (e instanceof EditionBlocked) {
      print(e.report);
      throw new Error(translator(locale)('edition.report.stopped'), { cause: e });
    }
    if (e instanceof EditionConfigError) throw new Error(render(locale, e.reason), { cause: e });
    throw e;
  }
}
