import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { dateColumn, recordColumns } from './columns.js';
import { people } from './people.js';

/** Early help: voluntary support below the statutory threshold (SSD ssd_early_help_episodes; Annex A list 2). */
export const earlyHelpEpisodes = pgTable(
  'early_help_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    startDate: dateColumn('start_date').notNull(),
    endDate: dateColumn('end_date'),
    reason: text('reason'),
    /** outcomes met / step up / no further action */
    endReason: text('end_reason'),
    organisation: text('organisation'),
    workerId: uuid('worker_id'),
    assessmentStartDate: dateColumn('assessment_start_date'),
    assessmentCompletedDate: dateColumn('assessment_completed_date'),
    ...recordColumns(),
  },
  (t) => [index('early_help_episodes_person').on(t.personId)],
);
