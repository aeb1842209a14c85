import { useTranslation } from 'react-i18next';
import type { SliceAgreement } from '../analysis/poolSlices';
import { useFormat } from '../common/useFormat';
import { VirtualTable } from '../common/VirtualTable';

/** α (nominal, ordinal) and Fleiss' κ per language or category. */
export function SliceTable({
  title,
  slices,
  testId,
}: {
  title: string;
  slices: readonly SliceAgreement[];
  testId: string;
}) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <VirtualTable
        label={title}
        rows={slices}
        columns={[
          { id: 'key', width: '12rem', header: t('pool.slice'), cell: (s) => <bdi>{s.key}</bdi> },
          { id: 'votes', width: '6rem', align: 'end', header: t('pool.votes'), cell: (s) => f.integer(s.votes) },
          { id: 'items', width: '6rem', align: 'end', header: t('pool.items'), cell: (s) => f.integer(s.items) },
          { id: 'raters', width: '6rem', align: 'end', header: t('pool.raters'), cell: (s) => f.integer(s.raters) },
          {
            id: 'alphaNominal',
            width: '10.5rem',
            align: 'end',
            header: t('pool.alphaNominal'),
            cell: (s) => <span data-value={s.alphaNominal ?? ''}>{f.decimal(s.alphaNominal, 3)}</span>,
          },
          {
            id: 'alphaOrdinal',
            width: '10.5rem',
            align: 'end',
            header: t('pool.alphaOrdinal'),
            cell: (s) => f.decimal(s.alphaOrdinal, 3),
          },
          {
            id: 'fleiss',
            width: '8rem',
            align: 'end',
            header: t('pool.fleiss'),
            cell: (s) => f.decimal(s.fleissKappa, 3),
          },
        ]}
        rowKey={(s) => s.key}
        estimateRowHeight={36}
        rowTestId={(s) => `${testId}-${s.key}`}
        testId={testId}
        emptyText={t('pool.noSlices')}
      />
    </section>
  );
}
