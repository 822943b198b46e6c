/** The names of Hearth's two cookies: the signed session id, and the CSRF token a visitor holds before signing in. */
export const SESSION_COOKIE = 'hearth_session';
export const PRE_SESSION_CSRF_COOKIE = 'hearth_csrf';
