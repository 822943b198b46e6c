/**
 * The administrator's forms for users and teams, read field by field with every error collected
 * (GOV.UK wording). What needs the database (a name already taken, a team under itself) is checked
 * by the users service inside its transaction.
 */
import { ROLES } from '../../domain/access/index.js';
import type { FieldError } from '../../domain/errors.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { readFormToken, readVersion } from '../../web/form-tokens.js';
import { isUuid } from '../../web/ids.js';
import { passwordProblem, usernameProblem } from '../users/user-rules.js';

export { newFormToken } from '../../web/form-tokens.js';

export interface Parsed<T> {
  command: T | null;
  errors: FieldError[];
  /** What the user typed, to show back (never the password). */
  values: Record<string, string | string[]>;
  formToken: string | null;
  version: number | null;
}

const token = (form: FormReader): string | null => readFormToken(form);

/** The version the form was rendered with, or null when the form is not one Hearth rendered. */
function version(form: FormReader): number | null {
  const v = readVersion(form);
  return /^\d{1,9}$/.test(form.raw('version')) ? v : null;
}

/** A team from a select: '' is none; anything else must look like an id (the service checks it exists). */
function optionalId(form: FormReader, name: string, message: string): string | null {
  const raw = form.raw(name);
  if (!raw) return null;
  if (!isUuid(raw)) {
    form.fail(name, message);
    return null;
  }
  return raw;
}

function done<T>(form: FormReader, command: T, values: Record<string, string | string[]>, formToken: string | null, v: number | null): Parsed<T> {
  return { command: form.ok ? command : null, errors: form.errors, values, formToken, version: v };
}

export interface NewTeamCommand {
  name: string;
  kind: 'service' | 'team';
  parentId: string | null;
  isFrontDoor: boolean;
}

export function parseNewTeam(body: FormBody): Parsed<NewTeamCommand> {
  const form = new FormReader(body);
  const name = form.text('name', { required: 'Enter the team’s name', max: 100, label: 'The team’s name' });
  const kind = form.choice('kind', ['team', 'service'] as const, 'Select whether this is a team or a service');
  const parentId = optionalId(form, 'parentId', 'Select a parent team from the list');
  const isFrontDoor = form.raw('isFrontDoor') === 'yes';
  const t = token(form);
  return done(form, { name: name ?? '', kind: kind ?? 'team', parentId, isFrontDoor }, { name: form.raw('name'), kind: form.raw('kind'), parentId: form.raw('parentId'), isFrontDoor: form.raw('isFrontDoor') }, t, null);
}

export interface TeamChangeCommand {
  name: string;
  parentId: string | null;
  isFrontDoor: boolean;
}

export function parseTeamChange(body: FormBody): Parsed<TeamChangeCommand> {
  const form = new FormReader(body);
  const name = form.text('name', { required: 'Enter the team’s name', max: 100, label: 'The team’s name' });
  const parentId = optionalId(form, 'parentId', 'Select a parent team from the list');
  const isFrontDoor = form.raw('isFrontDoor') === 'yes';
  const v = version(form);
  return done(form, { name: name ?? '', parentId, isFrontDoor }, { name: form.raw('name'), parentId: form.raw('parentId'), isFrontDoor: form.raw('isFrontDoor') }, null, v);
}

export interface NewUserCommand {
  username: string;
  displayName: string;
  email: string | null;
  teamId: string | null;
  roles: string[];
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseNewUser(body: FormBody): Parsed<NewUserCommand> {
  const form = new FormReader(body);
  const displayName = form.text('name', { required: 'Enter the person’s name', max: 100, label: 'The name' });
  const username = form.text('username', { required: 'Enter a username', max: 64, label: 'The username' });
  if (username) {
    const problem = usernameProblem(username);
    if (problem) form.fail('username', problem);
  }
  const email = form.text('email', { max: 254, label: 'The email address', pattern: [EMAIL, 'Enter an email address in the correct format, like name@example.gov.uk'] });
  const teamId = optionalId(form, 'teamId', 'Select a team from the list');
  const roles = form.all('roles');
  if (roles.length === 0) form.fail('roles', 'Select at least one role');
  else if (roles.some((r) => !(ROLES as readonly string[]).includes(r))) form.fail('roles', 'Select roles from the list');
  const password = form.raw('password');
  const problem = passwordProblem(password);
  if (problem) form.fail('password', problem);
  const t = token(form);
  return done(
    form,
    { username: username ?? '', displayName: displayName ?? '', email, teamId, roles, password },
    { name: form.raw('name'), username: form.raw('username'), email: form.raw('email'), teamId: form.raw('teamId'), roles },
    t,
    null,
  );
}

export function parseUserTeam(body: FormBody): Parsed<{ teamId: string | null }> {
  const form = new FormReader(body);
  const teamId = optionalId(form, 'teamId', 'Select a team from the list');
  const v = version(form);
  return done(form, { teamId }, { teamId: form.raw('teamId') }, null, v);
}

export function parseUserRoles(body: FormBody): Parsed<{ roles: string[] }> {
  const form = new FormReader(body);
  const roles = form.all('roles');
  if (roles.length === 0) form.fail('roles', 'Select at least one role');
  else if (roles.some((r) => !(ROLES as readonly string[]).includes(r))) form.fail('roles', 'Select roles from the list');
  const v = version(form);
  return done(form, { roles }, { roles }, null, v);
}

export function parsePasswordReset(body: FormBody): Parsed<{ password: string }> {
  const form = new FormReader(body);
  const password = form.raw('password');
  const problem = passwordProblem(password);
  if (problem) form.fail('password', problem);
  const v = version(form);
  return done(form, { password }, {}, null, v);
}

/** Deactivate, reactivate, unlock: only the version the page was opened at. */
export function parseVersionOnly(body: FormBody): Parsed<Record<string, never>> {
  const form = new FormReader(body);
  const v = version(form);
  return done(form, {}, {}, null, v);
}
