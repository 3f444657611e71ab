// The one CSV writer: the sign-off trail (lib/workflow/trail.ts) and the district's overview use it.

/** CSV for Excel/WPS: UTF-8 with a BOM so Chinese opens correctly. */
export function toCsv(rows: string[][]): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const cell = (raw: string) => {
    const v = safe(raw);
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return "\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
