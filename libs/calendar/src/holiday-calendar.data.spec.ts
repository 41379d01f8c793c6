import * as fs from 'fs';
import * as path from 'path';
import { daysFromCivil, fromDayNumber, isWeekend, parseCivilDate } from './calendar-date';
import { SHIPPED_HOLIDAY_YEARS } from './holiday-calendar.data';
import { validateHolidayYear, type HolidayYear } from './holiday-year';

const DATA_DIR = path.join(__dirname, '..', 'data');
const dataFiles = fs.readdirSync(DATA_DIR).filter((file) => file.endsWith('.json'));
const dayNumber = (date: string) => daysFromCivil(parseCivilDate(date)!);

/**
 * A second, independent transcription of each notice, written as the notice words it
 * ("1月28日至2月4日放假调休 … 1月26日、2月8日上班"). The JSON files must expand to exactly this,
 * so a typo has to be made twice, in two different shapes, to slip through.
 */
const NOTICES: Record<number, { off: string[]; work: string[] }> = {
  // 国办发明电〔2019〕16号 + 国办发明电〔2020〕1号 (春节 extended to 02-02, 02-01 no longer a workday)
  2020: {
    off: ['01-01', '01-24..02-02', '04-04..04-06', '05-01..05-05', '06-25..06-27', '10-01..10-08'],
    work: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
  },
  // 国办发明电〔2020〕27号
  2021: {
    off: [
      '01-01..01-03',
      '02-11..02-17',
      '04-03..04-05',
      '05-01..05-05',
      '06-12..06-14',
      '09-19..09-21',
      '10-01..10-07',
    ],
    work: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  },
  // 国办发明电〔2021〕11号; 12-31 from 国办发明电〔2022〕16号
  2022: {
    off: [
      '01-01..01-03',
      '01-31..02-06',
      '04-03..04-05',
      '04-30..05-04',
      '06-03..06-05',
      '09-10..09-12',
      '10-01..10-07',
      '12-31',
    ],
    work: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  },
  // 国办发明电〔2022〕16号; 12-30..12-31 from 国办发明电〔2023〕7号 ("与周末连休")
  2023: {
    off: [
      '01-01..01-02',
      '01-21..01-27',
      '04-05',
      '04-29..05-03',
      '06-22..06-24',
      '09-29..10-06',
      '12-30..12-31',
    ],
    work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  // 国办发明电〔2023〕7号 (端午 "6月10日放假，与周末连休"; 除夕 02-09 only encouraged, not a holiday)
  2024: {
    off: [
      '01-01',
      '02-10..02-17',
      '04-04..04-06',
      '05-01..05-05',
      '06-08..06-10',
      '09-15..09-17',
      '10-01..10-07',
    ],
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  // 国办发明电〔2024〕12号
  2025: {
    off: ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08'],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  // 国办发明电〔2025〕7号
  2026: {
    off: [
      '01-01..01-03',
      '02-15..02-23',
      '04-04..04-06',
      '05-01..05-05',
      '06-19..06-21',
      '09-25..09-27',
      '10-01..10-07',
    ],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

/**
 * Statutory days off (全体公民放假的假日) that land on weekdays once 调休 is netted out: 11 until
 * 2024, 13 from 2025 (放假办法 revised 2024-11). A statutory day on a weekend is made up on a
 * weekday and every borrowed weekday is repaid on a weekend, so weekday holidays − make-up
 * workdays must equal the statutory count. Exceptions need a reason.
 */
const NET_DAYS_OFF_EXCEPTIONS: Record<number, { days: number; why: string }> = {
  2020: { days: 13, why: '国办发明电〔2020〕1号: 01-31 (Fri) off and the 02-01 make-up day cancelled' },
};
const expectedNetDaysOff = (year: number) => NET_DAYS_OFF_EXCEPTIONS[year]?.days ?? (year >= 2025 ? 13 : 11);

function expand(year: number, spans: string[]): string[] {
  return spans.flatMap((span) => {
    const [from, to = from] = span.split('..');
    const dates: string[] = [];
    for (let day = dayNumber(`${year}-${from}`); day <= dayNumber(`${year}-${to}`); day += 1) {
      dates.push(fromDayNumber(day));
    }
    return dates;
  });
}

describe('shipped holiday data', () => {
  it('registers every data/*.json file in holiday-calendar.data.ts, and nothing else', () => {
    expect(dataFiles.sort()).toEqual(SHIPPED_HOLIDAY_YEARS.map((year) => `${year.year}.json`));
  });

  it('covers at least 2020 through 2026 without gaps', () => {
    const years = SHIPPED_HOLIDAY_YEARS.map((year) => year.year);
    expect(years).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024, 2025, 2026]));
    expect(years).toEqual(years.map((_, i) => years[0] + i));
  });

  describe.each(dataFiles)('%s', (file) => {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'));
    // Validated per test so one broken file reports its own error instead of a cascade of undefined.
    const load = (): HolidayYear => validateHolidayYear(raw, file);

    it('passes the loader validation (dates in its year, sorted, unique, no date both holiday and workday)', () => {
      expect(file).toBe(`${load().year}.json`);
    });

    it('cites a State Council notice', () => {
      expect(load().source).toMatch(/国办发明电〔\d{4}〕\d+号/);
    });

    it('has every make-up workday on a weekend', () => {
      const data = load();
      for (const { date } of data.workdays)
        expect({ date, weekend: isWeekend(dayNumber(date)) }).toEqual({ date, weekend: true });
    });

    it('nets out to the statutory number of weekday days off', () => {
      const data = load();
      const weekdayHolidays = data.holidays.filter(({ date }) => !isWeekend(dayNumber(date))).length;
      expect(weekdayHolidays - data.workdays.length).toBe(expectedNetDaysOff(data.year));
    });

    it('matches the independent transcription of its notice', () => {
      const data = load();
      const notice = NOTICES[data.year];
      expect(notice).toBeDefined();
      expect(data.holidays.map(({ date }) => date)).toEqual(expand(data.year, notice.off));
      expect(data.workdays.map(({ date }) => date)).toEqual(expand(data.year, notice.work));
    });
  });
});
