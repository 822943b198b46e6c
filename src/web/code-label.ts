import { escapeHtml } from './escape-html.js';

/**
 * A coded value as users read it: the label, then the code in a muted span for the analysts who
 * need it ("Police <span class="hearth-code">(2A)</span>"). Never the code alone (issue 9). Escaped.
 */
export function codeLabelHtml(label: string, code: string | null | undefined): string {
  return code ? `${escapeHtml(label)} <span class="hearth-code">(${escapeHtml(code)})</span>` : escapeHtml(label);
}
