// The API: one router per area. This file is the table of contents.
import { accountRouter } from "../routers/account";
import { accountLinksRouter } from "../routers/account-links";
import { auditRouter } from "../routers/audit";
import { consoleRouter } from "../routers/console";
import { emailRouter } from "../routers/email";
import { exportRouter } from "../routers/export";
import { groupsRouter } from "../routers/groups";
import { importerRouter } from "../routers/importer";
import { instanceRouter } from "../routers/instance";
import { invitationsRouter } from "../routers/invitations";
import { membersRouter } from "../routers/members";
import { organizationRouter } from "../routers/organization";
import { organizationAccessRouter } from "../routers/organization-access";
import { reportsRouter } from "../routers/reports";
import { resourcesRouter } from "../routers/resources";
import { rolesRouter } from "../routers/roles";
import { setupRouter } from "../routers/setup";
import { signUpRouter } from "../routers/sign-up";
import { teamsRouter } from "../routers/teams";
import { tokensRouter } from "../routers/tokens";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  setup: setupRouter,
  signUp: signUpRouter,
  account: accountRouter,
  accountLinks: accountLinksRouter,
  organization: organizationRouter,
  instance: instanceRouter,
  console: consoleRouter,
  groups: groupsRouter,
  members: membersRouter,
  roles: rolesRouter,
  importer: importerRouter,
  invitations: invitationsRouter,
  email: emailRouter,
  teams: teamsRouter,
  resources: resourcesRouter,
  organizationAccess: organizationAccessRouter,
  audit: auditRouter,
  export: exportRouter,
  reports: reportsRouter,
  tokens: tokensRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
