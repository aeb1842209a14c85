import { useTranslation } from 'react-i18next';
import type { Section } from '../../stores/navigation';

export function ComingSoon({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t(`nav.${section}`)}</h1>
      <p>{t('placeholder.comingSoon')}</p>
    </section>
  );
}
