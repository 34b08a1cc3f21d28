// What the console's pages draw around their lists: who you are here and what your role
// holds. Each page reads its frame under the permission of the list procedure it shows,
// so a page and its data are one gate (tests/integration/page-gates.test.ts holds each
// pair together for every built-in role). Beside the frames, the command palette's search.
// None of these is in the REST API: they serve the console's own pages.
import { z } from "zod";
import { consoleFrame } from "../services/organization";
import { searchConsole } from "../services/console-search";
import { createTRPCRouter, orgProcedure } from "../trpc/init";

const searchQuery = z.string().trim().min(1, "Type something to search for.").max(100, "Searches are at most 100 characters.");

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
  /** Every member: what the member sees of members, groups and resources, by name (an area
   * their role does not open is null). */
  search: orgProcedure(null)
    .input(z.object({ query: searchQuery }))
    .query(({ ctx, input }) => searchConsole(ctx.db, ctx.actor, input.query)),
});
