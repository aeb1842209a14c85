import type { CriteriaConfig } from '../../shared/protocol/tasks';

/**
 * The criteria config a task gets unless its task set defines one. Ids are
 * canonical (the client has a label for each in every locale); the reason
 * tags follow the cross-locale taxonomy in docs/SERVER.md.
 */
export const DEFAULT_CRITERIA: CriteriaConfig = {
  criteria: ['helpfulness', 'correctness', 'clarity'],
  reasonTags: [
    'factual_error',
    'instructions_not_followed',
    'unsafe',
    'wrong_language',
    'refusal',
    'formatting',
    'incomplete',
  ],
  rationale: 'optional',
};

export function criteriaOf(stored: string | null): CriteriaConfig {
  return stored ? (JSON.parse(stored) as CriteriaConfig) : DEFAULT_CRITERIA;
}
