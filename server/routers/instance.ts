import { z } from "zod";
import { ORGANIZATION_CREATION, ROLE_SET_KEYS } from "../authz";
import {
  addOperator,
  createOrganizationAs,
  deleteOrganization,
  instanceEvents,
  listOperators,
  listOrganizations,
  organizationCreationFor,
  organizationCreationSetting,
  removeOperator,
  resumeOrganization,
  setOrganizationCreation,
  suggestSlug,
  suspendOrganization,
} from "../services/tenants";
import { authedProcedure, createTRPCRouter, operatorProcedure, settledProcedure } from "../trpc/init";
import { email, id, organizationName, organizationSlug, page } from "./_schemas";

const account = (ctx: { viewer: { userId: string; isOperator: boolean }; ip: string | null }) => ({
  userId: ctx.viewer.userId,
  isOperator: ctx.viewer.isOperator,
  ip: ctx.ip,
});

/** The instance: creating organizations (any account, as the instance's setting allows)
 * and the operators' console (/admin). */
export const instanceRouter = createTRPCRouter({
  /** Whether the signed-in account may create an organization, and why not. */
  creation: authedProcedure.query(({ ctx }) => organizationCreationFor(ctx.db, account(ctx))),
  suggestSlug: authedProcedure.input(z.object({ name: organizationName })).query(async ({ ctx, input }) => ({ slug: await suggestSlug(ctx.db, input.name) })),
  createOrganization: settledProcedure
    .input(
      z.object({
        name: organizationName,
        slug: organizationSlug.optional(),
        roleSet: z.enum(ROLE_SET_KEYS, { error: "There is no such role set." }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => createOrganizationAs(ctx.db, account(ctx), input)),

  settings: operatorProcedure.query(async ({ ctx }) => ({ organizationCreation: await organizationCreationSetting(ctx.db) })),
  updateSettings: operatorProcedure
    .input(z.object({ organizationCreation: z.enum(ORGANIZATION_CREATION, { error: "Choose who may create organizations: operators, members or anyone." }) }))
    .mutation(({ ctx, input }) => setOrganizationCreation(ctx.db, ctx.operator, input.organizationCreation)),
  organizations: operatorProcedure
    .input(
      z.object({
        search: z.string().trim().max(80, "Searches are at most 80 characters.").optional(),
        status: z.enum(["ACTIVE", "SUSPENDED"]).optional(),
        page,
        pageSize: z.number().int().min(1).max(100, "At most 100 organizations per page.").default(25),
      }),
    )
    .query(({ ctx, input }) => listOrganizations(ctx.db, ctx.operator, input)),
  suspend: operatorProcedure
    .input(z.object({ organizationId: id("Organization"), reason: z.string().trim().max(300, "Reasons are at most 300 characters.").default("") }))
    .mutation(({ ctx, input }) => suspendOrganization(ctx.db, ctx.operator, input)),
  resume: operatorProcedure
    .input(z.object({ organizationId: id("Organization") }))
    .mutation(({ ctx, input }) => resumeOrganization(ctx.db, ctx.operator, input)),
  deleteOrganization: operatorProcedure
    .input(z.object({ organizationId: id("Organization"), confirmName: z.string().trim().min(1, "Type the organization's name to confirm.").max(80) }))
    .mutation(({ ctx, input }) => deleteOrganization(ctx.db, ctx.operator, input, "operator")),
  operators: operatorProcedure
    .input(z.object({ page, pageSize: z.number().int().min(1).max(100, "At most 100 operators per page.").default(50) }).default({ page: 1, pageSize: 50 }))
    .query(({ ctx, input }) => listOperators(ctx.db, ctx.operator, input)),
  addOperator: operatorProcedure.input(z.object({ email })).mutation(({ ctx, input }) => addOperator(ctx.db, ctx.operator, input.email)),
  removeOperator: operatorProcedure.input(z.object({ email })).mutation(({ ctx, input }) => removeOperator(ctx.db, ctx.operator, input.email)),
  events: operatorProcedure
    .input(z.object({ page, pageSize: z.number().int().min(1).max(100, "At most 100 events per page.").default(25) }))
    .query(({ ctx, input }) => instanceEvents(ctx.db, ctx.operator, input)),
});
