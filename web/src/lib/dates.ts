/** An <input type="datetime-local"> value ("2026-03-01T10:30", the browser's local time) as ISO-8601 in UTC, or null. */
export function localDateTimeToIso(value: string): string | null {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text)) {
    return null;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
