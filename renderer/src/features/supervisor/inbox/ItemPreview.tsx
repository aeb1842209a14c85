import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ItemContent = lazy(() => import('./ItemContent'));

/** Opens the prompt and both responses inside a disagreement card. */
export function ItemPreview({ itemId }: { itemId: string }) {
  const { t } = useTranslation('supervisor');
  const [open, setOpen] = useState(false);
  return (
    <div className="inbox-card__item">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((value) => !value)} data-testid={`show-item-${itemId}`}>
        {t(open ? 'inbox.hideItem' : 'inbox.showItem')}
      </button>
      {open ? (
        <Suspense fallback={<p className="muted">{t('inbox.loadingItem')}</p>}>
          <ItemContent itemId={itemId} />
        </Suspense>
      ) : null}
    </div>
  );
}
