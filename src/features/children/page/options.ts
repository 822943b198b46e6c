/** What the child's page is asked to show, and how much. */
import { type PlainDate } from '../../../domain/time/index.js';
import { type ChronologyKind } from '../chronology.js';

/** The chronology shows this many entries at first; "show older" adds as many again. */
export const CHRONOLOGY_PAGE = 100;
/** Visits listed before "show all visits". */
export const VISITS_SHOWN = 25;

export interface CaseAction {
  href: string;
  text: string;
}

export interface ChildPageOptions {
  today: PlainDate;
  now: Date;
  /** Kinds of chronology entry to show (none = all). */
  kinds: readonly ChronologyKind[];
  /** How many chronology entries to show: a number, or 'all'. */
  show: number | 'all';
  allVisits: boolean;
  /** Weekly placement costs: managers and commissioners only. */
  canSeeCost: boolean;
  /** Contacts are front-door records: only the front door opens them. */
  canOpenContacts: boolean;
  canRecordContact: boolean;
  /** What the journey lets this user record next (casework.service actionsOf, from the same record); refused ones are left out. */
  recordable?: readonly { href: string; text: string; allowed: boolean }[];
}
