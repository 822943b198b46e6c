/**
 * The synthetic local authority generator (issue 3). Only the demo/seed commands import this.
 */
export { generateAuthority, expectedVolumes, UNUSABLE_PASSWORD_HASH, RATES, type GenerateOptions, type Batch } from './generate.js';
export { AUTHORITY_TABLES, CHILD_TABLES } from './batches.js';
export { Measurer, outsideTolerance, type Measures, type Expected } from './measure.js';
export { checkAuthority, checkChild, groupByChild, type Violation, type InvariantContext } from './invariants.js';
export { syntheticAreas, type SyntheticArea } from './geography.js';
