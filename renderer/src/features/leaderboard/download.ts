/** Saves a blob through the browser's own download (nothing leaves the machine). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A file name for an export of a slice: "verdict-leaderboard-language-de-2026-11-27.csv". */
export function exportFileName(kind: string, filter: Record<string, string | undefined>, extension: string, now = new Date()): string {
  const parts = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .flatMap(([field, value]) => [field.replace('_', '-'), String(value).replace(/[^\p{L}\p{N}-]+/gu, '-')]);
  return ['verdict', kind, ...parts, now.toISOString().slice(0, 10)].join('-') + `.${extension}`;
}
