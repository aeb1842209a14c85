import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionReport, ProxySetting, ProxyState } from '../../../../shared/ipc/features/desktopContract';
import { ProxyRules } from '../../../../shared/ipc/features/desktopContract';
import { call } from '../../bridge';
import { useAuth } from '../../stores/auth';
import { useBackendStatus } from '../../stores/backendStatus';

/**
 * Settings → Connection: test the way to the server and choose a proxy.
 * The test names the first thing that failed (DNS, proxy, certificate…),
 * because "cannot connect" gives a rater behind a corporate proxy nothing
 * to tell their IT team.
 */
export function ConnectionSettings() {
  const { t } = useTranslation();
  return (
    <fieldset className="connection" data-testid="connection-settings">
      <legend>{t('settings.connection.title')}</legend>
      <ConnectionTest />
      <ProxyChoice />
    </fieldset>
  );
}

function ConnectionTest() {
  const { t } = useTranslation();
  const signedInServer = useAuth((state) => state.auth?.serverUrl ?? null);
  const backendUrl = useBackendStatus((state) => state.status?.url ?? '');
  // Empty until the rater types: then it follows the signed-in (or bundled) server as that loads.
  const [typed, setTyped] = useState<string | null>(null);
  const serverUrl = typed ?? signedInServer ?? backendUrl;
  const [testing, setTesting] = useState(false);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const ids = { server: useId(), result: useId() };

  async function test(event: FormEvent) {
    event.preventDefault();
    setTesting(true);
    setReport(null);
    try {
      setReport(await call('network.testConnection', { serverUrl: serverUrl.trim() }));
    } catch {
      // The test itself could not run (main unreachable): say nothing rather than a wrong verdict.
      setReport(null);
    } finally {
      setTesting(false);
    }
  }

  return (
    <form className="connection__test" onSubmit={(event) => void test(event)}>
      <div className="field">
        <label htmlFor={ids.server}>{t('settings.connection.server')}</label>
        <input id={ids.server} type="url" dir="ltr" value={serverUrl} onChange={(event) => setTyped(event.target.value)} data-testid="connection-server" />
      </div>
      <button type="submit" className="button button--quiet" disabled={testing} aria-describedby={ids.result} data-testid="connection-test">
        {testing ? t('settings.connection.testing') : t('settings.connection.test')}
      </button>
      <div id={ids.result} role="status" aria-live="polite">
        {report ? <ConnectionResult report={report} /> : null}
      </div>
    </form>
  );
}

function ConnectionResult({ report }: { report: ConnectionReport }) {
  const { t } = useTranslation();
  const ok = report.outcome === 'ok';
  return (
    <div className={`notice ${ok ? 'notice--ok' : 'notice--error'}`} data-testid="connection-result" data-outcome={report.outcome}>
      <p>{t(`settings.connection.result.${report.outcome}`, { version: report.apiVersion, ms: report.elapsedMs, status: report.httpStatus })}</p>
      {report.detail ? (
        <p className="muted">
          {t('settings.connection.details', { detail: report.detail })}
        </p>
      ) : null}
    </div>
  );
}

function ProxyChoice() {
  const { t } = useTranslation();
  const [state, setState] = useState<ProxyState | null>(null);
  const [mode, setMode] = useState<ProxySetting['mode']>('system');
  const [rules, setRules] = useState('');
  const [bypass, setBypass] = useState('');
  const [message, setMessage] = useState<'saved' | 'invalid' | null>(null);
  const ids = { rules: useId(), bypass: useId(), group: useId() };

  useEffect(() => {
    call('network.getProxy', {})
      .then((loaded) => {
        setState(loaded);
        setMode(loaded.setting.mode);
        if (loaded.setting.mode === 'manual') {
          setRules(loaded.setting.rules);
          setBypass(loaded.setting.bypass);
        }
      })
      // A host that cannot say (an older main) simply shows no proxy choice.
      .catch(() => setState(null));
  }, []);

  if (!state) return null;
  if (!state.configurable) return <p className="muted" data-testid="proxy-not-configurable">{t('settings.connection.proxyWebHost')}</p>;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (mode === 'manual' && !(rules.trim() && ProxyRules.safeParse(rules.trim()).success)) {
      setMessage('invalid');
      return;
    }
    const setting: ProxySetting = mode === 'manual' ? { mode, rules: rules.trim(), bypass: bypass.trim() } : { mode };
    setState(await call('network.setProxy', setting));
    setMessage('saved');
  }

  const labels = {
    system: t('settings.connection.proxySystem'),
    direct: t('settings.connection.proxyDirect'),
    manual: t('settings.connection.proxyManual'),
  } satisfies Record<ProxySetting['mode'], string>;
  return (
    <form className="connection__proxy" onSubmit={(event) => void save(event)}>
      <fieldset>
        <legend>{t('settings.connection.proxy')}</legend>
        {(Object.keys(labels) as Array<ProxySetting['mode']>).map((value) => (
          <label className="choice-row" key={value}>
            <input type="radio" name={ids.group} value={value} checked={mode === value} onChange={() => setMode(value)} data-testid={`proxy-${value}`} />
            {labels[value]}
          </label>
        ))}
        {mode === 'manual' ? (
          <>
            <div className="field">
              <label htmlFor={ids.rules}>{t('settings.connection.proxyRules')}</label>
              <input id={ids.rules} dir="ltr" value={rules} onChange={(event) => setRules(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.bypass}>{t('settings.connection.proxyBypass')}</label>
              <input id={ids.bypass} dir="ltr" value={bypass} onChange={(event) => setBypass(event.target.value)} />
            </div>
          </>
        ) : null}
      </fieldset>
      <button type="submit" className="button button--quiet">
        {t('settings.connection.proxySave')}
      </button>
      <p role="status" aria-live="polite">
        {message === 'saved' ? t('settings.connection.proxySaved') : message === 'invalid' ? t('settings.connection.proxyInvalid') : null}
      </p>
    </form>
  );
}
