// Dates as the report, the Commits view and the date picker show them, in a time zone.
import { DateTime, IANAZone } from './luxon.js';
import type { Zone } from './luxon.js';

/** `YYYY-MM-DD HH:mm:ss` in the given IANA zone; the input as written when it is not a valid ISO date. */
export function formatTimestamp(iso: string, timeZone: string): string {
  return gitTimestamp(iso, timeZone) ?? luxonTimestamp(iso, timeZone);
}

/** Luxon's reading of any ISO date; formatTimestamp's answer for everything gitTimestamp leaves to it. */
export function luxonTimestamp(iso: string, timeZone: string): string {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) return iso;
  const zoned = parsed.setZone(timeZone);
  return (zoned.isValid ? zoned : parsed).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** The dates git prints (`%aI`, `%cI`): `2026-01-22T10:00:00+08:00`, or with `Z`. */
const GIT_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:([+-])(\d{2}):(\d{2})|Z)$/;

/** Luxon's zone for each zone name (what setZone would use), or null for a name it does not know. */
const ZONES = new Map<string, Zone | null>();

function zoneOf(timeZone: string): Zone | undefined {
  let zone = ZONES.get(timeZone);
  if (zone === undefined) {
    const named = DateTime.fromMillis(0, { zone: timeZone }).zone;
    zone = named.isValid ? named : null;
    if (ZONES.size < 64) ZONES.set(timeZone, zone);
  }
  return zone ?? undefined;
}

/**
 * luxonTimestamp for a date as git prints it, with the arithmetic luxon uses (local fields at the instant plus the
 * zone's offset) but without parsing and formatting machinery: a year of commits formats each date twice. Anything
 * else (another ISO form, a field out of range, an odd offset, a zone luxon refuses, a year outside 1000-9999) is
 * left to luxon (undefined).
 */
function gitTimestamp(iso: string, timeZone: string): string | undefined {
  const match = GIT_ISO.exec(iso);
  if (!match) return undefined;
  const zone = zoneOf(timeZone);
  if (!zone) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (year < 1000) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day ||
    check.getUTCHours() !== hour || check.getUTCMinutes() !== minute || check.getUTCSeconds() !== second
  ) return undefined;
  let offset = 0;
  if (match[7] !== undefined) {
    const hours = Number(match[8]);
    const minutes = Number(match[9]);
    if (hours > 18 || minutes > 59) return undefined;
    offset = (match[7] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const ts = local - offset * 60 * 1000;
  const zoned = new Date(ts + zone.offset(ts) * 60 * 1000);
  const zonedYear = zoned.getUTCFullYear();
  if (zonedYear < 1000 || zonedYear > 9999) return undefined;
  return `${zonedYear}-${two(zoned.getUTCMonth() + 1)}-${two(zoned.getUTCDate())} ` +
    `${two(zoned.getUTCHours())}:${two(zoned.getUTCMinutes())}:${two(zoned.getUTCSeconds())}`;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** The local fields of an instant in an IANA zone, or in the machine's zone when the name is empty or unknown. */
function inZoneOrMachine(millis: number, timeZone: string | undefined): DateTime {
  const zone = timeZone === undefined || timeZone === '' ? undefined : IANAZone.create(timeZone);
  return DateTime.fromMillis(millis, zone?.isValid === true ? { zone } : {});
}

/** Today's date (`YYYY-MM-DD`) in an IANA zone, or in the machine's zone when the zone is empty or unknown. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  // An unknown zone is the engine's to report, when the report is generated.
  const local = inZoneOrMachine(now.getTime(), timeZone?.trim());
  return `${local.year}-${two(local.month)}-${two(local.day)}`;
}

/** `HH:mm` (or `MM-DD HH:mm` for ranges) of a date in an IANA zone (the machine's when the zone is unknown). */
export function formatCommitTime(iso: string, timeZone: string, withDay: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = inZoneOrMachine(date.getTime(), timeZone);
  const time = `${two(local.hour)}:${two(local.minute)}`;
  return withDay ? `${two(local.month)}-${two(local.day)} ${time}` : time;
}
