/** How the administration screens show sizes and times, whichever screen it is. */

/** "1.5 MB", "830 KB": sizes as people read them, rounded up (1 MB = 1,048,576 bytes, as the limit is set). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A date-time as people read it; `timeZone` for tests, the browser's otherwise. */
export function formatWhen(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
