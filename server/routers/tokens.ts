import { z } from "zod";
import { ALL_PERMISSIONS, TOKEN_LIFETIME_DAYS } from "../authz";
import { createToken, describeCaller, listTokens, revokeAllTokens, revokeToken } from "../services/api-tokens";
import { createTRPCRouter, orgProcedure, sessionOrgProcedure } from "../trpc/init";
import { id } from "./_schemas";
import { object, timestamp } from "./_outputs";
import { rest } from "./_rest";

const name = z.string().trim().min(1, "Give the token a name, such as the script that will use it.").max(80, "Token names are at most 80 characters.");

/** Personal API tokens: made by holders of "Use API tokens"; one's own always listed and
 * revoked, another member's with "Edit member info" over them. Never through a token. */
export const tokensRouter = createTRPCRouter({
  /** Who the caller acts as: a script's first call, to check its token. */
  current: orgProcedure(null)
    .meta(
      rest("GET", "/me", "Who the token acts as", "The token's member now, their organization, the permissions the token carries, and the token's own limits."),
    )
    .output(
      object({
        organization: object({ slug: z.string(), name: z.string() }),
        member: object({
          membershipId: z.string(),
          name: z.string(),
          email: z.string(),
          isOwner: z.boolean(),
          role: object({ id: z.string(), name: z.string() }),
          group: object({ id: z.string(), name: z.string() }),
        }),
        permissions: z.array(z.string()).meta({ description: "The role's permissions, narrowed by the token's." }),
        token: object({ id: z.string(), name: z.string(), prefix: z.string(), readOnly: z.boolean(), expiresAt: timestamp.nullable() })
          .nullable()
          .meta({ description: "Null when the caller is a signed-in session." }),
      }),
    )
    .query(({ ctx }) => describeCaller(ctx.db, ctx.actor, ctx.viewer)),
  list: sessionOrgProcedure(null)
    .input(z.object({ membershipId: id("Member").optional() }))
    .query(async ({ ctx, input }) => ({
      ...(await listTokens(ctx.db, ctx.actor, input)),
      /** The longest lifetime the caller may choose for a new token (0: no limit, "never" allowed). */
      maxLifetimeDays: ctx.policy.tokenLifetimeDays,
    })),
  create: sessionOrgProcedure("tokens.use")
    .input(
      z.object({
        name,
        /** null: it never expires, where the group policy has no limit. */
        expiresInDays: z
          .number()
          .int()
          .min(1, "A token lives at least 1 day.")
          .max(TOKEN_LIFETIME_DAYS.max, `A token lives at most ${TOKEN_LIFETIME_DAYS.max} days.`)
          .nullable()
          .default(TOKEN_LIFETIME_DAYS.default),
        readOnly: z.boolean().default(false),
        permissions: z
          .array(z.enum(ALL_PERMISSIONS as [string, ...string[]], { error: "That is not a permission." }))
          .max(ALL_PERMISSIONS.length)
          .default([]),
      }),
    )
    .mutation(({ ctx, input }) => createToken(ctx.db, ctx.actor, input, ctx.policy.tokenLifetimeDays)),
  revoke: sessionOrgProcedure(null)
    .input(z.object({ tokenId: id("Token") }))
    .mutation(({ ctx, input }) => revokeToken(ctx.db, ctx.actor, input)),
  revokeAll: sessionOrgProcedure(null)
    .input(z.object({ membershipId: id("Member").optional() }))
    .mutation(({ ctx, input }) => revokeAllTokens(ctx.db, ctx.actor, input)),
});
