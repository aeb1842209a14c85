import { useTranslation } from 'react-i18next';
import { useSupervisor } from '../../../stores/supervisor';
import { itemLink } from '../data/itemLink';

/** Copies `verdict://item/<id>` for a colleague; the inbox search opens it. */
export function CopyLinkButton({ itemId }: { itemId: string }) {
  const { t } = useTranslation('supervisor');
  const announce = useSupervisor((state) => state.announce);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(itemLink(itemId));
      announce(t('notice.linkCopied', { item: itemId }));
    } catch {
      announce(t('notice.copyFailed'));
    }
  };
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => void copy()}
      aria-label={t('item.copyLinkTo', { item: itemId })}
      data-testid={`copy-${itemId}`}
    >
      {t('item.copyLink')}
    </button>
  );
}
