/**
 * Every page address Hearth links or redirects to, built in one place: routes, services (the
 * "where next" of a write, a Conflict's way back) and templates (the `urls` global) all use these,
 * so a page that moves changes here and nowhere else. (src/web/paths.ts is the other kind of path:
 * files on disk.) The patterns the routes register stay beside their handlers.
 *
 * Each function returns the path as text, unescaped: templates escape it themselves; code that
 * writes raw HTML passes it through escapeHtml (which turns a query's `&` into `&amp;`).
 */

type QueryValue = string | number | boolean | null | undefined;

/** `path?name=value&...#hash`, leaving out empty values; values are percent-encoded. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}, hash?: string): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== null && value !== undefined && value !== '' && value !== false)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return `${path}${pairs.length ? `?${pairs.join('&')}` : ''}${hash ? `#${hash}` : ''}`;
}

const at = (id: string) => encodeURIComponent(id);

export const urls = {
  home: () => '/',
  signIn: (query: { next?: string; signedOut?: boolean } = {}) => withQuery('/sign-in', { next: query.next, signedOut: query.signedOut ? 1 : null }),
  signOut: () => '/sign-out',

  frontDoor: () => '/front-door',
  contacts: {
    /** Where a new contact is recorded: a search first, or the form for a known person. */
    new: (query: { person?: string } = {}) => withQuery('/contacts/new', query),
    find: () => '/contacts/find',
    create: () => '/contacts',
    show: (contactId: string) => `/contacts/${at(contactId)}`,
    rating: (contactId: string) => `/contacts/${at(contactId)}/rating`,
    decision: (contactId: string) => `/contacts/${at(contactId)}/decision`,
  },
  referrals: {
    show: (episodeId: string) => `/referrals/${at(episodeId)}`,
    decision: (episodeId: string) => `/referrals/${at(episodeId)}/decision`,
  },

  /** A child's record; `query`/`hash` open a section (`{ visits: 'all' }, 'visits'`). */
  child: (personId: string, query: Record<string, QueryValue> = {}, hash?: string) => withQuery(`/children/${at(personId)}`, query, hash),
  allocate: (personId: string, query: { allocated?: string } = {}) => withQuery(`/children/${at(personId)}/allocate`, query),
  /** Move a child's case to another team (issue 9); `done` shows the transfer just made. */
  transfer: (personId: string, query: { done?: string } = {}) => withQuery(`/children/${at(personId)}/transfer`, query),
  /** The casework page and its forms, all under the child (src/features/casework). */
  casework: {
    home: (personId: string) => `/children/${at(personId)}/casework`,
    startAssessment: (personId: string) => `/children/${at(personId)}/assessments/new`,
    authoriseAssessment: (personId: string, assessmentId: string) => `/children/${at(personId)}/assessments/${at(assessmentId)}/authorise`,
    strategyDiscussion: (personId: string) => `/children/${at(personId)}/strategy-discussions/new`,
    startS47: (personId: string) => `/children/${at(personId)}/s47/new`,
    s47Outcome: (personId: string, s47Id: string) => `/children/${at(personId)}/s47/${at(s47Id)}/outcome`,
    initialConference: (personId: string) => `/children/${at(personId)}/conferences/initial/new`,
    reviewConference: (personId: string) => `/children/${at(personId)}/conferences/review/new`,
    coreGroup: (personId: string) => `/children/${at(personId)}/core-groups/new`,
    visit: (personId: string) => `/children/${at(personId)}/visits/new`,
    visitWriteUp: (personId: string, visitId: string) => `/children/${at(personId)}/visits/${at(visitId)}/write-up`,
    startCinPlan: (personId: string) => `/children/${at(personId)}/cin-plan/new`,
    endCinPlan: (personId: string) => `/children/${at(personId)}/cin-plan/end`,
    cinPlanReview: (personId: string) => `/children/${at(personId)}/cin-plan/reviews/new`,
    close: (personId: string) => `/children/${at(personId)}/close`,
    /** A manager agrees or declines the closure a worker proposed. */
    closureDecision: (personId: string) => `/children/${at(personId)}/close/decision`,
  },
  /** Early help (issue 9): its forms, under the child (its part of the child's page shows the episode). */
  earlyHelp: {
    allocate: (personId: string) => `/children/${at(personId)}/early-help/allocate`,
    review: (personId: string) => `/children/${at(personId)}/early-help/reviews/new`,
    stepUp: (personId: string) => `/children/${at(personId)}/early-help/step-up`,
    close: (personId: string) => `/children/${at(personId)}/early-help/close`,
  },
  /**
   * Children looked after (issue 10): the area's forms, under the child. Agreed up
   * front by the engineers building the timescales (which link to these) and the recording pages.
   */
  lookedAfter: {
    /** Becoming looked after: legal status, period of care, first placement. */
    start: (personId: string) => `/children/${at(personId)}/looked-after/start`,
    legalStatus: (personId: string) => `/children/${at(personId)}/looked-after/legal-status/new`,
    placement: (personId: string) => `/children/${at(personId)}/looked-after/placements/new`,
    carePlan: (personId: string) => `/children/${at(personId)}/looked-after/care-plan/new`,
    placementPlan: (personId: string) => `/children/${at(personId)}/looked-after/placement-plan/new`,
    review: (personId: string) => `/children/${at(personId)}/looked-after/reviews/new`,
    visit: (personId: string) => `/children/${at(personId)}/looked-after/visits/new`,
    health: (personId: string) => `/children/${at(personId)}/looked-after/health/new`,
    pep: (personId: string) => `/children/${at(personId)}/looked-after/peps/new`,
    missing: (personId: string) => `/children/${at(personId)}/missing/new`,
    missingReturn: (personId: string, episodeId: string) => `/children/${at(personId)}/missing/${at(episodeId)}/return`,
    returnInterview: (personId: string, episodeId: string) => `/children/${at(personId)}/missing/${at(episodeId)}/return-interview`,
  },
  search: () => '/search',

  team: (query: { team?: string; worker?: string; kind?: string; unallocatedPage?: number } = {}, hash?: string) => withQuery('/team', query, hash),
  supervision: {
    new: (query: { worker?: string } = {}) => withQuery('/supervision/new', query),
    show: (supervisionId: string) => `/supervision/${at(supervisionId)}`,
  },

  compliance: {
    /** The summary; `query` is the period and team as the form sends them. */
    summary: (query: Record<string, QueryValue> = {}) => withQuery('/compliance', query),
    rule: (rule: string, query: Record<string, QueryValue> = {}, hash?: string) => withQuery(`/compliance/${at(rule)}`, query, hash),
  },

  demand: () => '/demand',
  committeePack: () => '/committee-pack',
  improvement: {
    plan: (query: { saved?: string } = {}, hash?: string) => withQuery('/improvement', query, hash),
    newRecommendation: () => '/improvement/recommendations/new',
    recommendations: () => '/improvement/recommendations',
    newAction: (recommendationId: string) => `/improvement/recommendations/${at(recommendationId)}/actions/new`,
    actions: (recommendationId: string) => `/improvement/recommendations/${at(recommendationId)}/actions`,
    action: (actionId: string) => `/improvement/actions/${at(actionId)}`,
  },
  indicators: {
    /** The indicators for a reporting year ("2025-26") and, optionally, one team. */
    summary: (query: { year?: string; team?: string | null } = {}) => withQuery('/indicators', query),
    children: (indicatorId: string, query: { year?: string; team?: string | null } = {}) => withQuery(`/indicators/${at(indicatorId)}`, query),
  },

  admin: {
    settings: (query: { saved?: string } = {}) => withQuery('/admin/settings', query),
    section: (section: 'timescales' | 'school-terms' | 'caseload-guide' | 'rag-clocks' | 'closure-agreement' | 'population') => `/admin/settings/${section}`,
  },
} as const;

export type Urls = typeof urls;
