import type { TFunction } from 'i18next';
import type { Choice } from '../../../../../shared/protocol/votes';
import type { Code } from '../analysis/orientation';

/** What a vote chose, in words: the model's name for a side, otherwise the outcome. */
export function choiceText(
  t: TFunction<'supervisor'>,
  choice: Choice,
  shownFirst: string,
  shownSecond: string,
): string {
  if (choice === 'first') return shownFirst;
  if (choice === 'second') return shownSecond;
  return t(`choice.${choice}`);
}

/** A consensus code in words: the model's name, or "no preference" for ties and both-bad. */
export function codeText(t: TFunction<'supervisor'>, code: Code | null, models: readonly [string, string]): string {
  if (code === 'a') return models[0];
  if (code === 'b') return models[1];
  if (code === 'none') return t('consensus.none');
  return t('consensus.noMajority');
}
