import type { ComponentProps, ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import { BlockedImage } from './BlockedImage';
import { SafeLink } from './SafeLink';

/**
 * The few markdown elements that need more than their HTML tag: links never
 * navigate, images never load, tables scroll in their own box, and task-list
 * checkboxes never change. (Direction and alignment are set on the tree by
 * rehypeDirection.)
 */

/** The scroll box every table lives in; focusable so a keyboard user can scroll it with the arrow keys. */
export function TableRegion({ children, busy }: { children: ReactNode; busy?: boolean }) {
  const { t } = useTranslation('response');
  return (
    <div className="response-table" role="region" aria-label={t('table')} aria-busy={busy} tabIndex={0}>
      {children}
    </div>
  );
}

function ScrollTable({ node: _node, ...props }: ComponentProps<'table'> & ExtraProps) {
  return (
    <TableRegion>
      <table {...props} />
    </TableRegion>
  );
}

/** Only GFM task-list checkboxes get here (the schema allows nothing else); they never change. */
function TaskCheckbox({ checked, type }: ComponentProps<'input'> & ExtraProps) {
  const { t } = useTranslation('response');
  if (type !== 'checkbox') return null;
  return (
    <input
      type="checkbox"
      className="response-task"
      checked={Boolean(checked)}
      disabled
      readOnly
      aria-label={checked ? t('task.done') : t('task.open')}
    />
  );
}

export const markdownComponents: Components = {
  a: SafeLink,
  img: BlockedImage,
  input: TaskCheckbox,
  table: ScrollTable,
};
