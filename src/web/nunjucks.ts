import path from 'node:path';
import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import { formatLongDate, formatLondonDateTime, isPlainDate } from '../domain/time/index.js';
import { GOVUK_FRONTEND, MOJ_FRONTEND, ROOT } from './paths.js';

const require = createRequire(import.meta.url);

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
  env.addFilter('longDate', (d: unknown) => (typeof d === 'string' && isPlainDate(d) ? formatLongDate(d) : ''));
  env.addFilter('dateTime', (d: unknown) => (d instanceof Date ? formatLondonDateTime(d) : ''));
  env.addGlobal('authorityName', globals.authorityName);
  env.addGlobal('serviceName', 'Hearth');
  return env;
}
