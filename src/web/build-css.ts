import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, CSS_FILE, ROOT } from './paths.js';

const SOURCE = path.join(ROOT, 'src', 'web', 'styles', 'hearth.scss');

/**
 * Builds the council's stylesheet from govuk-frontend's and MOJ's Sass (about a second). Sass is
 * loaded only here: kept out of a running server that already has its stylesheet, it saves ~55 MB.
 */
export async function buildCss(): Promise<string> {
  const sass = await import('sass');
  const result = sass.compile(SOURCE, { loadPaths: [ROOT], style: 'compressed', quietDeps: true, silenceDeprecations: ['import'], logger: sass.Logger.silent });
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  fs.writeFileSync(CSS_FILE, result.css);
  return CSS_FILE;
}

/** Builds only when the stylesheet is missing or older than its source. */
export async function ensureCss(): Promise<void> {
  const built = fs.existsSync(CSS_FILE) ? fs.statSync(CSS_FILE).mtimeMs : 0;
  if (built < fs.statSync(SOURCE).mtimeMs) await buildCss();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(`Built ${path.relative(ROOT, await buildCss())}`);
}
