import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GOVUK_FRONTEND = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const MOJ_FRONTEND = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'));
export const BUILD_DIR = path.join(ROOT, 'public', 'build');
export const CSS_FILE = path.join(BUILD_DIR, 'hearth.css');
