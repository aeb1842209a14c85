import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTask } from '../../../../shared/ipc/contract';
import type { CriterionRating, VoteFlag } from '../../../../shared/protocol/votes';
import { useSession } from '../../stores/session';

const FLAGS: VoteFlag[] = ['harmful', 'broken_task', 'reveals_model'];
const CRITERION_OPTIONS: CriterionRating[] = ['first', 'tie', 'second'];
const CONFIDENCE_LEVELS = [1, 2, 3, 4, 5];

/**
 * Everything optional beside the choice: per-criterion verdicts, reason tags
 * (canonical ids, translated labels), confidence, a rationale, and flags.
 * Which of these appear is the task set's decision (task.criteria).
 */
export function DetailsPanel({ task, rationaleRef }: { task: PublicTask; rationaleRef: React.Ref<HTMLTextAreaElement> }) {
  const { t } = useTranslation();
  const draft = useSession((state) => state.draft);
  const update = useSession((state) => state.updateDraft);
  const rationaleId = useId();
  const { criteria, reasonTags, rationale } = task.criteria;

  const toggle = <T extends string>(list: T[], value: T) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  return (
    <details className="details-panel" open={rationale === 'required' || undefined}>
      <summary>{t('details.summary')}</summary>
      {criteria.length > 0 ? (
        <fieldset className="details-panel__group">
          <legend>{t('details.criteria')}</legend>
          {criteria.map((criterion) => (
            <div key={criterion} className="criterion" role="radiogroup" aria-label={t(`criterion.${criterion}`, { defaultValue: criterion })}>
              <span className="criterion__name">{t(`criterion.${criterion}`, { defaultValue: criterion })}</span>
              {CRITERION_OPTIONS.map((option) => (
                <label key={String(option)} className="chip">
                  <input
                    type="radio"
                    name={`criterion-${criterion}`}
                    checked={draft.criteria[criterion] === option}
                    onChange={() => update({ criteria: { ...draft.criteria, [criterion]: option } })}
                  />
                  {t(`criterionOption.${option}`)}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      ) : null}
      {reasonTags.length > 0 ? (
        <fieldset className="details-panel__group">
          <legend>{t('details.reasons')}</legend>
          <div className="chips">
            {reasonTags.map((tag) => (
              <label key={tag} className="chip">
                <input type="checkbox" checked={draft.reasonTags.includes(tag)} onChange={() => update({ reasonTags: toggle(draft.reasonTags, tag) })} />
                {t(`reasonTag.${tag}`, { defaultValue: tag })}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="details-panel__group">
        <legend>{t('details.confidence')}</legend>
        <div className="chips">
          {CONFIDENCE_LEVELS.map((level) => (
            <label key={level} className="chip">
              <input type="radio" name="confidence" checked={draft.confidence === level} onChange={() => update({ confidence: level })} />
              {t(`confidence.${level}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {rationale !== 'off' ? (
        <div className="field">
          <label htmlFor={rationaleId}>{t(rationale === 'required' ? 'details.rationaleRequired' : 'details.rationale')}</label>
          <textarea
            id={rationaleId}
            ref={rationaleRef}
            dir="auto"
            rows={3}
            maxLength={5000}
            value={draft.rationale}
            onChange={(event) => update({ rationale: event.target.value })}
            data-testid="rationale"
          />
        </div>
      ) : null}
      <fieldset className="details-panel__group">
        <legend>{t('details.flags')}</legend>
        <div className="chips">
          {FLAGS.map((flag) => (
            <label key={flag} className="chip">
              <input type="checkbox" checked={draft.flags.includes(flag)} onChange={() => update({ flags: toggle(draft.flags, flag) })} />
              {t(`flag.${flag}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
