import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponseView } from './ResponseView';

export interface ConversationTurn {
  role: 'user' | 'assistant';
  /** Untrusted markdown. */
  content: string;
}

export interface ConversationViewProps {
  turns: ReadonlyArray<ConversationTurn>;
}

function Turn({ turn }: { turn: ConversationTurn }) {
  const { t } = useTranslation('response');
  const labelId = useId();
  return (
    <li className={`conversation__turn conversation__turn--${turn.role}`} aria-labelledby={labelId}>
      <p className="conversation__role" id={labelId}>
        {turn.role === 'user' ? t('role.user') : t('role.assistant')}
      </p>
      <ResponseView content={turn.content} />
    </li>
  );
}

/** The prompt: one or more turns, each labelled with who said it, rendered like a response. */
export const ConversationView = memo(function ConversationView({ turns }: ConversationViewProps) {
  const { t } = useTranslation('response');
  return (
    <section className="conversation" aria-label={t('prompt')}>
      <ol className="conversation__turns">
        {turns.map((turn, index) => (
          // Turns of a task never reorder; their position is their identity.
          <Turn key={index} turn={turn} />
        ))}
      </ol>
    </section>
  );
});
