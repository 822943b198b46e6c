/**
 * The only way Hearth learns the time: a clock passed in at composition, so tests can fix it.
 * Domain code never calls it; services read it and pass dates into the domain.
 */
export interface Clock {
  now(): Date;
}
