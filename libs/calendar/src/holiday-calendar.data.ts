import { HolidayDataError, validateHolidayYear, type HolidayYear } from './holiday-year';
// Static imports (not fs.readdir) so `tsc` copies the JSON into dist and a bundler can see it.
// Adding a year: add data/<year>.json, then one import and one list entry below (see README.md).
import data2020 from '../data/2020.json';
import data2021 from '../data/2021.json';
import data2022 from '../data/2022.json';
import data2023 from '../data/2023.json';
import data2024 from '../data/2024.json';
import data2025 from '../data/2025.json';
import data2026 from '../data/2026.json';

const RAW_YEARS: ReadonlyArray<readonly [file: string, data: unknown]> = [
  ['data/2020.json', data2020],
  ['data/2021.json', data2021],
  ['data/2022.json', data2022],
  ['data/2023.json', data2023],
  ['data/2024.json', data2024],
  ['data/2025.json', data2025],
  ['data/2026.json', data2026],
];

/** Every shipped year, validated once at import so broken data fails at boot, not mid-deadline. */
export const SHIPPED_HOLIDAY_YEARS: readonly HolidayYear[] = Object.freeze(
  RAW_YEARS.map(([file, data]) => {
    const year = validateHolidayYear(data, file);
    if (file !== `data/${year.year}.json`) {
      throw new HolidayDataError(file, `the file name does not match its "year" ${year.year}`);
    }
    return year;
  }),
);
