// CSV as spreadsheets read it (RFC 4180): fields quoted when they hold a comma, quote or line
// break; a leading formula character is defused so a spreadsheet never runs a cell.

import { save } from "./figures";

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function download(filename: string, text: string): void {
  save(filename, new Blob([text], { type: "text/csv;charset=utf-8" }));
}
