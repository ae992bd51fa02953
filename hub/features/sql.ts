/** A timestamptz column as ISO 8601 text in UTC, the same from pg and PGlite (which differ on Date). */
export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
