import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * "Saved" confirmations: after a successful POST the route redirects (post/redirect/get) with
 * `reply.saved(path, message)`, which leaves the message in a short-lived signed cookie; the next
 * page rendered (`reply.page`) takes it, clears it and shows it as a GOV.UK notification banner
 * (success). A cookie rather than a query parameter, so that the address the user lands on is the
 * page's own (a reload, a bookmark or a shared link never repeats the banner), and signed, so that
 * nobody can make Hearth show words it did not write.
 */
export const SAVED_COOKIE = 'hearth_saved';
/** Long enough for the redirect to be followed, short enough never to greet a later visit. */
const SAVED_MAX_AGE_SECONDS = 60;
/** Banner texts are ours and short; a longer cookie is refused rather than shown. */
const MAX_MESSAGE_LENGTH = 300;

export function setSavedMessage(reply: FastifyReply, message: string, secure: boolean): void {
  reply.setCookie(SAVED_COOKIE, message.slice(0, MAX_MESSAGE_LENGTH), { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true, maxAge: SAVED_MAX_AGE_SECONDS });
}

/** The message left by the last save, if any, cleared so it is shown once. */
export function takeSavedMessage(request: FastifyRequest, reply: FastifyReply, secure: boolean): string | null {
  const raw = request.cookies[SAVED_COOKIE];
  if (raw === undefined) return null;
  reply.clearCookie(SAVED_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true });
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value && unsigned.value.length <= MAX_MESSAGE_LENGTH ? unsigned.value : null;
}
