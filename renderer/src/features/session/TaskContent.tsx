import { useTranslation } from 'react-i18next';
import type { PublicTask } from '../../../../shared/ipc/contract';
import { ConversationView, ResponseView } from './response';

/** The prompt and the two responses, labelled "first" and "second" (never left/right, so RTL reads right). */
export default function TaskContent({ task }: { task: PublicTask }) {
  const { t } = useTranslation();
  return (
    <div className="task" data-testid="task" data-task-id={task.taskId}>
      <ConversationView turns={task.conversation} />
      <div className="responses">
        {task.responses.map((response, index) => (
          <article key={response.handle} className="responses__item" aria-labelledby={`response-${index}-title`} data-testid={`response-${index === 0 ? 'first' : 'second'}`}>
            <h2 id={`response-${index}-title`} className="responses__title">
              {t(index === 0 ? 'choice.firstLabel' : 'choice.secondLabel')}
            </h2>
            <ResponseView content={response.content} />
          </article>
        ))}
      </div>
    </div>
  );
}

