export type { Clock } from './clock.js';
export {
  type PlainDate,
  type DateParts,
  parsePlainDate,
  isPlainDate,
  plainDateFromParts,
  datePartsOf,
  isLeapYear,
  daysInMonth,
  toDayNumber,
  fromDayNumber,
  addDays,
  addWeeks,
  addMonths,
  dayOfWeek,
  compareDates,
  daysBetween,
  minDate,
  maxDate,
  formatLongDate,
  formatDayAndDate,
} from './plain-date.js';
export {
  BANK_HOLIDAY_YEARS,
  isWeekend,
  isBankHoliday,
  bankHolidayName,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
} from './working-days.js';
export { londonDateOf, londonDateTimeToInstant, londonTimeOf, addHours, formatLondonDateTime } from './instant.js';
export {
  type DueStatus,
  type DueDescription,
  type DescribeDueDateOptions,
  DUE_SOON_WORKING_DAYS,
  DUE_SOON_HOURS,
  describeDueDate,
  describeDueInstant,
} from './due-words.js';
export { lateEntryWords } from './late-entry.js';
export { type SchoolTerm, DEFAULT_SCHOOL_TERMS, sortedTerms, formatTerms, parseTerms } from './school-terms.js';
export { type ReportingYear, isReportingYear, recentReportingYears, reportingYearOf, windowOf, yearBounds } from './reporting-year.js';
