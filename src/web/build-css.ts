import fs from 'node:fs';
import path from 'node:path';
import * as sass from 'sass';
import { BUILD_DIR, CSS_FILE, ROOT } from './paths.js';

const SOURCE = path.join(ROOT, 'src', 'web', 'styles', 'hearth.scss');

/** Builds the council's stylesheet from govuk-frontend's and MOJ's Sass (about a second). */
export function buildCss(): string {
  const result = sass.compile(SOURCE, { loadPaths: [ROOT], style: 'compressed', quietDeps: true, silenceDeprecations: ['import'], logger: sass.Logger.silent });
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  fs.writeFileSync(CSS_FILE, result.css);
  return CSS_FILE;
}

/** Builds only when the stylesheet is missing or older than its source. */
export function ensureCss(): void {
  const built = fs.existsSync(CSS_FILE) ? fs.statSync(CSS_FILE).mtimeMs : 0;
  if (built < fs.statSync(SOURCE).mtimeMs) buildCss();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(`Built ${path.relative(ROOT, buildCss())}`);
}
