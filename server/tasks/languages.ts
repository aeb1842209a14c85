import type { LanguageSkill } from '../../shared/protocol/auth';
import type { Proficiency } from '../../shared/protocol/primitives';

/** Below B2 a rater cannot judge fine differences in quality, so we do not route such tasks. */
const ROUTABLE: ReadonlySet<Proficiency> = new Set(['native', 'C2', 'C1', 'B2']);

/** "pt-BR" → "pt": routing matches on the primary subtag, as readers of one read the other. */
export function baseLanguage(tag: string): string {
  return (tag.split('-')[0] as string).toLowerCase();
}

export function routableLanguages(skills: LanguageSkill[]): string[] {
  return [
    ...new Set(skills.filter((skill) => ROUTABLE.has(skill.proficiency)).map((skill) => baseLanguage(skill.tag))),
  ];
}
