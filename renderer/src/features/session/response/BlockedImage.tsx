import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useTranslation } from 'react-i18next';

type Props = ComponentProps<'img'> & ExtraProps;

/**
 * Stands in for every image in model output. Images are never loaded: a
 * remote one would leak that (and when) a rater read the response, and the
 * CSP would block it anyway. The source URL is deliberately not used at all;
 * the rater sees the alt text the model wrote.
 */
export function BlockedImage({ alt }: Props) {
  const { t } = useTranslation('response');
  const label = alt?.trim() ? t('image.notLoaded', { alt: alt.trim() }) : t('image.notLoadedNoAlt');
  return (
    <span className="response-image" role="img" aria-label={label} dir="auto">
      {label}
    </span>
  );
}
