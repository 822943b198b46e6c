import type { Executor } from '../../db/database.js';
import { buildCinCensus } from '../../domain/returns/cin-census/build-census.js';
import { censusAsReturned } from '../../domain/returns/cin-census/rules/as-returned.js';
import { type CinValidation, validateCinCensus } from '../../domain/returns/cin-census/rules/validate.js';
import { type ReportingYear, yearBounds } from '../../domain/time/index.js';
import { loadCensusChildren } from './cin-census.repo.js';
import { type SchemaError, checkAgainstSchema } from './xsd.js';

export interface CinCensusFile {
  fileName: string;
  xml: string;
  childCount: number;
  /** Every way the file breaks the DfE schema; none for a file ready to load into COLLECT. */
  schemaErrors: SchemaError[];
  /** First plans: NumberOfPreviousCPP 0, which the schema's positiveInteger refuses (see FIRST_PLAN_QUIRK). */
  firstPlansWithZero: number;
  /** The DfE validation rules of the year run on the census as returned (src/domain/returns/cin-census/rules). */
  validation: CinValidation;
  /** Where the findings go, beside the XML: cin-census-2025-26-findings.csv. */
  findingsFileName: string;
}

/**
 * CIN_schema_2024.xsd types NumberOfPreviousCPP as xs:positiveInteger, so a child's first plan (0
 * previous plans) breaks it. The DfE's own statistics count a plan as "second or subsequent" when
 * NumberOfPreviousCPP is above 0 (domain.md §5.2), so 0 is the value the census means for a first
 * plan: Hearth writes the true count and reports these apart from real schema errors, rather than
 * writing 1 and misstating a child's history.
 */
const FIRST_PLAN_QUIRK = /^Element 'NumberOfPreviousCPP': '0' is not a valid value of the atomic type 'xs:positiveInteger'\.$/;

/**
 * The CIN census for a collection year, from the record, checked against the DfE schema before
 * anyone sees it: the file, what the schema says of it, and what the DfE's validation rules find. `madeAt` is the header's DateTime.
 */
export async function produceCinCensus(ex: Executor, options: { year: ReportingYear; lea: string; madeAt: Date; release: string }): Promise<CinCensusFile> {
  const { start, end } = yearBounds(options.year);
  const year = { start, referenceDate: end };
  const children = await loadCensusChildren(ex, year);
  const { xml, childCount } = buildCinCensus(children, { year, lea: options.lea, madeAt: options.madeAt, softwareCode: 'Hearth', release: options.release });
  const errors = checkAgainstSchema(xml, 'cin');
  const schemaErrors = errors.filter((e) => !FIRST_PLAN_QUIRK.test(e.message));
  const validation = validateCinCensus(censusAsReturned(children, year), { year, lea: options.lea });
  return {
    fileName: `cin-census-${options.year}.xml`,
    xml,
    childCount,
    schemaErrors,
    firstPlansWithZero: errors.length - schemaErrors.length,
    validation,
    findingsFileName: `cin-census-${options.year}-findings.csv`,
  };
}
