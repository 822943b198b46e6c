/** Errors a service throws; one handler in web/ turns each into its page and status. */
export class NotFound extends Error {
  constructor(what = 'record') {
    super(`${what} not found`);
  }
}

/** A child outside the user's scope: answered exactly like a missing record, and audited as a refusal. */
export class AccessDenied extends NotFound {
  constructor(
    readonly userId: string,
    readonly personId: string,
  ) {
    super('child');
  }
}

/** The user may see the record but may not do this to it (403). Out-of-scope records are NotFound. */
export class NotPermitted extends Error {}

/** A stale edit, or an action the record's state no longer allows (409). */
export class Conflict extends Error {
  constructor(
    message: string,
    readonly backTo?: string,
  ) {
    super(message);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

/** Input that breaks a rule the form could not see by itself (e.g. dates that overlap another record). */
export class ValidationFailed extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}
