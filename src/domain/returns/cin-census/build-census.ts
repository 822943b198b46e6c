import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { type PlainDate, addWorkingDays, compareDates } from '../../time/index.js';
import type { CensusChild, CensusEpisode } from './census-child.js';
import { type CensusYear, childInYear } from './cohort.js';

export interface CensusHeader {
  year: CensusYear;
  /** The authority's three-digit DfE (LEA) code: 209 for Lewisham. */
  lea: string;
  /** When the file was made (the Header's DateTime). */
  madeAt: Date;
  softwareCode: string;
  release: string;
}

/**
 * GenderCurrent as CIN_schema_2024.xsd allows it: 1 male, 2 female, 0 not recorded (or unborn).
 * From 2024-25 the DfE's guide names the item Sex (M/F/U); the schema this authority validates
 * against still carries GenderCurrent, so the census is written to the schema.
 */
const GENDER: Record<string, string> = { M: '1', F: '2', U: '0' };

/** Working Together to Safeguard Children 2023: the initial conference within 15 working days of the enquiry's start. */
const ICPC_TARGET_WORKING_DAYS = 15;

/** Elements are added in the schema's xs:sequence order; an absent optional value adds nothing. */
function opt(parent: XMLBuilder, name: string, value: string | null | undefined): void {
  if (value !== null && value !== undefined && value !== '') parent.ele(name).txt(value);
}

/**
 * The CIN census XML for a year (CIN_schema_2024.xsd, element order as the schema requires), from
 * every child's whole record: children with no episode in the year are left out, and each
 * child's part is as it stood on the reference date.
 */
export function buildCinCensus(children: readonly CensusChild[], header: CensusHeader): { xml: string; childCount: number } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const message = doc.ele('Message');
  const h = message.ele('Header');
  const details = h.ele('CollectionDetails');
  details.ele('Collection').txt('CIN');
  details.ele('Year').txt(header.year.referenceDate.slice(0, 4));
  details.ele('ReferenceDate').txt(header.year.referenceDate);
  const source = h.ele('Source');
  source.ele('SourceLevel').txt('L');
  source.ele('LEA').txt(header.lea);
  source.ele('SoftwareCode').txt(header.softwareCode);
  source.ele('Release').txt(header.release);
  source.ele('SerialNo').txt('001');
  source.ele('DateTime').txt(header.madeAt.toISOString().slice(0, 19));
  const list = message.ele('Children');
  let childCount = 0;
  for (const whole of children) {
    const child = childInYear(whole, header.year);
    if (!child) continue;
    childCount++;
    addChild(list.ele('Child'), child, whole);
  }
  return { xml: doc.end({ prettyPrint: true }), childCount };
}

function addChild(c: XMLBuilder, child: CensusChild, whole: CensusChild): void {
  const ids = c.ele('ChildIdentifiers');
  ids.ele('LAchildID').txt(child.laChildId);
  opt(ids, 'UPN', child.upn);
  opt(ids, 'UPNunknown', child.upn ? null : child.upnUnknown);
  if (child.dateOfBirth) ids.ele('PersonBirthDate').txt(child.dateOfBirth);
  else opt(ids, 'ExpectedPersonBirthDate', child.expectedDateOfBirth);
  ids.ele('GenderCurrent').txt(GENDER[child.sex] ?? '0');
  opt(ids, 'PersonDeathDate', child.deathDate);
  const traits = c.ele('ChildCharacteristics');
  traits.ele('Ethnicity').txt(child.ethnicity ?? 'NOBT');
  if (child.disabilities.length) {
    const d = traits.ele('Disabilities');
    for (const code of child.disabilities) d.ele('Disability').txt(code);
  }
  const allPlans = whole.episodes.flatMap((e) => e.cpPlans);
  for (const e of child.episodes) addEpisode(c.ele('CINdetails'), e, allPlans);
}

function addEpisode(d: XMLBuilder, e: CensusEpisode, allPlans: readonly CensusEpisode['cpPlans'][number][]): void {
  d.ele('CINreferralDate').txt(e.referralDate);
  d.ele('ReferralSource').txt(e.referralSource);
  opt(d, 'PrimaryNeedCode', e.primaryNeedCode);
  opt(d, 'CINclosureDate', e.closureDate);
  opt(d, 'ReasonForClosure', e.closureReason);
  // A conference with no enquiry in this episode (a transfer in) sits here; one after an enquiry, on the enquiry (rule 2884).
  opt(d, 'DateOfInitialCPC', e.icpcs.find((i) => i.s47Id === null)?.date);
  for (const a of e.assessments) {
    const x = d.ele('Assessments');
    x.ele('AssessmentActualStartDate').txt(a.startDate);
    opt(x, 'AssessmentAuthorisationDate', a.authorisedDate);
    if (a.authorisedDate && a.factors.length) {
      const f = x.ele('FactorsIdentifiedAtAssessment');
      for (const code of a.factors) f.ele('AssessmentFactors').txt(code);
    }
  }
  for (const p of e.cinPlans) {
    const x = d.ele('CINPlanDates');
    x.ele('CINPlanStartDate').txt(p.startDate);
    opt(x, 'CINPlanEndDate', p.endDate);
  }
  for (const s of e.s47s) {
    const x = d.ele('Section47');
    x.ele('S47ActualStartDate').txt(s.startDate);
    const icpc = e.icpcs.find((i) => i.s47Id === s.id);
    x.ele('InitialCPCtarget').txt(icpc?.targetDate ?? addWorkingDays(s.startDate, ICPC_TARGET_WORKING_DAYS));
    opt(x, 'DateOfInitialCPC', icpc?.date);
    x.ele('ICPCnotRequired').txt(s.icpcRequired === false ? 'true' : 'false');
  }
  d.ele('ReferralNFA').txt(e.referralDecision === 'nfa' ? 'true' : 'false');
  for (const p of e.cpPlans) {
    const x = d.ele('ChildProtectionPlans');
    x.ele('CPPstartDate').txt(p.startDate);
    opt(x, 'CPPendDate', p.endDate);
    x.ele('InitialCategoryOfAbuse').txt(p.initialCategory);
    x.ele('LatestCategoryOfAbuse').txt(p.latestCategory);
    x.ele('NumberOfPreviousCPP').txt(String(previousPlans(p.startDate, allPlans)));
    if (p.reviews.length) {
      const r = x.ele('Reviews');
      for (const date of [...p.reviews].sort()) r.ele('CPPreviewDate').txt(date);
    }
  }
}

/** Plans of this child in this authority that started before this one (the CIN census counts the LA's own). */
const previousPlans = (start: PlainDate, all: readonly { startDate: PlainDate }[]) => all.filter((p) => compareDates(p.startDate, start) < 0).length;
