import type { CaseFacts } from '../journey/case-facts.js';
import type { ActionRule } from './area.js';

/** What may be recorded next for a looked-after child, and why not (filled by the looked-after recording pages). */
export const lookedAfterActions: readonly ActionRule<CaseFacts>[] = [];
