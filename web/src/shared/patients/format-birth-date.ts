/** 1948-05-17 → 17/05/1948 (a date of birth has no time zone: no Date object involved). */
export function formatBirthDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
