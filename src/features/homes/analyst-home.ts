import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatLongDate } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { escapeHtml } from '../../web/escape-html.js';
import { signedIn } from '../../web/request-context.js';
import { urls } from '../../web/urls.js';
import { RULE_ORDER, ruleInfo } from '../worktray/work-catalogue.js';

/** The performance analyst's home: what they own (compliance, search) and open work across the authority by rule. */
export async function renderAnalystHome(request: FastifyRequest, reply: FastifyReply, services: Services) {
  const { principal } = signedIn(request);
  const { today, rules } = await services.homes.analyst();
  const order = (rule: string) => (RULE_ORDER.includes(rule) ? RULE_ORDER.indexOf(rule) : RULE_ORDER.length);
  const sorted = [...rules].sort((a, b) => order(a.rule) - order(b.rule) || a.rule.localeCompare(b.rule));
  const rows = sorted.map((r) => [
    { html: `<a class="govuk-link" href="${escapeHtml(urls.compliance.rule(r.rule))}">${escapeHtml(ruleInfo(r.rule).label)}</a>` },
    { text: String(r.open), format: 'numeric' },
    { html: r.overdue ? `<span class="hearth-overdue">${r.overdue}</span>` : '0', format: 'numeric' },
    { text: String(r.childrenOverdue), format: 'numeric' },
  ]);
  return reply.page('homes/views/analyst.njk', {
    pageTitle: 'Performance',
    today: formatLongDate(today),
    rows,
    open: rules.reduce((n, r) => n + r.open, 0),
    overdue: rules.reduce((n, r) => n + r.overdue, 0),
    canSearch: services.search.canSearch(principal),
  });
}
