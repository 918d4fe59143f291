import { describe, expect, it } from "vitest";
import { organizationTypeLabel } from "../src/filters";

describe("organizationTypeLabel", () => {
  it("names the schema's organization types in the field's words", () => {
    expect(organizationTypeLabel("UN_AGENCY")).toBe("UN agency");
    expect(organizationTypeLabel("WORKERS")).toBe("Workers' organization");
  });

  it("still reads a type the schema adds later", () => {
    expect(organizationTypeLabel("PHILANTHROPIC_FOUNDATION")).toBe("Philanthropic foundation");
  });
});
