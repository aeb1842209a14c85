/** A link to an item that the app (and a supervisor pasting it into the inbox search) understands. */
export function itemLink(itemId: string): string {
  return `verdict://item/${encodeURIComponent(itemId)}`;
}

/** The item id in a pasted link, or the text itself when it is not a link. */
export function itemIdFromQuery(query: string): string {
  const match = /^verdict:\/\/item\/(.+)$/.exec(query.trim());
  if (!match) return query.trim();
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}
