import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkKind } from '../../../../../shared/protocol/supervisor';
import { useSupervisor } from '../../../stores/supervisor';
import { NoteDialog } from '../common/NoteDialog';

/** Marks an item ambiguous or one vote wrong, with a note; stored and audit-logged on the server. */
export function ItemMarkButton({ mark, voteId, itemId }: { mark: MarkKind; voteId: string; itemId: string }) {
  const { t } = useTranslation('supervisor');
  const markVote = useSupervisor((state) => state.markVote);
  const announce = useSupervisor((state) => state.announce);
  const [asking, setAsking] = useState(false);
  const submit = async (note: string) => {
    const failure = await markVote(voteId, mark, note);
    if (!failure) announce(t(`notice.marked.${mark}`, { item: itemId }));
    return failure;
  };
  return (
    <>
      <button
        type="button"
        className="link-button"
        onClick={() => setAsking(true)}
        data-testid={`mark-${mark}-${voteId}`}
      >
        {t(`inbox.mark.${mark}`)}
      </button>
      {asking ? (
        <NoteDialog
          title={t(`inbox.markTitle.${mark}`, { item: itemId })}
          description={t(`inbox.markDescription.${mark}`)}
          confirm={t(`inbox.mark.${mark}`)}
          onSubmit={submit}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}
