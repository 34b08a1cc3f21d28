// The keys of a tree view, as the WAI-ARIA Authoring Practices describe them: Up and Down
// move between the rows shown, Right opens a closed group or steps into an open one, Left
// closes an open group or steps out to its parent, Home and End go to the ends, and a
// letter goes to the next group whose name starts with it.

export type TreeRow = { id: string; parentId: string | null; name: string; hasChildren: boolean };

/** What a key does: the row to focus (an index into `rows`), or the group to open or close. */
export type TreeMove = { focus: number } | { toggle: string };

/**
 * `rows` are the rows shown, in order (a parent before its children); `current` the focused
 * one. Null: the key is not the tree's, and the browser keeps it.
 */
export function treeKey(rows: readonly TreeRow[], current: number, key: string, collapsed: ReadonlySet<string>): TreeMove | null {
  const row = rows[current];
  if (!row) return null;
  const open = row.hasChildren && !collapsed.has(row.id);
  switch (key) {
    case "ArrowDown":
      return current + 1 < rows.length ? { focus: current + 1 } : null;
    case "ArrowUp":
      return current > 0 ? { focus: current - 1 } : null;
    case "Home":
      return { focus: 0 };
    case "End":
      return { focus: rows.length - 1 };
    case "ArrowRight":
      if (!row.hasChildren) return null;
      // Shown in order, an open group's first child is the next row.
      return open ? { focus: current + 1 } : { toggle: row.id };
    case "ArrowLeft": {
      if (open) return { toggle: row.id };
      const parent = rows.findIndex((r) => r.id === row.parentId);
      return parent >= 0 ? { focus: parent } : null;
    }
  }
  if (key.length === 1 && key.trim()) {
    const letter = key.toLocaleLowerCase();
    for (let step = 1; step <= rows.length; step++) {
      const at = (current + step) % rows.length;
      if (rows[at]!.name.toLocaleLowerCase().startsWith(letter)) return { focus: at };
    }
  }
  return null;
}
