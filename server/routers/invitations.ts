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
import { email, id, personName } from "./_schemas";

const link = {
  organization: z.string().trim().min(1, "The link names no organization.").max(64),
  token: z.string().trim().min(1, "The link has no token.").max(200, "That link is too long to be a Steward invitation."),
};

export const invitationsRouter = createTRPCRouter({
  list: orgProcedure("members.create")
    .input(
      z.object({
        state: z.enum(INVITATION_STATES).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200, "At most 200 invitations per page.").default(25),
      }),
    )
    .query(({ ctx, input }) => listInvitations(ctx.db, ctx.actor, input)),
  /** Invites several addresses at once, each with its own result. */
  invite: orgProcedure("members.create")
    .input(
      z.object({
        emails: z.array(email).min(1, "Enter at least one email address.").max(100, "Invite at most 100 addresses at a time."),
        roleId: id("Role"),
        groupId: id("Group"),
        teamIds: z.array(id("Team")).max(20, "Choose at most 20 teams.").optional(),
      }),
    )
    .mutation(({ ctx, input }) => inviteMembers(ctx.db, ctx.actor, input)),
  resend: orgProcedure("members.create")
    .input(z.object({ invitationId: id("Invitation") }))
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.actor, input.invitationId)),
  revoke: orgProcedure("members.create")
    .input(z.object({ invitationId: id("Invitation") }))
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
