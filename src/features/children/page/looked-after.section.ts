/** The looked after part of the page: periods of care, legal statuses, placements, reviews, missing episodes, permanence. */
import { categoriesOfNeed, legalStatuses, missingTypes, permanencePlans, placementProviders, placementTypes, reasonsEpisodeCeased, reasonsForNewEpisode, reasonsForPlacementChange, reviewParticipation } from '../../../domain/codes/index.js';
import { placementWords } from '../../../domain/journey/status.js';
import { deriveEpisodes } from '../../../domain/looked-after/index.js';
import { type PlainDate } from '../../../domain/time/index.js';
import type { ChildRecord } from '../children.service.js';
import { formatPostcode, permanenceOrderLabel } from '../labels.js';
import { type Row, type Block, type Section, d, t, num, row, lowerFirst, upperFirst, newest, plural, money, late, type Staff } from './blocks.js';
import { type PlacementRow, placementShortWords, PROVIDER_WORDS, shortLabel, placementWhere } from './placement-words.js';
import { type ChildPageOptions } from './options.js';

export function lookedAfterSection(rec: ChildRecord, o: ChildPageOptions, staff: Staff): Section {
  const blocks: Block[] = [];
  const costs = new Map<string, { fromDate: string; weeklyCost: number }[]>();
  for (const c of rec.placementCosts) costs.set(c.placementId, [...(costs.get(c.placementId) ?? []), c]);
  /** The weekly cost now (or when the placement ended). */
  const costOf = (x: PlacementRow) => {
    const asAt = x.placement.endDate && x.placement.endDate <= o.today ? x.placement.endDate : o.today;
    const latest = newest((costs.get(x.placement.id) ?? []).filter((c) => c.fromDate <= asAt), (c) => c.fromDate)[0];
    const cost = latest?.weeklyCost ?? x.placement.weeklyCost;
    return cost === null || cost === undefined ? 'Not recorded' : money(cost);
  };

  const periods = newest(rec.periodsOfCare, (x) => x.startDate);
  periods.forEach((period, i) => {
    const legal = rec.legalStatuses.filter((l) => l.periodOfCareId === period.id);
    const placed = rec.placements.filter((x) => x.placement.periodOfCareId === period.id);
    const carePlan = newest(rec.carePlans.filter((c) => c.periodOfCareId === period.id), (c) => c.startDate)[0];
    const perm = rec.permanence.find((x) => x.periodOfCareId === period.id);
    const title = `Period of care from ${d(period.startDate)}${period.endDate ? ` to ${d(period.endDate)}` : ' (looked after now)'}`;
    const rows: Row[] = [];
    if (period.endDate) rows.push(row('Why it ended', `${reasonsEpisodeCeased.label(period.reasonEnded ?? '')} (${period.reasonEnded})`));
    rows.push(row('Category of need', `${categoriesOfNeed.label(period.categoryOfNeed)} (${period.categoryOfNeed})`));
    if (period.uasc) rows.push(row('Unaccompanied asylum-seeking child', 'Yes'));
    if (carePlan) rows.push(row('Permanence plan', carePlan.permanencePlans.map((x) => permanencePlans.label(x)).join('; ') || 'Not recorded'));
    if (perm) {
      const steps = [
        perm.admDecisionDate && `should be placed for adoption (agency decision) ${d(perm.admDecisionDate)}`,
        perm.placementOrderDate && `placement order ${d(perm.placementOrderDate)}`,
        perm.matchedDate && `matched ${d(perm.matchedDate)}`,
        perm.placedForAdoptionDate && `placed for adoption ${d(perm.placedForAdoptionDate)}`,
        perm.decisionReversedDate && `decision reversed ${d(perm.decisionReversedDate)}`,
        perm.permanenceOrderDate && `${lowerFirst(permanenceOrderLabel(perm.permanenceOrderType))} ${d(perm.permanenceOrderDate)}`,
      ].filter(Boolean) as string[];
      if (steps.length) rows.push(row('Permanence', upperFirst(steps.join('; '))));
    }
    blocks.push({ type: 'card', title, rows });

    if (legal.length) {
      blocks.push({ type: 'heading', text: 'Legal status', level: 4 }, {
        type: 'table',
        caption: `Legal status, period of care from ${d(period.startDate)}`,
        head: [t('Legal status'), t('From'), t('To')],
        rows: newest(legal, (l) => l.startDate).map((l) => [t(`${legalStatuses.label(l.code)} (${l.code})`), t(d(l.startDate)), t(l.endDate ? d(l.endDate) : 'Now')]),
      });
    }
    if (placed.length) {
      const head = [t('Placement'), t('Carer or provider'), t('From'), t('To'), t('Why it ended')];
      if (o.canSeeCost) head.push({ text: 'Weekly cost', format: 'numeric' });
      blocks.push({ type: 'heading', text: 'Placements', level: 4 }, {
        type: 'table',
        caption: `Placements, period of care from ${d(period.startDate)}, newest first`,
        head,
        rows: newest(placed, (x) => x.placement.startDate).map((x) => {
          const pl = x.placement;
          const cells = [
            t(`${placementTypeWords(pl.placementType)} (${pl.placementType})${pl.longTerm ? ', long-term' : ''}`),
            t([placementWhere(x), pl.provider && providerWords(pl.provider)].filter(Boolean).join('. ')),
            t(d(pl.startDate)),
            t(pl.endDate ? d(pl.endDate) : 'Now'),
            t(pl.changeReason ? `${shortLabel(reasonsForPlacementChange.label(pl.changeReason))} (${pl.changeReason})` : ''),
          ];
          if (o.canSeeCost) cells.push(num(costOf(x)));
          return cells;
        }),
      });
    }
    // The SSDA903 episodes this period returns, derived from the two timelines (never stored).
    const derived = deriveEpisodes(
      { id: period.id, startDate: period.startDate as PlainDate, endDate: period.endDate as PlainDate | null, reasonEnded: period.reasonEnded },
      legal.map((l) => ({ startDate: l.startDate as PlainDate, endDate: l.endDate as PlainDate | null, code: l.code })),
      placed.map((x) => ({
        id: x.placement.id,
        startDate: x.placement.startDate as PlainDate,
        endDate: x.placement.endDate as PlainDate | null,
        placeType: x.placement.placementType,
        provider: x.placement.provider,
        postcode: x.placement.postcode,
        urn: x.placement.urn,
        carerId: x.placement.fosterCarerId ?? x.placement.providerId,
        reasonPlaceChange: x.placement.changeReason,
      })),
      period.categoryOfNeed,
    );
    if (derived.episodes.length || derived.problems.length) {
      const inner: Block[] = [];
      if (derived.problems.length) {
        inner.push({ type: 'problems', title: `The return would query this period of care (${plural(derived.problems.length, 'problem')})`, items: derived.problems.map((x) => `${x.message}${x.rule ? ` (rule ${x.rule})` : ''}`) });
      }
      inner.push({
        type: 'table',
        caption: `SSDA903 episodes, period of care from ${d(period.startDate)}, newest first`,
        head: [t('Started (DECOM)'), t('Reason for new episode (RNE)'), t('Legal status (LS)'), t('Placement (PLACE, provider, postcode)'), t('Ended (DEC)'), t('Reason ceased (REC)')],
        rows: [...derived.episodes].reverse().map((e) => [
          t(d(e.decom)),
          t(`${e.rne}: ${reasonsForNewEpisode.label(e.rne)}`),
          t(`${e.ls}: ${legalStatuses.label(e.ls)}`),
          t([`${e.place}: ${placementTypes.label(e.place)}`, e.placeProvider && `${e.placeProvider}: ${placementProviders.label(e.placeProvider)}`, e.plPost && formatPostcode(e.plPost)].filter(Boolean).join(', ')),
          t(e.dec ? d(e.dec) : 'Open'),
          t(e.rec === 'X1' ? 'X1 (a new episode the same day)' : e.rec ? `${e.rec}: ${reasonsEpisodeCeased.label(e.rec)}` : ''),
        ]),
      });
      blocks.push({ type: 'details', summary: `SSDA903 episodes for the return (${plural(derived.episodes.length, 'episode')}${derived.problems.length ? `, ${plural(derived.problems.length, 'problem')}` : ''})`, blocks: inner });
    }
    if (i === 0 && periods.length > 1) blocks.push({ type: 'heading', text: 'Earlier periods of care', level: 3 });
  });

  if (rec.claReviews.length) {
    blocks.push(
      { type: 'heading', text: 'Looked after reviews', level: 3 },
      {
        type: 'table',
        caption: 'Looked after reviews, newest first',
        head: [t('Date'), t('Due by'), t('Child’s participation'), t('IRO (independent reviewing officer)')],
        rows: newest(rec.claReviews, (r) => r.reviewDate).map((r) => [
          t(`${d(r.reviewDate)}${r.cancelled ? ' (cancelled)' : late(r) ? ' (late)' : ''}`),
          t(d(r.dueDate)),
          t(r.participation ? `${r.participation}: ${reviewParticipation.label(r.participation)}` : 'Not recorded'),
          t(staff(r.iroId)),
        ]),
      },
    );
  }
  if (rec.missingEpisodes.length) {
    blocks.push(
      { type: 'heading', text: 'Missing and away from placement', level: 3 },
      {
        type: 'table',
        caption: 'Missing and away from placement, newest first',
        head: [t('From'), t('Returned'), t('Missing or away'), t('Return home interview')],
        rows: newest(rec.missingEpisodes, (m) => m.startDate).map((m) => [
          t(d(m.startDate)),
          t(m.endDate ? d(m.endDate) : 'Not yet returned', m.endDate ? undefined : 'hearth-overdue'),
          t(missingTypes.label(m.missingType)),
          t(m.rhiOffered === null ? 'Not recorded' : m.rhiOffered ? `Offered${m.rhiOfferedDate ? ` ${d(m.rhiOfferedDate)}` : ''}${m.rhiAccepted === null ? '' : m.rhiAccepted ? ', accepted' : ', declined'}` : 'Not offered'),
        ]),
      },
    );
  }
  return { id: 'looked-after', title: 'Looked after', count: rec.periodsOfCare.length + rec.placements.length + rec.claReviews.length + rec.missingEpisodes.length, blocks };
}

/** "Placed with parents", "Placed with foster carers", "In a children’s home": the placement type in words. */
function placementTypeWords(placementType: string): string {
  const words = placementWords(placementType);
  return upperFirst(words.startsWith('placed') ? words : placementShortWords(placementType));
}

/** SSDA903 PLACE_PROVIDER in words with its code: "Placed with parents (PR0)", "Private provision (PR4)". */
function providerWords(provider: string): string {
  if (provider === 'PR0') return 'Placed with parents (PR0)';
  return `${upperFirst(PROVIDER_WORDS[provider] ?? placementProviders.label(provider))} provision (${provider})`;
}
