/**
 * Unit conversions, numerical guards and reporting thresholds: the only numbers the phases may write as literals besides
 * 0, 1 and −1 (every behavioural number is a scenario parameter, with its source; lint enforces it).
 */
export const KG_PER_T = 1000;
export const USD_PER_MUSD = 1e6;
export const QUARTERS_PER_YEAR = 4;
/** Flights are flown month by month (docs/model.md §4.6). */
export const MONTHS_PER_QUARTER = 3;
export const PERCENT = 100;
/** Net values per kg are compared in thousands of US dollars (routeSensitivity is per US$1,000/kg). */
export const USD_PER_THOUSAND = 1000;
/** Guards against dividing by zero; far below any quantity the model carries. */
export const TINY = 1e-9;

/** Reporting thresholds: smaller movements are not worth an event line (they stay in the flows). */
export const EVENT_MIN_T = 0.05;
export const EVENT_MIN_HA = 10;
export const EVENT_MIN_US_POINTS = 5;
