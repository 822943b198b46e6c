import { addMonths, compareDates } from '../time/index.js';
import type { Indicator } from './indicator.js';
import { count, inWindow, per10k, percent } from './measure.js';

const DFE_CIN = 'DfE, Children in need statistics (CIN census)';

/** The MASH decisions that make a contact a referral to children's social care. */
const REFERRED = new Set(['referral', 'strategy_discussion']);

export const contactsReceived: Indicator = {
  id: 'contacts',
  title: 'Contacts',
  definition: 'Contacts received at the front door in the period.',
  source: 'Local measure (Annex A list 1)',
  measure: 'period',
  unit: 'count',
  polarity: 'context',
  england: null,
  compute: ({ children, window }) => count(children.flatMap((c) => c.contacts.filter((k) => inWindow(k.receivedOn, window)).map(() => c.personId))),
};

export const contactConversion: Indicator = {
  id: 'contact-conversion',
  title: 'Contacts that became referrals',
  definition: 'Of the contacts received in the period and decided, the share the MASH decided to refer to children’s social care (a referral or a strategy discussion).',
  source: 'Local measure (ChAT front-door conversion)',
  measure: 'period',
  unit: 'percent',
  polarity: 'context',
  england: null,
  compute: ({ children, window }) => {
    const decided = children.flatMap((c) => c.contacts.filter((k) => inWindow(k.receivedOn, window) && k.decision !== null).map((k) => ({ id: c.personId, k })));
    return percent(decided.filter((d) => REFERRED.has(d.k.decision!)).map((d) => d.id), decided.length);
  },
};

/** Each referral (a child in need episode) in the window, with the child. */
const referralsIn = (input: Parameters<Indicator['compute']>[0]) =>
  input.children.flatMap((c) => c.episodes.filter((e) => inWindow(e.referralDate, input.window)).map((e) => ({ child: c, episode: e })));

export const referralsRate: Indicator = {
  id: 'referrals-rate',
  title: 'Referrals per 10,000 children',
  definition: 'Referrals to children’s social care in the period, per 10,000 children aged 0 to 17 (each child in need episode starts with one referral).',
  source: DFE_CIN,
  measure: 'period',
  unit: 'per-10k',
  polarity: 'context',
  england: { value: 520, year: '2024-25', source: DFE_CIN },
  compute: (input) => per10k(referralsIn(input).map((r) => r.child.personId), input),
};

export const reReferrals: Indicator = {
  id: 're-referrals',
  title: 'Re-referrals within 12 months',
  definition: 'Of the referrals in the period, the share where the child had a previous referral in the 12 months before.',
  source: `${DFE_CIN}: a referral within 12 months of the child’s previous referral`,
  measure: 'period',
  unit: 'percent',
  polarity: 'lower-is-better',
  england: { value: 22.6, year: '2024-25', source: DFE_CIN },
  compute: (input) => {
    const referrals = referralsIn(input);
    const again = referrals.filter(({ child, episode }) =>
      child.episodes.some((p) => p !== episode && compareDates(p.referralDate, episode.referralDate) < 0 && compareDates(addMonths(p.referralDate, 12), episode.referralDate) >= 0),
    );
    return percent(again.map((r) => r.child.personId), referrals.length);
  },
};

export const referralsNoFurtherAction: Indicator = {
  id: 'referrals-nfa',
  title: 'Referrals with no further action',
  definition: 'Of the referrals in the period, the share where the decision on the referral was no further action.',
  source: DFE_CIN,
  measure: 'period',
  unit: 'percent',
  polarity: 'context',
  england: { value: 6.5, year: '2024-25', source: DFE_CIN },
  compute: (input) => {
    const referrals = referralsIn(input);
    return percent(referrals.filter((r) => r.episode.referralDecision === 'nfa').map((r) => r.child.personId), referrals.length);
  },
};

export const FRONT_DOOR_INDICATORS: readonly Indicator[] = [contactsReceived, contactConversion, referralsRate, reReferrals, referralsNoFurtherAction];
