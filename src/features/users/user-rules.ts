import { isRole } from '../../domain/access/index.js';
import type { FieldError } from '../../domain/errors.js';
import { MIN_PASSWORD_LENGTH } from '../auth/password.js';

/** Longest password accepted: argon2 takes any length, but a cap stops a megabyte "password" (security.md: 8..128 in Primero; ASVS 2.1.2 allows at least 64). */
export const MAX_PASSWORD_LENGTH = 128;

export const USERNAME_PATTERN = /^[a-z0-9._-]{2,64}$/;

export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username) ? null : 'Username must be 2 to 64 lower-case letters, digits, dots, dashes or underscores';
}

/** The house's password rule: at least 12 characters (OWASP ASVS 2.1.1), at most 128. */
export function passwordProblem(password: string): string | null {
  if (!password) return 'Enter a password';
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  return null;
}

export function rolesProblems(roles: readonly string[], field = 'roles'): FieldError[] {
  if (roles.length === 0) return [{ field, message: 'Select at least one role' }];
  const bad = roles.filter((r) => !isRole(r));
  return bad.length ? [{ field, message: `Unknown role: ${bad.join(', ')}` }] : [];
}

export function teamNameProblem(name: string): string | null {
  if (!name.trim()) return 'Enter the team’s name';
  if (name.trim().length > 100) return 'The team’s name must be 100 characters or fewer';
  return null;
}
