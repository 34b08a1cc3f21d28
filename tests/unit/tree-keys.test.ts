// The group tree's keys: every branch of treeKey, on a tree of three levels.
import { describe, expect, it } from "vitest";
import { treeKey, type TreeRow } from "@/components/groups/tree-keys";

// Acme
//   Research
//     Labs
//   Sales
const ROWS: TreeRow[] = [
  { id: "acme", parentId: null, name: "Acme", hasChildren: true },
  { id: "research", parentId: "acme", name: "Research", hasChildren: true },
  { id: "labs", parentId: "research", name: "Labs", hasChildren: false },
  { id: "sales", parentId: "acme", name: "Sales", hasChildren: false },
];
const none = new Set<string>();

describe("the group tree's keys", () => {
  it("moves up and down the rows shown, and stops at the ends", () => {
    expect(treeKey(ROWS, 0, "ArrowDown", none)).toEqual({ focus: 1 });
    expect(treeKey(ROWS, 3, "ArrowDown", none)).toBeNull();
    expect(treeKey(ROWS, 2, "ArrowUp", none)).toEqual({ focus: 1 });
    expect(treeKey(ROWS, 0, "ArrowUp", none)).toBeNull();
    expect(treeKey(ROWS, 2, "Home", none)).toEqual({ focus: 0 });
    expect(treeKey(ROWS, 1, "End", none)).toEqual({ focus: 3 });
  });

  it("opens a closed group with Right, then steps into it", () => {
    expect(treeKey(ROWS, 1, "ArrowRight", new Set(["research"]))).toEqual({ toggle: "research" });
    expect(treeKey(ROWS, 1, "ArrowRight", none)).toEqual({ focus: 2 });
    expect(treeKey(ROWS, 2, "ArrowRight", none)).toBeNull();
  });

  it("closes an open group with Left, and from a closed one or a leaf steps out to the parent", () => {
    expect(treeKey(ROWS, 1, "ArrowLeft", none)).toEqual({ toggle: "research" });
    expect(treeKey(ROWS, 1, "ArrowLeft", new Set(["research"]))).toEqual({ focus: 0 });
    expect(treeKey(ROWS, 2, "ArrowLeft", none)).toEqual({ focus: 1 });
    expect(treeKey([ROWS[0]!], 0, "ArrowLeft", new Set(["acme"]))).toBeNull();
  });

  it("goes to the next group whose name starts with a typed letter, wrapping round", () => {
    expect(treeKey(ROWS, 0, "s", none)).toEqual({ focus: 3 });
    expect(treeKey(ROWS, 3, "A", none)).toEqual({ focus: 0 });
    expect(treeKey(ROWS, 1, "r", none)).toEqual({ focus: 1 });
    expect(treeKey(ROWS, 0, "z", none)).toBeNull();
  });

  it("leaves every other key to the browser", () => {
    for (const key of ["Tab", "Enter", " ", "Escape", "PageDown"]) expect(treeKey(ROWS, 0, key, none)).toBeNull();
    expect(treeKey([], 0, "ArrowDown", none)).toBeNull();
  });
});
