/**
 * Generates src/domain/time/bank-holidays-england-and-wales.json from the
 * date-holidays devDependency (GB/ENG, public + bank types, weekend rows dropped).
 *
 * Usage: npx tsx scripts/gen-bank-holidays.ts 2025-01-31
 * The argument is the "generated" date recorded in the file; it is required so that
 * regenerating is reproducible and the script never reads the clock.
 *
 * The output is committed: a new proclamation then shows up as a reviewed diff, and
 * src/domain/time/bank-holidays.test.ts re-checks it against independent rules.
 */
import Holidays from 'date-holidays';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// From 1990: a care leaver of 25 today may have come into care as a baby 25 years ago.
const FIRST_YEAR = 1990;
const LAST_YEAR = 2040;

/**
 * Where date-holidays is wrong before 2015 (checked against the independent rules in the test):
 * the early May bank holiday moved for VE Day in 1995, the millennium, the royal wedding of 2011,
 * and the spring bank holiday moved to June for the 2002 and 2012 jubilees.
 */
const CORRECTIONS = {
  remove: ['1995-05-01', '2002-05-27', '2012-05-28'],
  add: { '1995-05-08': 'Early May bank holiday (VE Day)', '1999-12-31': 'Millennium', '2011-04-29': 'Royal wedding', '2002-06-03': 'Golden Jubilee', '2002-06-04': 'Spring bank holiday', '2012-06-04': 'Spring bank holiday' } as Record<string, string>,
};
const OUT = fileURLToPath(
  new URL('../src/domain/time/bank-holidays-england-and-wales.json', import.meta.url),
);

const generated = process.argv[2];
if (generated === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(generated)) {
  console.error('usage: tsx scripts/gen-bank-holidays.ts YYYY-MM-DD   (the date to record as "generated")');
  process.exit(2);
}

const isWeekend = (iso: string): boolean => [0, 6].includes(new Date(`${iso}T12:00:00Z`).getUTCDay());

const pkg = JSON.parse(
  readFileSync(fileURLToPath(new URL('../node_modules/date-holidays/package.json', import.meta.url)), 'utf8'),
) as { version: string };

const hd = new Holidays('GB', 'ENG', { types: ['public', 'bank'] });
const dates: Record<string, string> = {};
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  for (const h of hd.getHolidays(year)) {
    const iso = h.date.slice(0, 10); // h.date is 'YYYY-MM-DD hh:mm:ss' in UK local time
    if (isWeekend(iso)) continue; // Saturday/Sunday rows are not days off; substitutes are their own rows
    if (dates[iso] !== undefined) throw new Error(`two holidays on ${iso}: ${dates[iso]} / ${h.name}`);
    dates[iso] = h.name;
  }
}

for (const iso of CORRECTIONS.remove) delete dates[iso];
for (const [iso, name] of Object.entries(CORRECTIONS.add)) dates[iso] ??= name;

const sorted = Object.fromEntries(Object.entries(dates).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const out = {
  source: `date-holidays@${pkg.version} GB/ENG types public+bank, weekdays only, ${FIRST_YEAR}-${LAST_YEAR}`,
  generated,
  firstYear: FIRST_YEAR,
  lastYear: LAST_YEAR,
  dates: sorted,
};
writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${Object.keys(sorted).length} dates to ${OUT}`);
