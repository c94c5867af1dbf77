/** Renders rows as a fixed-width text table (first row is the header; numbers right-aligned). */
export function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const numeric = /^[-+]?[\d.]+[×%]?$|^n\/a$|^-$/;
  const render = (row: string[]): string =>
    row
      .map((cell, column) =>
        column > 0 && numeric.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  const separator = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(rows[0]), separator, ...rows.slice(1).map(render)].join('\n');
}
