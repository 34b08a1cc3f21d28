// Every change the API offers is either confirmed by a notice or deliberately left to its page.
import { describe, expect, it } from "vitest";
import { DONE_MESSAGES, doneMessage } from "@/components/done-messages";
import { appRouter } from "@/server/trpc/root";

const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures;
const changes = Object.entries(procedures)
  .filter(([, p]) => p._def.type === "mutation")
  .map(([path]) => path)
  .sort();

describe("the notices of completed changes", () => {
  it("name every change of the API, and nothing else", () => {
    expect(changes.length).toBeGreaterThan(50);
    expect(Object.keys(DONE_MESSAGES).sort()).toEqual(changes);
  });

  it("say a sentence, or nothing where the page shows the result", () => {
    expect(doneMessage("groups.create", { name: "Sales" })).toBe("Group created.");
    expect(doneMessage("members.setStatus", { status: "DISABLED" })).toBe("Member disabled.");
    expect(doneMessage("members.setStatus", { status: "ACTIVE" })).toBe("Member enabled.");
    expect(doneMessage("tokens.create", {})).toBeNull();
    expect(doneMessage("no.such", {})).toBeNull();
    for (const path of changes) {
      const said = doneMessage(path, {});
      if (said !== null) expect(said).toMatch(/^[A-Z].*\.$/);
    }
  });
});
