import { DateTime } from 'luxon';

/** `YYYY-MM-DD HH:mm:ss` in the given IANA zone; the input as written when it is not a valid ISO date. */
export function formatTimestamp(iso: string, timeZone: string): string {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) return iso;
  const zoned = parsed.setZone(timeZone);
  return (zoned.isValid ? zoned : parsed).toFormat('yyyy-MM-dd HH:mm:ss');
}
