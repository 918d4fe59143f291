import { describe, expect, it } from "vitest";
import { toCsv } from "../src/csv";

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends", () => {
    expect(toCsv(["Organization", "Role"], [["ILO", "leads"]])).toBe("Organization,Role\r\nILO,leads\r\n");
  });

  it("quotes fields holding commas, quotes or line breaks", () => {
    const text = toCsv(["Where"], [["Europe, Central Asia"], ['the "Friends"'], ["two\nlines"]]);
    expect(text.split("\r\n")).toEqual(["Where", '"Europe, Central Asia"', '"the ""Friends"""', '"two\nlines"', ""]);
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    const text = toCsv(["Note"], [["=HYPERLINK(1)"], ["+1"], ["-2"], ["@sum"], ["8.7"]]);
    expect(text.split("\r\n").slice(1, 6)).toEqual(["'=HYPERLINK(1)", "'+1", "'-2", "'@sum", "8.7"]);
  });
});
