import { describe, expect, it } from "vitest";
import { numberAgenda, reorder } from "../../src/rules/agenda";

const item = (id: string, isPublic: boolean, position: number, parentId: string | null = null) => ({ id, isPublic, position, parentId });

describe("agenda numbering", () => {
  it("numbers the public part first, then the non-public part, each from 1", () => {
    const numbered = numberAgenda([item("n1", false, 0), item("p2", true, 1), item("p1", true, 0), item("n2", false, 1)]);
    expect(numbered.map((i) => [i.id, i.number])).toEqual([
      ["p1", "Ö 1"],
      ["p2", "Ö 2"],
      ["n1", "N 1"],
      ["n2", "N 2"],
    ]);
  });

  it("numbers nested items under their parent", () => {
    const numbered = numberAgenda([
      item("a", true, 0),
      item("b", true, 1),
      item("b2", true, 1, "b"),
      item("b1", true, 0, "b"),
      item("b1a", true, 0, "b1"),
    ]);
    expect(numbered.map((i) => `${i.number}:${i.depth}`)).toEqual(["Ö 1:0", "Ö 2:0", "Ö 2.1:1", "Ö 2.1.1:2", "Ö 2.2:1"]);
  });

  it("leaves no gap in the public numbers for non-public items", () => {
    const numbered = numberAgenda([item("p1", true, 0), item("n1", false, 1), item("p2", true, 2)]);
    expect(numbered.filter((i) => i.isPublic).map((i) => i.number)).toEqual(["Ö 1", "Ö 2"]);
  });

  it("orders equal positions by id, the same on every runtime", () => {
    const numbered = numberAgenda([item("b", true, 0), item("a", true, 0)]);
    expect(numbered.map((i) => i.id)).toEqual(["a", "b"]);
  });

  it("reorders siblings densely when an item is moved or inserted", () => {
    const siblings = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(reorder(siblings, { id: "c" }, 0)).toEqual([
      { id: "c", position: 0 },
      { id: "a", position: 1 },
      { id: "b", position: 2 },
    ]);
    expect(reorder(siblings, { id: "x" }, 99).map((p) => p.id)).toEqual(["a", "b", "c", "x"]);
    expect(reorder(siblings, { id: "a" }, 1).map((p) => p.id)).toEqual(["b", "a", "c"]);
  });
});
