import { z } from 'zod';
import { LanguageTag } from '../../shared/protocol/primitives';
import { ConversationTurn, CriteriaConfig } from '../../shared/protocol/tasks';
import type { Outcome } from '../tasks/repo';
import type { PromptItem } from './task-store';

/**
 * One line of a task-set JSONL file (admin CLI `import-tasks`):
 *   {"id":"q17","prompt":"…","language":"en","category":"code",
 *    "responses":{"model-a":"…","model-b":"…"}, "gold":"model-a"}
 * Either `prompt` or a `conversation` ending in a user turn. Every pair of
 * responses becomes a task. `gold` (a model name, "tie" or "both_bad") is
 * allowed only with exactly two responses.
 */
export const TaskLine = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'id: letters, digits, ".", "_", ":" or "-", at most 100'),
    prompt: z.string().min(1).optional(),
    conversation: z.array(ConversationTurn).min(1).optional(),
    language: LanguageTag,
    category: z.string().min(1).max(64),
    responses: z.record(z.string().min(1).max(200), z.string().min(1)),
    gold: z.string().min(1).optional(),
    criteria: CriteriaConfig.optional(),
  })
  .superRefine((line, ctx) => {
    if ((line.prompt === undefined) === (line.conversation === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of "prompt" or "conversation"' });
    }
    if (line.conversation && line.conversation[line.conversation.length - 1]?.role !== 'user') {
      ctx.addIssue({ code: 'custom', path: ['conversation'], message: 'the conversation must end with a user turn' });
    }
    const models = Object.keys(line.responses);
    if (models.length < 2)
      ctx.addIssue({ code: 'custom', path: ['responses'], message: 'at least two responses are needed' });
    if (line.gold !== undefined && (models.length !== 2 || ![...models, 'tie', 'both_bad'].includes(line.gold))) {
      ctx.addIssue({
        code: 'custom',
        path: ['gold'],
        message: 'gold needs exactly two responses and names one of them, "tie" or "both_bad"',
      });
    }
  });
export type TaskLine = z.infer<typeof TaskLine>;

function goldOutcome(line: TaskLine, models: string[]): Outcome | undefined {
  if (line.gold === undefined) return undefined;
  if (line.gold === 'tie' || line.gold === 'both_bad') return line.gold;
  return line.gold === models[0] ? 'a' : 'b';
}

export function toPromptItem(setId: string, line: TaskLine): PromptItem {
  const models = Object.keys(line.responses);
  const gold = goldOutcome(line, models);
  return {
    id: `${setId}:${line.id}`,
    language: line.language,
    category: line.category,
    conversation: line.conversation ?? [{ role: 'user', content: line.prompt as string }],
    responses: models.map((model) => ({ model, content: line.responses[model] as string })),
    ...(gold ? { gold } : {}),
    ...(line.criteria ? { criteria: line.criteria } : {}),
  };
}
