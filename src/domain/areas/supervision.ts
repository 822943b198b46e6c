/**
 * Case supervision (a local management standard): each allocated child discussed in the worker's
 * supervision. Recorded by the worker's manager, not the worker.
 */
import { RULE_CASE_SUPERVISION, SOURCE_CASE_SUPERVISION, caseSupervisionDue } from '../obligations/rules/supervision.js';
import type { Area } from './area.js';

export const supervisionArea: Area = {
  id: 'supervision',
  title: 'Case supervision',
  rules: [
    {
      id: RULE_CASE_SUPERVISION,
      source: SOURCE_CASE_SUPERVISION,
      label: 'Case supervision',
      kind: 'supervision',
      recordedBy: 'manager',
      action: 'Record supervision',
      form: 'supervision',
      due: caseSupervisionDue,
      order: 130,
    },
  ],
  actions: [],
  chronologyKinds: ['supervision'],
};
