import { z } from "zod";
import { passwordSchema } from "../auth/password";
import {
  acceptInvitation,
  INVITATION_STATES,
  inviteMembers,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "../services/invitations";
import { createTRPCRouter, optionalViewerProcedure, orgProcedure } from "../trpc/init";
import { id, personName } from "./_schemas";
import { rest } from "./_rest";
import { count, object, timestamp } from "./_outputs";

const link = {
  organization: z.string().trim().min(1, "The link names no organization.").max(64),
  token: z.string().trim().min(1, "The link has no token.").max(200, "That link is too long to be a Steward invitation."),
};

const invitationState = z.enum(INVITATION_STATES);

export const invitationsRouter = createTRPCRouter({
  list: orgProcedure("members.create")
    .meta(rest("GET", "/invitations", "List the invitations you manage", "Newest first; `total` counts every match."))
    .input(
      z.object({
        state: invitationState.optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200, "At most 200 invitations per page.").default(25),
      }),
    )
    .output(
      object({
        total: count,
        rows: z.array(
          object({
            id: z.string(),
            email: z.string(),
            state: invitationState,
            role: z.string().meta({ description: "The role's name." }),
            group: z.string().nullable().meta({ description: "The group's name; null when it was deleted." }),
            teamCount: count,
            invitedBy: object({ name: z.string(), email: z.string() }),
            createdAt: timestamp,
            expiresAt: timestamp,
            lastSentAt: timestamp,
            sendCount: count,
            acceptedAt: timestamp.nullable(),
            revokedAt: timestamp.nullable(),
            revokedBy: z.string().nullable(),
            can: object({ resend: z.boolean(), revoke: z.boolean() }),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listInvitations(ctx.db, ctx.actor, input)),
  /** Invites several addresses at once, each with its own result. */
  invite: orgProcedure("members.create")
    .meta(
      rest(
        "POST",
        "/invitations",
        "Invite people by email",
        "Each address is invited on its own and answered with its outcome: invited, or skipped with the reason (already a member, already invited, a domain the group's policy refuses, or not a valid address). One address skipped does not stop the others.",
      ),
    )
    .input(
      z.object({
        // Checked one by one by the service: a mistyped address is answered as skipped, and the
        // others are still invited.
        emails: z
          .array(z.string().max(320, "An email address can be at most 320 characters."))
          .min(1, "Enter at least one email address.")
          .max(100, "Invite at most 100 addresses at a time."),
        roleId: id("Role"),
        groupId: id("Group"),
        teamIds: z.array(id("Team")).max(20, "Choose at most 20 teams.").optional(),
      }),
    )
    .output(
      z.array(
        object({
          email: z.string(),
          outcome: z.enum(["invited", "skipped"]),
          reason: z.string(),
          invitationId: z.string().nullable().meta({ description: "The invitation made, or the pending one that made this address skipped." }),
        }),
      ),
    )
    .mutation(({ ctx, input }) => inviteMembers(ctx.db, ctx.actor, input)),
  resend: orgProcedure("members.create")
    .meta(
      rest(
        "POST",
        "/invitations/{invitationId}/resend",
        "Send an invitation again",
        "With a new link (the old one stops working) and a new expiry; works on expired invitations too.",
      ),
    )
    .input(z.object({ invitationId: id("Invitation") }))
    .output(object({ id: z.string(), email: z.string(), expiresAt: timestamp }))
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.actor, input.invitationId)),
  revoke: orgProcedure("members.create")
    .meta(rest("DELETE", "/invitations/{invitationId}", "Revoke a pending invitation", "Its link stops working."))
    .input(z.object({ invitationId: id("Invitation") }))
    .output(object({ id: z.string(), email: z.string() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId)),
  /** The invitee's page: what the link offers, or why it is closed. */
  preview: optionalViewerProcedure
    .input(z.object(link))
    .query(({ ctx, input }) =>
      previewInvitation(ctx.db, { organizationSlug: input.organization, token: input.token, viewerUserId: ctx.viewer?.userId ?? null }),
    ),
  accept: optionalViewerProcedure.input(z.object({ ...link, name: personName.optional(), password: passwordSchema.optional() })).mutation(({ ctx, input }) =>
    acceptInvitation(ctx.db, {
      organizationSlug: input.organization,
      token: input.token,
      viewerUserId: ctx.viewer?.userId ?? null,
      name: input.name,
      password: input.password,
    }),
  ),
});
