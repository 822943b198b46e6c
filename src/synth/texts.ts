/** Short, plainly fictional free text for contacts, decisions and supervision records. */
import { weighted, type Rng } from './prng.js';

export type ConcernKind = 'family' | 'child' | 'teen' | 'baby' | 'disability' | 'uasc';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

const CONCERNS: Record<ConcernKind, readonly string[]> = {
  family: [
    'Police attended a domestic incident at the family home overnight; {name} was present.',
    'School reports {name} often arrives hungry and in unwashed clothes.',
    'Neighbour concerned about shouting and children left alone in the evenings.',
    'Health visitor concerned about home conditions and missed health appointments.',
    'Housing officer reports the family face eviction and the home is in poor condition.',
    'Mother disclosed to her GP that she is struggling with her mental health and caring for the children.',
    'Anonymous caller worried about drug use at the home while the children are there.',
  ],
  child: [
    'School reports a bruise to {name}’s arm; {name} said an adult at home grabbed them.',
    '{name} told a teacher there is often no food at home.',
    'GP concerned about {name}’s weight loss and missed appointments.',
    'Early help worker: parent asking for support with {name}’s behaviour at home.',
    '{name} disclosed being hit with a belt by a parent.',
    'Relative worried {name} is frequently left with unsuitable adults.',
  ],
  teen: [
    'Police found {name} in the early hours in another borough with older males.',
    '{name} reported missing overnight; returned with new phone and cash.',
    'School concerned {name} is self-harming and not attending lessons.',
    'Youth offending service concerned {name} is being drawn into county lines.',
    '{name} asked for help after an argument at home; says they cannot go back.',
    'A&E attendance for {name} after an overdose; discharged to parent.',
  ],
  baby: [
    'Midwife concerned about mother’s substance use; baby {name} now at home.',
    'A&E: baby {name} brought in with an unexplained injury.',
    'Health visitor concerned about domestic abuse in the home and baby {name}’s care.',
    'Hospital concerned parents are not managing baby {name}’s feeding and care.',
  ],
  disability: [
    'Parent asking for an assessment of {name}’s needs and short breaks support.',
    'Paediatrician referral: {name} has complex needs and the family need support at home.',
    'School SENCo asking for social care support for {name} and the family.',
  ],
  uasc: [
    'Police: {name}, an unaccompanied young person, arrived in the borough and asked for help.',
    '{name}, an unaccompanied asylum-seeking child, transferred under the national transfer scheme.',
    'Home Office referral: unaccompanied young person {name} at the screening unit.',
  ],
};

export function concernText(rng: Rng, kind: ConcernKind, name: string): string {
  return rng.pick(CONCERNS[kind]).replaceAll('{name}', name);
}

const RATIONALE: Record<string, readonly string[]> = {
  nfa: ['Information shared with the referrer; no role for children’s social care.', 'Concerns not substantiated after checks; no further action.'],
  advice: ['Advice and information given to the referrer and the family.', 'Signposted to universal services; advice given.'],
  early_help: ['Needs are below the threshold for statutory services; family agree to early help.', 'Family consent to an early help assessment with the family hub.'],
  referral: ['Threshold for a child and family assessment met.', 'Concerns about the child’s welfare need a statutory assessment.'],
  strategy_discussion: ['Reasonable cause to suspect significant harm: strategy discussion to be held today.', 'Immediate safeguarding concern: strategy discussion with police and health.'],
};

export function rationale(rng: Rng, decision: string): string {
  return rng.pick(RATIONALE[decision] ?? RATIONALE['referral']!);
}

export const SOURCES: Record<ConcernKind, ReturnType<typeof weighted<string>>> = {
  family: weighted([
    ['6', 30], ['2A', 16], ['3B', 5], ['3A', 4], ['3D', 4], ['3E', 3], ['1A', 6], ['1B', 2], ['1C', 2], ['4', 4], ['5A', 3], ['5B', 2], ['5C', 3], ['5D', 6], ['7', 2], ['8', 4], ['9', 2], ['2B', 1], ['10', 1],
  ]),
  child: weighted([
    ['2A', 26], ['6', 22], ['3A', 5], ['3C', 3], ['3E', 4], ['3D', 3], ['1A', 6], ['1B', 2], ['1C', 2], ['5B', 3], ['5D', 8], ['8', 5], ['9', 2], ['2B', 3], ['10', 1],
  ]),
  teen: weighted([
    ['6', 34], ['2A', 24], ['5B', 9], ['3E', 6], ['3F', 2], ['1A', 5], ['1C', 4], ['5D', 5], ['8', 5], ['7', 3], ['2B', 3],
  ]),
  baby: weighted([
    ['3B', 24], ['3D', 18], ['3E', 12], ['6', 20], ['5A', 8], ['5C', 5], ['1A', 5], ['3F', 4], ['8', 4],
  ]),
  disability: weighted([
    ['3D', 28], ['2B', 18], ['1A', 26], ['3F', 10], ['2A', 10], ['5A', 8],
  ]),
  uasc: weighted([
    ['6', 45], ['7', 20], ['5C', 25], ['1D', 10],
  ]),
};

export function referrer(rng: Rng, source: string, authority: string, word: string, name: string): { name: string | null; organisation: string | null } {
  switch (source) {
    case '6':
      return { name: `PC ${name}`, organisation: `${authority} Police` };
    case '2A':
      return { name, organisation: rng.chance(0.6) ? `${word} Primary School` : `${word} Academy` };
    case '2B':
      return { name, organisation: `${authority} Education Services` };
    case '3A':
      return { name: `Dr ${name}`, organisation: `${word} Medical Centre` };
    case '3B':
      return { name, organisation: 'Health visiting service' };
    case '3C':
      return { name, organisation: 'School nursing service' };
    case '3D':
      return { name, organisation: 'Community midwifery' };
    case '3E':
      return { name, organisation: `${word} Hospital emergency department` };
    case '3F':
      return { name, organisation: `${word} Hospital` };
    case '4':
      return { name, organisation: `${authority} Housing` };
    case '5A':
      return { name, organisation: `${authority} Adult Social Care` };
    case '5B':
      return { name, organisation: `${authority} Youth Justice Service` };
    case '5C':
      return { name, organisation: `${word} Council children’s services` };
    case '5D':
      return { name, organisation: `${authority} Early Help` };
    case '7':
      return { name, organisation: rng.pick(['Probation service', 'Cafcass', 'Home Office']) };
    case '8':
      return { name, organisation: `${word} Children’s Centre` };
    case '9':
    case '10':
      return { name: null, organisation: null };
    default:
      return { name, organisation: null };
  }
}

export const SUPERVISION_DECISIONS: Record<string, readonly string[]> = {
  cp: ['Continue the child protection plan; visits every 10 working days; core group to review progress.', 'Plan progressing; consider step-down at the next review conference.', 'Risk remains high: seek legal advice on the threshold for proceedings.'],
  cin: ['Continue the child in need plan; review at the next CIN meeting.', 'Good progress: plan to close at the next review.', 'Escalate: concerns increasing, consult manager about a strategy discussion.'],
  cla: ['Placement stable; continue with the care plan.', 'Arrange a placement stability meeting.', 'Prepare for the looked-after review; update the care plan.'],
  assessment: ['Complete the assessment within timescale; see the child alone.', 'Assessment to conclude with a child in need plan.', 'Assessment to close with advice; no further action.'],
  other: ['Case discussed; actions agreed and recorded.', 'Review chronology and update the case summary.'],
};
