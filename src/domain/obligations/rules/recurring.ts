import { type PlainDate, compareDates } from '../../time/index.js';

export interface Occurrence {
  dueOn: PlainDate;
  metOn: PlainDate | null;
  lapsedOn: PlainDate | null;
  /** What the due date runs from: the start, or the last time the duty was met. */
  anchor: PlainDate;
  anchorIsStart: boolean;
}

/**
 * A duty that recurs from the last time it was met, not on a fixed schedule (domain.md §1.1a):
 * the first falls due `first(start)`, each next one `next(lastMet)`. An event on or after the
 * anchor (strictly after, once the anchor is an event) meets the current occurrence, however
 * late; the chain stops when the duty ends (`end`), and an occurrence still unmet then lapses.
 */
export function recurringDuty(options: {
  start: PlainDate;
  end: PlainDate | null;
  events: readonly PlainDate[];
  first: (start: PlainDate) => PlainDate;
  next: (lastMet: PlainDate) => PlainDate;
}): Occurrence[] {
  const events = [...options.events].sort(compareDates);
  const out: Occurrence[] = [];
  let anchor = options.start;
  let anchorIsStart = true;
  let i = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const dueOn = anchorIsStart ? options.first(anchor) : options.next(anchor);
    while (i < events.length && (anchorIsStart ? compareDates(events[i]!, anchor) < 0 : compareDates(events[i]!, anchor) <= 0)) i++;
    const event = events[i];
    const endsFirst = options.end !== null && (event === undefined || compareDates(options.end, event) < 0);
    if (endsFirst) {
      // The duty ended before it was met: it lapsed if it was already due by then, else it never fell due.
      if (compareDates(dueOn, options.end!) <= 0) out.push({ dueOn, metOn: null, lapsedOn: options.end, anchor, anchorIsStart });
      return out;
    }
    if (event === undefined) {
      out.push({ dueOn, metOn: null, lapsedOn: null, anchor, anchorIsStart });
      return out;
    }
    out.push({ dueOn, metOn: event, lapsedOn: null, anchor, anchorIsStart });
    anchor = event;
    anchorIsStart = false;
    i++;
  }
  throw new Error('recurring duty did not terminate');
}
