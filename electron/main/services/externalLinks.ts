/**
 * Links in untrusted model output may only ever leave the app as https, and
 * only after the user confirmed; anything else (javascript:, file:, custom
 * schemes, credentials in the URL) is refused here, whatever the caller says.
 */
export function parseSafeExternalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url;
}
