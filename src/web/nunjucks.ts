import path from 'node:path';
import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import { formatLongDate, formatLondonDateTime, isPlainDate, londonDateOf } from '../domain/time/index.js';
import { GOVUK_FRONTEND, MOJ_FRONTEND, ROOT } from './paths.js';
import { urls } from './urls.js';

const require = createRequire(import.meta.url);

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });

/** MOJ's time style ("9am", "2:05pm") in London time. */
function londonGovTime(d: Date): string {
  const part = (type: string) => Number(londonClock.formatToParts(d).find((p) => p.type === type)?.value ?? 0);
  const hour = part('hour');
  const minute = part('minute');
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}`;
  return `${minute > 0 ? `${clock}:${String(minute).padStart(2, '0')}` : clock}${hour < 12 ? 'am' : 'pm'}`;
}

export interface ViewGlobals {
  authorityName: string;
}

/**
 * One Nunjucks environment: our layouts (src/web/views), each feature's views (named
 * "<feature>/views/<page>.njk"), govuk-frontend's and MOJ's macros. Autoescape is on everywhere.
 */
export function createViews(globals: ViewGlobals, options: { cache: boolean }): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [path.join(ROOT, 'src', 'web', 'views'), path.join(ROOT, 'src', 'features'), GOVUK_FRONTEND, MOJ_FRONTEND],
      { noCache: !options.cache },
    ),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  const mojFilters = require('@ministryofjustice/frontend/moj/filters/all.js')() as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, fn] of Object.entries(mojFilters)) env.addFilter(name, fn);
  // MOJ's mojDate formats in the server's own time zone; a server in UTC would show a referral made
  // at 00:30 in London in summer as the day before. The same words, in London time, whatever the zone.
  env.addFilter('mojDate', (timestamp: unknown, type?: unknown) => {
    const d = typeof timestamp === 'string' || timestamp instanceof Date ? new Date(timestamp) : null;
    if (!d || Number.isNaN(d.getTime()) || (type !== 'date' && type !== 'datetime')) return mojFilters.mojDate!(timestamp, type);
    const day = formatLongDate(londonDateOf(d));
    return type === 'date' ? day : `${day} at ${londonGovTime(d)}`;
  });
  env.addFilter('longDate', (d: unknown) => (typeof d === 'string' && isPlainDate(d) ? formatLongDate(d) : ''));
  env.addFilter('dateTime', (d: unknown) => (d instanceof Date ? formatLondonDateTime(d) : ''));
  env.addGlobal('authorityName', globals.authorityName);
  env.addGlobal('serviceName', 'Hearth');
  // Page addresses: {{ urls.child(id) }}, {{ urls.contacts.rating(c.contact.id) }} (src/web/urls.ts).
  env.addGlobal('urls', urls);
  return env;
}
