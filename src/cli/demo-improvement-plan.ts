import type { DatabaseHandle } from '../db/database.js';

/**
 * The demo's improvement plan: the five areas for improvement of the service's focused visit in
 * July 2021 (issue 10 lists them), each with the actions a service would take, dated and owned,
 * some done with their evidence and some still running, so the plan and the committee's table
 * have a believable picture. Fictional wording, not Ofsted's text.
 */
const PLAN: { text: string; actions: { action: string; owner: string; due: string; status: 'done' | 'in_progress' | 'not_started'; rag: 'red' | 'amber' | 'green'; progress: string | null; completed?: string; indicator?: string }[] }[] = [
  {
    text: 'Children’s plans, pathway plans and review letters are written in language the child can understand.',
    actions: [
      { action: 'Practice standard and templates for plans written to the child', owner: 'Principal Social Worker', due: '2021-12-31', status: 'done', rag: 'green', progress: 'Standard launched in November 2021 with new templates; 140 staff trained in writing to the child.', completed: '2021-12-10' },
      { action: 'Quarterly audit of plans and review letters for child-friendly language', owner: 'Head of Quality Assurance', due: '2027-03-31', status: 'in_progress', rag: 'amber', progress: 'Latest audit: 68% of review letters written to the child, up from 41%; target 85%.' },
    ],
  },
  {
    text: 'Recording of visits to children, and of the rationale for decisions, including placement matching.',
    actions: [
      { action: 'Visit recording template: seen, seen alone, what the child said', owner: 'Head of Service, Children in Care', due: '2022-03-31', status: 'done', rag: 'green', progress: 'Template in use from February 2022; visits written up within 5 working days rose to 87%.', completed: '2022-02-28' },
      { action: 'Matching rationale recorded for every placement, checked at placement panel', owner: 'Placements Service Manager', due: '2027-01-31', status: 'in_progress', rag: 'amber', progress: 'Required field in the placement record; panel checks each new placement.' },
    ],
  },
  {
    text: 'The timeliness of initial health assessments for children coming into care.',
    actions: [
      { action: 'Weekly tracker of IHA requests and appointments with the health provider', owner: 'Head of Service, Children in Care', due: '2022-06-30', status: 'done', rag: 'green', progress: 'Weekly tracker with the designated nurse since April 2022; requests within 5 working days at 92%.', completed: '2022-06-15' },
      { action: 'Agree IHA capacity with the integrated care board', owner: 'Director of Children’s Services', due: '2026-10-31', status: 'in_progress', rag: 'red', progress: 'Paediatric capacity still short; escalated to the ICB in September 2026.' },
    ],
  },
  {
    text: 'The timeliness of personal education plan meetings.',
    actions: [{ action: 'Virtual school tracks every PEP against the term dates', owner: 'Virtual School Head', due: '2022-09-30', status: 'done', rag: 'green', progress: 'PEPs in time rose from 71% to 93% in the 2022-23 school year.', completed: '2022-09-20' }],
  },
  {
    text: 'Missing episodes are recorded in one place, with tight timescales for strategy meetings.',
    actions: [
      { action: 'One missing log for all children, with return home interviews tracked within 72 hours', owner: 'Head of Safeguarding', due: '2022-01-31', status: 'done', rag: 'green', progress: 'Central log in place; return home interviews offered within 72 hours at 81%.', completed: '2022-01-25' },
      { action: 'Strategy meeting triggers for repeat and prolonged missing agreed with the police', owner: 'Head of Safeguarding', due: '2027-02-28', status: 'not_started', rag: 'amber', progress: null },
    ],
  },
];

export async function recordDemoImprovementPlan(handle: DatabaseHandle, ownerId: string): Promise<void> {
  for (const r of PLAN) {
    const [rec] = await handle.query<{ id: string }>(`insert into improvement_recommendations (source, made_on, text, created_by) values ('Ofsted focused visit', '2021-07-30', $1, $2) returning id`, [r.text, ownerId]);
    for (const a of r.actions) {
      const [row] = await handle.query<{ id: string }>(
        `insert into improvement_actions (recommendation_id, action, owner_name, due_on, status, rag, progress, completed_on, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [rec!.id, a.action, a.owner, a.due, a.status, a.rag, a.progress, a.completed ?? null, ownerId],
      );
      await handle.query(`insert into improvement_action_updates (action_id, updated_on, updated_by, status, rag, progress) values ($1, '2021-09-01', $2, 'not_started', 'amber', null)`, [row!.id, ownerId]);
      if (a.status !== 'not_started') {
        await handle.query(`insert into improvement_action_updates (action_id, updated_on, updated_by, status, rag, progress) values ($1, $2, $3, $4, $5, $6)`, [row!.id, a.completed ?? '2026-11-01', ownerId, a.status, a.rag, a.progress]);
      }
    }
  }
}
