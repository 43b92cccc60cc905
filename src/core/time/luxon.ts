// luxon, set up once: every date of the project goes through src/core/time, and src/core/time takes luxon from here.
// Dates are formatted with fixed numeric patterns, never in the machine's locale (whose digits could differ), and
// with a set locale luxon does not ask Intl for the system one: with UTC, a run never starts ICU (~15-20 ms).
import { Settings } from 'luxon';

Settings.defaultLocale = 'en-US';

export { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
export type { Zone } from 'luxon';
