import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_AREAS, AUDIT_CATALOG, auditChanges, describeAuditEvent, nameRefs, organizationAreas } from "@/server/services/audit-catalog";

// Events as odd as the log may hold: empty JSON, JSON of another shape, names gone.
const SAMPLES = [
  { before: null, after: null },
  { before: {}, after: {} },
  {
    before: { name: "Old", group: "Paris", parentId: "g1", principal: "member:m1", capabilities: ["read"] },
    after: { name: "New", group: "Lyon", parentId: "g2" },
  },
  { before: [1, 2], after: "text" },
];

describe("the audit catalog", () => {
  it("gives every action a label, an area and a sentence for any event, without throwing", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(60);
    for (const action of AUDIT_ACTIONS) {
      const entry = AUDIT_CATALOG[action];
      expect(entry.label, action).toMatch(/^[A-Z]/);
      expect(Object.keys(AUDIT_AREAS)).toContain(entry.area);
      for (const sample of SAMPLES) {
        const facts = { actor: "Gary", targetId: "t1", ...sample };
        const { sentence } = describeAuditEvent(action, entry.target, facts);
        expect(sentence, action).toMatch(/^[A-Z]/);
        expect(sentence, action).not.toMatch(/undefined|\[object/);
        expect(() => nameRefs({ action, targetType: entry.target, targetId: "t1", ...sample })).not.toThrow();
      }
    }
  });

  it("names things by their current name, else the copy the event kept, else as deleted", () => {
    const facts = { actor: "Gary", targetId: "m1", before: { group: "Paris" }, after: { group: "Lyon" } };
    expect(describeAuditEvent("member.changeGroup", "Membership", facts, (kind, id) => (kind === "member" && id === "m1" ? "Chloé" : undefined)).sentence).toBe(
      "Gary moved Chloé from Paris to Lyon",
    );
    expect(describeAuditEvent("member.changeGroup", "Membership", facts).sentence).toBe("Gary moved a deleted member from Paris to Lyon");
    expect(describeAuditEvent("member.delete", "Membership", { actor: "Gary", targetId: "m1", before: { name: "Chloé" }, after: {} }).sentence).toBe(
      "Gary deleted Chloé",
    );
    expect(nameRefs({ action: "group.move", targetType: "Group", targetId: "g0", before: { parentId: "g1" }, after: { parentId: "g2" } })).toEqual([
      { kind: "group", id: "g0" },
      { kind: "group", id: "g1" },
      { kind: "group", id: "g2" },
    ]);
  });

  it("offers organizations only their own areas, and summarizes changes without ids", () => {
    expect(organizationAreas().map((a) => a.area)).not.toContain("instance");
    expect(organizationAreas().map((a) => a.area)).not.toContain("account");
    expect(auditChanges({ groupId: "g1", group: "Paris" }, { groupId: "g2", group: "Lyon" })).toEqual([{ field: "group", before: "Paris", after: "Lyon" }]);
  });
});
