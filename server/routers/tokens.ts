import { z } from "zod";
import { ALL_PERMISSIONS, TOKEN_LIFETIME_DAYS } from "../authz";
import { createToken, listTokens, revokeAllTokens, revokeToken } from "../services/api-tokens";
import { createTRPCRouter, sessionOrgProcedure } from "../trpc/init";
import { id } from "./_schemas";

const name = z.string().trim().min(1, "Give the token a name, such as the script that will use it.").max(80, "Token names are at most 80 characters.");

/** Personal API tokens: made by holders of "Use API tokens"; one's own always listed and
 * revoked, another member's with "Edit member info" over them. Never through a token. */
export const tokensRouter = createTRPCRouter({
  list: sessionOrgProcedure(null)
    .input(z.object({ membershipId: id("Member").optional() }))
    .query(({ ctx, input }) => listTokens(ctx.db, ctx.actor, input)),
  create: sessionOrgProcedure("tokens.use")
    .input(
      z.object({
        name,
        expiresInDays: z
          .number()
          .int()
          .min(1, "A token lives at least 1 day.")
          .max(TOKEN_LIFETIME_DAYS.max, `A token lives at most ${TOKEN_LIFETIME_DAYS.max} days.`)
          .default(TOKEN_LIFETIME_DAYS.default),
        readOnly: z.boolean().default(false),
        permissions: z
          .array(z.enum(ALL_PERMISSIONS as [string, ...string[]], { error: "That is not a permission." }))
          .max(ALL_PERMISSIONS.length)
          .default([]),
      }),
    )
    .mutation(({ ctx, input }) => createToken(ctx.db, ctx.actor, input)),
  revoke: sessionOrgProcedure(null)
    .input(z.object({ tokenId: id("Token") }))
    .mutation(({ ctx, input }) => revokeToken(ctx.db, ctx.actor, input)),
  revokeAll: sessionOrgProcedure(null)
    .input(z.object({ membershipId: id("Member").optional() }))
    .mutation(({ ctx, input }) => revokeAllTokens(ctx.db, ctx.actor, input)),
});
