// An import's report as a CSV file the admin downloads: the counts, then one line per rejected row
// with its reason in the reader's language. Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe (file names and fields come from the uploaded file).

/** Quotes a cell for CSV and defuses formulas (=, +, -, @, tab, carriage return at the start). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvOf(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  // A BOM so spreadsheet programs read the accents as UTF-8.
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Offers `content` as a download named `name`. */
export function downloadText(name: string, content: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
