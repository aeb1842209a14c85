/**
 * The renderer's copy of main's link policy (parseSafeExternalUrl): only
 * https, no credentials. Main checks again and asks the user; this copy
 * decides what is shown as a link at all, so a rater never clicks something
 * that main would refuse anyway.
 */
export function openableUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  return url.href;
}
