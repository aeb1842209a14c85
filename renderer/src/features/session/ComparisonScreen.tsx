import { lazy, Suspense, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyAction } from '../../../../shared/ipc/contract';
import { resolveUiLanguage } from '../../../../shared/i18n/languages';
import type { Choice } from '../../../../shared/protocol/votes';
import { DEFAULT_VOTE_RULES } from '../../../../shared/protocol/health';
import { useBackendStatus } from '../../stores/backendStatus';
import { usePreferences } from '../../stores/preferences';
import { useSession } from '../../stores/session';
import { BreakReminder } from './BreakReminder';
import { DecisionBar, type DecisionOption } from './DecisionBar';
import { DetailsPanel } from './DetailsPanel';
import { GuidelinesPane } from './GuidelinesPane';
import { LastVote } from './LastVote';
import { actionForChoice, choiceForAction, effectiveBindings, keyLabel } from './keyBindings';
import { RecentVotes } from './RecentVotes';
import { ShortcutSheet } from './ShortcutSheet';
import { SkipDialog } from './SkipDialog';
import { TaskHeader } from './TaskHeader';
import { useActiveTime } from './useActiveTime';
import { useKeyboardLayout } from './useKeyboardLayout';
import { useSessionKeyboard } from './useSessionKeyboard';
import { useVoteHold, voteHoldLeft } from './useVoteHold';

// The markdown, math and highlighting pipeline is the heaviest code in the renderer:
// it loads as its own chunk, so the shell and sign-in paint without it.
const TaskContent = lazy(() => import('./TaskContent'));

const CHOICES: Choice[] = ['first', 'second', 'tie', 'both_bad', 'cant_read'];

/** The screen raters live in: the prompt, two responses, one key per decision, and the next task at once. */
export function ComparisonScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession((state) => state.session);
  const task = session?.task ?? null;
  // The next task's markdown is parsed in a deferred, interruptible render: it must never delay a keystroke.
  const upcoming = useDeferredValue(session?.upcoming ?? null);
  const prepared = upcoming && upcoming.taskId !== task?.taskId ? upcoming : null;
  const prefs = usePreferences();
  const bindings = useMemo(() => effectiveBindings(prefs.keyBindings), [prefs.keyBindings]);
  const layout = useKeyboardLayout();
  const dir = resolveUiLanguage(i18n.language).dir;
  const label = (action: KeyAction) => keyLabel(bindings[action], layout);
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The rater pressed Undo when the last vote could no longer be undone: say why, until the next vote.
  const [undoRefusedFor, setUndoRefusedFor] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const previousTaskId = useRef<string | null>(null);
  const [rationaleMissingFor, setRationaleMissingFor] = useState<string | null>(null);
  const needsRationale = task !== null && rationaleMissingFor === task.taskId;
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const sessionTime = useActiveTime(prefs.timing.idleCutoffSeconds * 1000);
  const taskTime = useActiveTime(prefs.timing.idleCutoffSeconds * 1000);
  const shownAt = useRef(new Date().toISOString());
  const minActiveMs = useBackendStatus((state) => state.status?.minActiveMs) ?? DEFAULT_VOTE_RULES.minActiveMs;
  const holdMs = useVoteHold(taskTime, minActiveMs, task?.taskId ?? null);
  // Presses during the hold, per task: each one replays the countdown's nudge.
  const [holdNudge, setHoldNudge] = useState<{ taskId: string; count: number } | null>(null);
  const nudges = holdNudge && holdNudge.taskId === task?.taskId ? holdNudge.count : 0;

  useEffect(() => {
    shownAt.current = new Date().toISOString();
    taskTime.reset(performance.now());
  }, [task?.taskId, taskTime]);

  // A new task starts at the top, with focus on the page heading: the rater must see the prompt
  // before the responses, never land mid-response at the last task's scroll offset.
  useLayoutEffect(() => {
    const id = task?.taskId ?? null;
    if (previousTaskId.current !== null && id !== null && id !== previousTaskId.current) {
      window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
      headingRef.current?.focus({ preventScroll: true });
    }
    previousTaskId.current = id;
  }, [task?.taskId]);

  async function choose(choice: Choice) {
    const current = useSession.getState();
    if (!task) return;
    // Too soon for the server's minimum time on task: the vote would be accepted here and rejected later.
    if (voteHoldLeft(taskTime, minActiveMs) > 0) {
      setHoldNudge((previous) => ({ taskId: task.taskId, count: previous?.taskId === task.taskId ? previous.count + 1 : 1 }));
      return;
    }
    if (task.criteria.rationale === 'required' && !current.draft.rationale.trim() && choice !== 'cant_read') {
      setRationaleMissingFor(task.taskId);
      rationaleRef.current?.focus();
      return;
    }
    const saved = await current.vote(choice, { activeMs: Math.round(taskTime.elapsed(performance.now())), shownAt: shownAt.current });
    // Alternate a zero-width space so the same words are announced again after every vote.
    if (saved) setAnnouncement((previous) => (previous === t('session.savedNext') ? `${t('session.savedNext')}\u200b` : t('session.savedNext')));
  }

  function onAction(action: KeyAction) {
    const choice = choiceForAction(action, dir);
    if (choice) return void choose(choice);
    if (action === 'skip' && task) setSkipping(true);
    if (action === 'guidelines') setGuidelinesOpen((open) => !open);
    if (action === 'shortcuts') setShowingShortcuts(true);
    if (action === 'undo') {
      const recent = useSession.getState().session?.recent ?? [];
      const last = recent.find((vote) => vote.editable);
      if (last) void useSession.getState().undo(last.voteId);
      else setUndoRefusedFor(recent[0]?.voteId ?? null);
    }
  }

  useSessionKeyboard(bindings, onAction, !skipping && !showingShortcuts);

  // DOM order is first, second, …; in RTL the row itself runs right to left, so "first" lands on the right.
  const cantReadKey = label('cantRead');
  const options: DecisionOption[] = CHOICES.map((choice) => {
    const action = actionForChoice(choice, dir);
    return { choice, keyLabel: label(action), keyCode: bindings[action] };
  });

  return (
    <section className="comparison" aria-labelledby="page-title">
      <h1 id="page-title" className="visually-hidden" tabIndex={-1} ref={headingRef}>
        {t('nav.session')}
      </h1>
      <p className="visually-hidden" aria-live="polite" data-testid="vote-announcement">
        {announcement}
      </p>
      <BreakReminder sessionTime={sessionTime} afterMinutes={prefs.timing.breakReminderMinutes} />
      {task ? (
        <>
          <TaskHeader task={task} onSkip={() => setSkipping(true)} onToggleGuidelines={() => setGuidelinesOpen((open) => !open)} skipKey={label('skip')} guidelinesKey={label('guidelines')} />
          <div className={guidelinesOpen ? 'comparison__body comparison__body--with-pane' : 'comparison__body'}>
            <div className="comparison__main">
              <Suspense fallback={<p className="muted">{t('session.loading')}</p>}>
                {/* Keyed by task: the upcoming task renders hidden now and is simply revealed after the vote. */}
                {[task, prepared].map((candidate, index) =>
                  candidate ? <TaskContent key={candidate.taskId} task={candidate} visible={index === 0} /> : null,
                )}
              </Suspense>
              <DetailsPanel task={task} rationaleRef={rationaleRef} />
              {needsRationale ? <p className="notice notice--warn" role="alert">{t('details.rationaleMissing')}</p> : null}
              {/* Everything about deciding stays in view at the bottom: the hold, the buttons, the last vote and any error. */}
              <div className="decision-dock">
                {holdMs > 0 ? (
                  <p className={nudges ? 'vote-hold vote-hold--nudged' : 'vote-hold'} role="status" data-testid="vote-hold" key={nudges}>
                    {t('session.voteHold', { count: Math.ceil(holdMs / 1000) })}
                  </p>
                ) : null}
                <DecisionBar options={options.filter((option) => option.choice !== 'cant_read')} onChoose={(choice) => void choose(choice)} held={holdMs > 0} />
                <LastVote undoKey={label('undo')} undoRefused={undoRefusedFor !== null && undoRefusedFor === session?.recent[0]?.voteId} />
                <SessionError />
              </div>
              <button type="button" className="button button--quiet cant-read" onClick={() => void choose('cant_read')} aria-keyshortcuts={bindings.cantRead} aria-disabled={holdMs > 0 || undefined} data-testid="choose-cant_read">
                {t('choice.cant_read')} <kbd>{cantReadKey}</kbd>
              </button>
            </div>
            {guidelinesOpen ? <GuidelinesPane onClose={() => setGuidelinesOpen(false)} /> : null}
          </div>
        </>
      ) : (
        <EmptyQueue />
      )}
      <RecentVotes undoKey={label('undo')} />
      {showingShortcuts ? <ShortcutSheet label={label} onClose={() => setShowingShortcuts(false)} /> : null}
      {skipping && task ? (
        <SkipDialog
          unsavedInput={useSession.getState().hasUnsavedInput()}
          onCancel={() => setSkipping(false)}
          onSkip={(reason) => {
            setSkipping(false);
            void useSession.getState().skip(reason);
          }}
        />
      ) : null}
    </section>
  );
}

function EmptyQueue() {
  const { t } = useTranslation();
  return (
    <div className="empty-queue" data-testid="empty-queue">
      <h2>{t('session.emptyTitle')}</h2>
      <p>{t('session.emptyText')}</p>
    </div>
  );
}

function SessionError() {
  const error = useSession((state) => state.lastError);
  const { t } = useTranslation();
  return error ? (
    <p className="notice notice--error" role="alert" data-testid="session-error">
      {t('session.actionFailed')} <bdi className="muted">{error}</bdi>
    </p>
  ) : null;
}
