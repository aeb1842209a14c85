import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTask } from '../../../../shared/ipc/contract';
import { ensureFontsFor } from '../../fonts';
import { ConversationView, ResponseView } from './response';

/** The prompt and the two responses, labelled "first" and "second" (never left/right, so RTL reads right). */
export default function TaskContent({ task, visible = true }: { task: PublicTask; visible?: boolean }) {
  const { t, i18n } = useTranslation();
  // Model text may be in any script: declare the CJK font it needs before it paints.
  useEffect(() => {
    const sample = task.responses.map((response) => response.content.slice(0, 2000)).join('');
    ensureFontsFor(task.language, sample, i18n.language);
  }, [task, i18n.language]);
  // Two tasks are mounted at once (the next one hidden), so heading ids must be unique per instance.
  const idPrefix = useId();
  return (
    <div className="task" hidden={!visible} data-testid={visible ? 'task' : 'upcoming-task'} data-task-id={task.taskId}>
      <div lang={task.language}>
        <ConversationView turns={task.conversation} />
      </div>
      <div className="responses">
        {task.responses.map((response, index) => (
          <article key={response.handle} className="responses__item" aria-labelledby={`${idPrefix}-response-${index}`} data-testid={`response-${index === 0 ? 'first' : 'second'}`}>
            <h2 id={`${idPrefix}-response-${index}`} className="responses__title">
              {t(index === 0 ? 'choice.firstLabel' : 'choice.secondLabel')}
            </h2>
            <div lang={task.language}>
              <ResponseView content={response.content} />
            </div>
          </article>
        ))}
      </div>
    </div>
  );
}

