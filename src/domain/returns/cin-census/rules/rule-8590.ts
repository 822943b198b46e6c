import { SINCE_2022_23, childRule } from './rule.js';

/**
 * DfE CIN census rule 8590 (ChildIdentifiers; error, 2022-23 specification): A child in the return has at least one episode.
 */
export const rule8590 = childRule({
  code: '8590',
  type: 'error',
  message: 'Child does not have a recorded CIN episode.',
  fields: ['LAchildID'],
  years: SINCE_2022_23,
  fails: (c) => c.episodes.length === 0,
});
