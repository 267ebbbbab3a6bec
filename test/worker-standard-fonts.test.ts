import * as real from "@pdf-lib/standard-fonts";
import { describe, expect, it } from "vitest";
import * as stand from "../src/entry/worker-standard-fonts";

describe("the Worker's stand-in for @pdf-lib/standard-fonts", () => {
  it("names the same standard fonts as the real module, so pdf-lib recognises them", () => {
    expect({ ...stand.FontNames }).toEqual({ ...real.FontNames });
  });

  it("fails loudly instead of embedding a standard font", () => {
    expect(() => stand.Font.load("Helvetica")).toThrow(/not part of the Worker bundle/);
    expect(() => stand.Encodings.WinAnsi).toThrow(/not part of the Worker bundle/);
  });
});
