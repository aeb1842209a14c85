import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../bridge';
import { useSupervisor } from '../../../stores/supervisor';
import { NoteDialog } from '../common/NoteDialog';
import { downloadText } from '../data/download';

/** Flag or unflag with a note, and export the rater's votes as the server writes them. */
export function RaterActions({ raterId, flagged }: { raterId: string; flagged: boolean }) {
  const { t } = useTranslation('supervisor');
  const flag = useSupervisor((state) => state.flag);
  const announce = useSupervisor((state) => state.announce);
  const [asking, setAsking] = useState(false);
  const exportVotes = async (format: 'csv' | 'jsonl') => {
    const answer = await call('supervisor.export', { format, raterId });
    if (!answer.ok) {
      announce(t(`failure.${answer.failure.reason}`));
      return;
    }
    downloadText(answer.data.fileName, answer.data.mediaType, answer.data.content);
    announce(t('notice.exported', { file: answer.data.fileName }));
  };
  const submit = async (note: string) => {
    const failure = await flag(raterId, note, flagged);
    if (!failure) announce(t(flagged ? 'notice.unflagged' : 'notice.flagged'));
    return failure;
  };
  return (
    <div className="toolbar__actions">
      <button
        type="button"
        className={flagged ? 'button button--quiet' : 'button'}
        onClick={() => setAsking(true)}
        data-testid={flagged ? 'unflag-rater' : 'flag-rater'}
      >
        {t(flagged ? 'detail.unflag' : 'detail.flag')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void exportVotes('csv')}
        data-testid="export-votes-csv"
      >
        {t('detail.exportCsv')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void exportVotes('jsonl')}
        data-testid="export-votes-jsonl"
      >
        {t('detail.exportJsonl')}
      </button>
      {asking ? (
        <NoteDialog
          title={t(flagged ? 'detail.unflagTitle' : 'detail.flagTitle')}
          description={t(flagged ? 'detail.unflagDescription' : 'detail.flagDescription')}
          confirm={t(flagged ? 'detail.unflag' : 'detail.flag')}
          onSubmit={submit}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
