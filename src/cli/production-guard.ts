import { type Config, ConfigError } from '../config/config.js';

/**
 * The demo authority's users all share a password printed in the README and on start-up: loading
 * it into a production database would open every account to anyone. Refused before the database
 * is touched.
 */
export function refuseDemoInProduction(config: Config, command: string): void {
  if (config.env !== 'production') return;
  throw new ConfigError(
    `The demo authority is refused in production (NODE_ENV=production): its users' password is published. ` +
      `\`${command}\` is for evaluation and testing; create real users with \`hearth user add\`.`,
  );
}
