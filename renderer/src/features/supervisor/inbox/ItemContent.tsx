import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorAnswer } from '../../../../../shared/ipc/features/supervisorContract';
import type { SupervisorItem } from '../../../../../shared/protocol/supervisor';
import { call } from '../../../bridge';
import { ConversationView, ResponseView } from '../../session/response';

/**
 * The item a disagreement is about: the prompt and both responses, models
 * named, rendered through the same sanitizing pipeline as the rating screen
 * (responses are untrusted wherever they are shown). Loaded on demand, as
 * its own chunk, so the console does not carry the markdown pipeline.
 */
export default function ItemContent({ itemId }: { itemId: string }) {
  const { t } = useTranslation('supervisor');
  const [answer, setAnswer] = useState<SupervisorAnswer<SupervisorItem> | null>(null);
  useEffect(() => {
    let live = true;
    void call('supervisor.item', { itemId }).then((result) => live && setAnswer(result));
    return () => {
      live = false;
    };
  }, [itemId]);
  if (!answer) return <p className="muted">{t('inbox.loadingItem')}</p>;
  if (!answer.ok) return <p className="notice notice--error">{t('inbox.itemFailed', { reason: answer.failure.reason })}</p>;
  const item = answer.data;
  return (
    <div className="inbox-item" data-testid={`item-content-${itemId}`}>
      <ConversationView turns={item.conversation} />
      <div className="responses">
        {item.responses.map((response) => (
          <article key={response.model} className="responses__item">
            <h4 className="responses__title">
              {t('inbox.responseBy')} <bdi>{response.model}</bdi>
            </h4>
            <ResponseView content={response.content} />
          </article>
        ))}
      </div>
    </div>
  );
}
