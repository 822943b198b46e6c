export type {
  PeriodOfCare,
  LegalStatusSpell,
  PlacementSpell,
  Episode,
  EpisodeProblem,
  EpisodeDerivation,
  ProblemCode,
  ProblemSeverity,
} from './types.js';
export { deriveEpisodes, reasonForNewEpisode, placementFieldsDiffer, normaliseForComparison } from './episodes.js';
export { periodsOfCare, periodOn, isLookedAfterOn, type EpisodeLike, type EpisodePeriod, type DateSpan } from './periods.js';
