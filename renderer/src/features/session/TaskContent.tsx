import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTask } from '../../../../shared/ipc/contract';
import { ConversationView, ResponseView } from './response';

/** The prompt and the two responses, labelled "first" and "second" (never left/right, so RTL reads right). */
export default function TaskContent({ task, visible = true }: { task: PublicTask; visible?: boolean }) {
  const { t } = useTranslation();
  // Two tasks are mounted at once (the next one hidden), so heading ids must be unique per instance.
  const idPrefix = useId();
  return (
    <div className="task" hidden={!visible} data-testid={visible ? 'task' : 'upcoming-task'} data-task-id={task.taskId}>
      <ConversationView turns={task.conversation} />
      <div className="responses">
        {task.responses.map((response, index) => (
          <article key={response.handle} className="responses__item" aria-labelledby={`${idPrefix}-response-${index}`} data-testid={`response-${index === 0 ? 'first' : 'second'}`}>
            <h2 id={`${idPrefix}-response-${index}`} className="responses__title">
              {t(index === 0 ? 'choice.firstLabel' : 'choice.secondLabel')}
            </h2>
            <ResponseView content={response.content} />
          </article>
        ))}
      </div>
    </div>
  );
}

