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
export function DecisionBar({ options, onChoose, disabled }: { options: DecisionOption[]; onChoose: (choice: Choice) => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="decision-bar" role="group" aria-label={t('session.decision')}>
      {options.map(({ choice, keyLabel, keyCode }) => (
        <button
          key={choice}
          type="button"
          className={`button decision-bar__button decision-bar__button--${choice}`}
          onClick={() => onChoose(choice)}
          disabled={disabled}
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
