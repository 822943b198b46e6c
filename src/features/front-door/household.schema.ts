/**
 * The new-child form's household fields (issue 9): the child's address (the postcode checked), up
 * to two parents or carers (name, relationship, parental responsibility) and the school (name;
 * URN optional). Each part is optional, but a part begun must be complete: every error is
 * collected with the rest of the form's.
 */
import { normalisePostcode } from '../../domain/text/uk-postcode.js';
import type { FormReader } from '../../web/form-reader.js';

export interface NewChildAddress {
  line1: string;
  line2: string | null;
  town: string;
  /** As stored: capitals, no space. */
  postcode: string;
}

export interface NewChildCarer {
  givenName: string;
  familyName: string;
  relationship: CarerRelationship;
  parentalResponsibility: boolean;
  livesWithChild: boolean;
}

export interface NewChildHousehold {
  address: NewChildAddress | null;
  carers: NewChildCarer[];
  school: { name: string; urn: string | null } | null;
}

/** How a parent or carer stands to the child, as the relationships table stores it. */
export const CARER_RELATIONSHIPS = ['mother', 'father', 'step-parent', 'grandparent', 'carer', 'other'] as const;
export type CarerRelationship = (typeof CARER_RELATIONSHIPS)[number];
export const carerRelationshipLabels: Record<CarerRelationship, string> = {
  mother: 'Mother',
  father: 'Father',
  'step-parent': 'Step-parent',
  grandparent: 'Grandparent',
  carer: 'Other carer (kinship, foster)',
  other: 'Other relative',
};

/** The carer slots on the form: carer1-..., carer2-... (no script needed to add one). */
export const CARER_SLOTS = [1, 2] as const;

export const HOUSEHOLD_FIELDS = [
  'addressLine1', 'addressLine2', 'addressTown', 'addressPostcode',
  ...CARER_SLOTS.flatMap((n) => [`carer${n}-givenName`, `carer${n}-familyName`, `carer${n}-relationship`, `carer${n}-pr`, `carer${n}-livesWith`]),
  'schoolName', 'schoolUrn',
];

function readAddress(form: FormReader): NewChildAddress | null {
  const begun = ['addressLine1', 'addressLine2', 'addressTown', 'addressPostcode'].some((f) => form.raw(f).trim() !== '');
  if (!begun) return null;
  const line1 = form.text('addressLine1', { required: 'Enter the first line of the address', max: 200, label: 'Address line 1' });
  const line2 = form.text('addressLine2', { max: 200, label: 'Address line 2' });
  const town = form.text('addressTown', { required: 'Enter the town or city', max: 100, label: 'Town or city' });
  const typed = form.text('addressPostcode', { required: 'Enter the postcode', max: 10, label: 'Postcode' });
  const postcode = typed ? normalisePostcode(typed) : null;
  if (typed && !postcode) form.fail('addressPostcode', 'Enter a real postcode, like SW1A 2AA');
  return line1 && town && postcode ? { line1, line2, town, postcode } : null;
}

function readCarer(form: FormReader, n: number): NewChildCarer | null {
  const f = (name: string) => `carer${n}-${name}`;
  const begun = ['givenName', 'familyName', 'relationship', 'pr'].some((x) => form.raw(f(x)).trim() !== '');
  if (!begun) return null;
  const who = n === 1 ? 'the parent or carer' : 'the second parent or carer';
  const givenName = form.text(f('givenName'), { required: `Enter the first name of ${who}`, max: 100, label: 'First name', personName: true });
  const familyName = form.text(f('familyName'), { required: `Enter the last name of ${who}`, max: 100, label: 'Last name', personName: true });
  const relationship = form.choice(f('relationship'), CARER_RELATIONSHIPS, `Select how ${who} is related to the child`);
  const pr = form.raw(f('pr'));
  if (pr !== 'yes' && pr !== 'no') form.fail(f('pr'), `Select whether ${who} has parental responsibility`);
  const livesWithChild = form.raw(f('livesWith')) === 'yes';
  return givenName && familyName && relationship && (pr === 'yes' || pr === 'no') ? { givenName, familyName, relationship, parentalResponsibility: pr === 'yes', livesWithChild } : null;
}

function readSchool(form: FormReader): NewChildHousehold['school'] {
  const name = form.text('schoolName', { max: 200, label: 'School' });
  const urn = form.text('schoolUrn', { max: 10, label: 'URN', pattern: [/^\d{6}$/, 'Enter the school’s URN as 6 digits, like 100000, or leave it blank'] });
  if (urn && !name) form.fail('schoolName', 'Enter the name of the school, or leave the URN blank');
  return name ? { name, urn } : null;
}

export function readHousehold(form: FormReader): NewChildHousehold {
  const address = readAddress(form);
  const carers = CARER_SLOTS.map((n) => readCarer(form, n)).filter((c): c is NewChildCarer => c !== null);
  return { address, carers, school: readSchool(form) };
}
