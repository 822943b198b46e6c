/**
 * The chronology's order within a day and its bylines, from records built by hand (the page's
 * integration tests cover the records as the database returns them).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type PlainDate, parsePlainDate } from '../../domain/time/index.js';
import { type ChronologySources, buildChronology, bylineOf } from './chronology.js';

const recorded = { createdAt: new Date('2026-01-01T00:00:00Z'), createdBy: null, version: 1 };
const staff = new Map([
  ['u1', 'Hannah Clarke'],
  ['u2', 'Marcus Reid'],
]);
/** A row's fields, its dates written as 'YYYY-MM-DD' literals (as the database returns them). */
type Written<T> = { [K in keyof T]?: [T[K]] extends [PlainDate] ? string : [T[K]] extends [PlainDate | null] ? string | null : T[K] };
/** Rows with only the fields a test cares about; the rest as the database would leave them. */
const rows = <T>(xs: Written<T>[]) => xs.map((x) => ({ ...recorded, ...x })) as T[];
type Source<K extends keyof ChronologySources> = NonNullable<ChronologySources[K]> extends readonly (infer T)[] ? T : never;

describe('buildChronology', () => {
  test('a day’s date-only events in the order they happen, newest first: conference, plan; placement ended, next started', () => {
    const entries = buildChronology({
      staff,
      icpcs: rows<Source<'icpcs'>>([{ conferenceDate: '2026-03-03', planRequired: true, transferIn: false, targetDate: '2026-03-04', chairId: 'u2' }]),
      cpPlans: rows<Source<'cpPlans'>>([{ startDate: '2026-03-03', endDate: null, initialCategory: 'NEG', latestCategory: 'NEG', otherLa: false }]),
      strategyDiscussions: rows<Source<'strategyDiscussions'>>([{ discussionDate: '2026-02-10', decision: 's47', attendees: [{ agency: 'police', name: null }], rationale: 'Bruising.' }]),
      periodsOfCare: rows<Source<'periodsOfCare'>>([{ startDate: '2026-05-01', endDate: null, reasonEnded: null, categoryOfNeed: 'N1', uasc: false }]),
      legalStatuses: rows<Source<'legalStatuses'>>([{ startDate: '2026-05-01', endDate: null, code: 'C1' }]),
      placements: [
        { placement: rows<Source<'placements'>['placement']>([{ startDate: '2026-05-01', endDate: '2026-06-01', placementType: 'U6', changeReason: 'CARPL', postcode: 'HH12AB', longTerm: false }])[0]!, providerName: null, providerArea: null, providerType: null, carerName: 'Ann Carer', carerType: 'mainstream' },
        { placement: rows<Source<'placements'>['placement']>([{ startDate: '2026-06-01', endDate: null, placementType: 'U4', changeReason: null, postcode: null, longTerm: true }])[0]!, providerName: 'Hearthshire Fostering Service', providerArea: 'Hearthshire', providerType: 'in_house_fostering', carerName: 'Bo Carer', carerType: 'mainstream' },
      ],
    });
    assert.deepEqual(
      entries.map((e) => [e.day, e.title]),
      [
        ['2026-06-01', 'Placement started: Foster placement with other foster carer: long-term fostering (U4)'],
        ['2026-06-01', 'Placement ended'],
        ['2026-05-01', 'Placement started: Foster placement with other foster carer: not long-term or fostering for adoption/concurrent planning (U6)'],
        ['2026-05-01', 'Legal status: interim care order (C1)'],
        ['2026-05-01', 'Became looked after'],
        ['2026-03-03', 'Child protection plan started (neglect)'],
        ['2026-03-03', 'Initial child protection conference: child protection plan'],
        ['2026-02-10', 'Strategy discussion: section 47 enquiry'],
      ],
    );
    assert.equal(entries[0]!.text, 'Bo Carer, Hearthshire Fostering Service. Intended to be long-term');
    assert.equal(entries[1]!.text, 'Change to or implementation of care plan (including a move to a long-term placement, to adopters or to semi-independence) (CARPL). Started 1 May 2026');
    assert.equal(entries[6]!.text, 'Due by 4 March 2026. Chair: Marcus Reid');
    assert.equal(entries[7]!.text, 'Attended: police. Bruising.', 'no doubled full stop');
  });

  test('bylines: who recorded it; a visit recorded by no one known is by the worker who visited; a late write-up says when', () => {
    const entries = buildChronology({
      staff,
      visits: rows<Source<'visits'>>([
        { visitDate: '2026-11-02', visitType: 'cp', childSeen: true, childSeenAlone: true, bedroomSeen: true, writtenUpOn: '2026-11-02', workerId: 'u1', notes: null },
        { visitDate: '2026-11-09', visitType: 'cin', childSeen: false, childSeenAlone: false, bedroomSeen: false, writtenUpOn: '2026-11-12', workerId: 'u1', notes: 'No one home.', createdBy: 'u2', createdAt: new Date('2026-11-12T16:30:00Z') },
      ]),
      supervisionDecisions: [{ id: 's1', date: parsePlainDate('2026-11-05'), decision: 'Visit weekly.', rationale: 'Concerns about home conditions.', supervisorId: 'u2', workerId: 'u1' }],
    });
    assert.deepEqual(
      entries.map((e) => [e.title, bylineOf(e), e.text]),
      [
        ['Child in need visit', 'Marcus Reid (recorded 12 November 2026 at 4:30pm)', 'Child not seen. Written up on 12 November 2026. No one home.'],
        ['Supervision decision', 'Marcus Reid', 'Visit weekly. Concerns about home conditions. Worker: Hannah Clarke'],
        ['Child protection visit', 'Hannah Clarke', 'Child seen alone. Bedroom seen. Written up the same day'],
      ],
    );
  });

  test('a missing episode: when it began and when the child returned, with the return home interview', () => {
    const entries = buildChronology({
      staff,
      missingEpisodes: rows<Source<'missingEpisodes'>>([{ missingType: 'M', startDate: '2026-10-01', endDate: '2026-10-03', rhiOffered: true, rhiOfferedDate: '2026-10-04', rhiAccepted: false }]),
    });
    assert.deepEqual(
      entries.map((e) => [e.title, e.text]),
      [
        ['Returned after being missing', 'Missing from 1 October 2026. Return home interview offered on 4 October 2026 and declined'],
        ['Missing from placement', 'Missing: whereabouts unknown'],
      ],
    );
  });
});
