/**
 * Download files: their names (the CSV of a chart drawn from several API series is csv-merge.ts's).
 * Pure: no DOM.
 */

/** A file name for downloads: `sahel-pulse_<parts>_<version>.<ext>`, safe characters only. */
export function downloadName(parts: readonly (string | null | undefined)[], version: string, ext: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '');
  return `sahel-pulse_${parts
    .filter((p): p is string => !!p)
    .map(clean)
    .join('_')}_${clean(version)}.${ext}`;
}
