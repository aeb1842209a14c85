import type { ComponentProps, MouseEvent } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import { call } from '../../../bridge';
import { openableUrl } from './safeUrl';

type Props = ComponentProps<'a'> & ExtraProps;

const MAX_SHOWN_URL = 200;
const shorten = (url: string) => (url.length > MAX_SHOWN_URL ? `${url.slice(0, MAX_SHOWN_URL)}…` : url);

/**
 * A link in model output never navigates the app. An https link asks main to
 * open it (main confirms with the user first); anything else (javascript:,
 * data:, file:, http:, in-page anchors) is shown as plain text that does
 * nothing. The real target is always visible on hover and focus, because the
 * link text is the model's and may claim to go somewhere else.
 */
export function SafeLink({ href, children }: Props) {
  const { t } = useTranslation('response');
  const url = openableUrl(href);
  if (!url) {
    // Say why it is not a link when there was a target worth naming (http:, mailto:, a relative path);
    // in-page anchors are footnote plumbing and need no explanation.
    const title = href && !href.startsWith('#') ? t('link.notOpenable', { url: shorten(href) }) : undefined;
    return (
      <span className="response-link response-link--inert" title={title}>
        {children}
      </span>
    );
  }

  const description = t('link.opensExternally', { url });
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    // Main shows its own dialog and errors; a refused or dropped call leaves nothing to undo here.
    call('shell.openExternal', { url }).catch(() => undefined);
  };
  // Middle click and modifier clicks would open a window or tab behind main's back.
  const swallow = (event: MouseEvent<HTMLAnchorElement>) => event.preventDefault();

  return (
    <a
      className="response-link"
      href={url}
      rel="noreferrer noopener"
      title={description}
      data-tooltip={description}
      onClick={open}
      onAuxClick={swallow}
    >
      {children}
    </a>
  );
}
