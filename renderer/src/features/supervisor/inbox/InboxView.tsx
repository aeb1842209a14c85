import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupervisor } from '../../../stores/supervisor';
import type { InboxKind } from '../analysis/inbox';
import { useFormat } from '../common/useFormat';
import { VirtualList } from '../common/VirtualList';
import { marksByVote } from '../data/flagState';
import { itemIdFromQuery } from '../data/itemLink';
import { DisagreementCard } from './DisagreementCard';
import { useInbox } from './useInbox';

type KindFilter = 'all' | InboxKind;
const KINDS: KindFilter[] = ['all', 'rater_flag', 'against_consensus', 'split'];

/** Items where raters split, or a rater went against a strong consensus, strongest first. */
export function InboxView() {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const total = useSupervisor((state) => state.analysis?.inbox.total ?? null);
  const raters = useSupervisor((state) => state.team?.raters ?? null);
  const storedMarks = useSupervisor((state) => state.marks);
  const [kind, setKind] = useState<KindFilter>('all');
  const [query, setQuery] = useState('');
  const inbox = useInbox(kind, itemIdFromQuery(query));
  const names = useMemo(() => new Map((raters ?? []).map((r) => [r.id, r.displayName])), [raters]);
  const marks = useMemo(() => marksByVote(storedMarks), [storedMarks]);
  if (total === null || !inbox) return <p className="muted">{t('detail.waitingForVotes')}</p>;
  return (
    <section aria-labelledby="inbox-title" className="supervisor-view">
      <h2 id="inbox-title">{t('inbox.title')}</h2>
      <p className="muted">{t('inbox.explain')}</p>
      <div className="toolbar" role="search">
        <label className="toolbar__field">
          <span>{t('inbox.search')}</span>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="inbox-search"
          />
        </label>
        <label className="toolbar__field">
          <span>{t('inbox.kindFilter')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as KindFilter)} data-testid="inbox-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'all' ? t('inbox.allKinds') : t(`inbox.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" data-testid="inbox-summary" data-matching={inbox.matching}>
        {t('inbox.summary', {
          count: inbox.cards.length,
          matching: f.integer(inbox.matching),
          total: f.integer(total),
        })}
      </p>
      <VirtualList
        label={t('inbox.listLabel')}
        items={inbox.cards}
        itemKey={(card) => card.itemId}
        estimateHeight={260}
        render={(card) => <DisagreementCard card={card} names={names} marks={marks} />}
        testId="inbox-list"
        emptyText={t('inbox.empty')}
      />
    </section>
  );
}
