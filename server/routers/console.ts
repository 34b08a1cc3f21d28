// What the console's pages draw around their lists: who you are here and what your role
// holds. Each page reads its frame under the permission of the list procedure it shows,
// so a page and its data are one gate (tests/integration/page-gates.test.ts holds each
// pair together for every built-in role).
import { consoleFrame } from "../services/organization";
import { createTRPCRouter, orgProcedure } from "../trpc/init";

export const consoleRouter = createTRPCRouter({
  /** Every member: the console shell, the overview, resources and activity. */
  you: orgProcedure(null).query(({ ctx }) => consoleFrame(ctx.actor)),
  members: orgProcedure("members.view").query(({ ctx }) => consoleFrame(ctx.actor)), // members.list
  teams: orgProcedure("members.view").query(({ ctx }) => consoleFrame(ctx.actor)), // teams.list
  invitations: orgProcedure("members.create").query(({ ctx }) => consoleFrame(ctx.actor)), // invitations.list
  groups: orgProcedure("groups.view").query(({ ctx }) => consoleFrame(ctx.actor)), // groups.list
  import: orgProcedure("members.import").query(({ ctx }) => consoleFrame(ctx.actor)), // importer.*
  settings: orgProcedure("settings.manage").query(({ ctx }) => consoleFrame(ctx.actor)), // organization.settings
  outbox: orgProcedure("settings.manage").query(({ ctx }) => consoleFrame(ctx.actor)), // email.outbox
});
