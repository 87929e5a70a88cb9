import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n/catalogue';
import { targetsRowsMessage } from '../../../src/import/targets-rows';

const read = (rowsInFile: number, targets: number, refused: number, headerRows: number, blankRows: number) => ({
  rowsInFile,
  targets: Array.from({ length: targets }, () => ({}) as never),
  refused: Array.from({ length: refused }, () => ({}) as never),
  headerRows,
  blankRows,
});

describe('where a targets table’s rows went', () => {
  it('gives each count of the English sentence its own plural form', () => {
    expect(render('en', targetsRowsMessage(read(3, 1, 1, 1, 0)))).toBe('3 rows in the file: 1 target read, 1 row refused, 1 header row, 0 blank rows.');
    expect(render('en', targetsRowsMessage(read(1201, 1198, 0, 2, 1)))).toBe('1,201 rows in the file: 1,198 targets read, 0 rows refused, 2 header rows, 1 blank row.');
  });

  it('reads in Vietnamese as before (no plural forms)', () => {
    expect(render('vi', targetsRowsMessage(read(4, 1, 1, 2, 0)))).toBe('4 dòng trong tệp: 1 chỉ tiêu đọc được, 1 dòng bị từ chối, 2 dòng tiêu đề, 0 dòng trống.');
  });
});
