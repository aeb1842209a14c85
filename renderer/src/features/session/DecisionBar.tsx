import { useTranslation } from 'react-i18next';
import type { Choice } from '../../../../shared/protocol/votes';

export interface DecisionOption {
  choice: Choice;
  keyLabel: string;
  keyCode: string;
}

/**
 * The four outcomes in visual order. In a right-to-left layout the "first"
 * button sits on the right, above the first response, and carries the key
 * that is physically on that side.
 */
/**
 * `held`: the server's minimum time on task has not passed yet. The buttons
 * stay focusable (aria-disabled, not disabled, so keyboard focus is not lost)
 * and a press only nudges the countdown shown above them.
 */
export function DecisionBar({ options, onChoose, held }: { options: DecisionOption[]; onChoose: (choice: Choice) => void; held: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="decision-bar" role="group" aria-label={t('session.decision')}>
      {options.map(({ choice, keyLabel, keyCode }) => (
        <button
          key={choice}
          type="button"
          className={`button decision-bar__button decision-bar__button--${choice}`}
          onClick={() => onChoose(choice)}
          aria-disabled={held || undefined}
          aria-keyshortcuts={keyCode}
          data-testid={`choose-${choice}`}
        >
          <span>{t(`choice.${choice}`)}</span>
          <kbd>{keyLabel}</kbd>
        </button>
      ))}
    </div>
  );
}
