// Generated from /api/v1/openapi.json by `npm run api:types`. Do not edit.
export interface paths {
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the groups you reach
         * @description In tree order: parents before children, siblings by name.
         */
        get: operations["groups-list"];
        put?: never;
        /** Create a group under a parent group */
        post: operations["groups-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an empty group
         * @description A group with subgroups or members is not deleted.
         */
        delete: operations["groups-delete"];
        options?: never;
        head?: never;
        /** Rename a group */
        patch: operations["groups-rename"];
        trace?: never;
    };
    "/groups/{groupId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a group under another parent
         * @description Its subgroups and members move with it.
         */
        post: operations["groups-move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a group's policy
         * @description Its own settings, what it inherits, and the effective result with each value's source.
         */
        get: operations["groups-policy"];
        /**
         * Replace a group's policy
         * @description Every setting is given; null inherits. A subgroup may tighten what it inherits, never loosen it. Answers the policy as it now stands.
         */
        put: operations["groups-setPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the members you see
         * @description Sorted and paged. Page through with `cursor` (an answer's `nextCursor` or `prevCursor`): every page then costs what the first does. `page` jumps to a page by number, which costs the rows it skips; `last` gives the last page. `total` counts every match (a search counts up to 10,000: past that, `totalExact` is false). Members you see but may not manage have `can` false for each change.
         */
        get: operations["members-list"];
        put?: never;
        /**
         * Add a member with a one-time password
         * @description The password is answered once; the member changes it at their first sign-in.
         */
        post: operations["members-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a member's role */
        put: operations["members-changeRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one member
         * @description With what you may do to them, their effective policy (if you may see policies), their resource scope and their recent history.
         */
        get: operations["members-get"];
        put?: never;
        post?: never;
        /**
         * Delete a member
         * @description A member who owns resources is deleted only with `transferResourcesTo`, the member who receives them.
         */
        delete: operations["members-delete"];
        options?: never;
        head?: never;
        /**
         * Change a member's name, email, username or company
         * @description Fields left out keep their value; a null username removes it.
         */
        patch: operations["members-edit"];
        trace?: never;
    };
    "/members/{membershipId}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a member stands
         * @description Their home group's chain from the root, their teams, the permissions their role gives, and the organization-wide access that reaches them with how it does.
         */
        get: operations["members-access"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the organization to another member
         * @description Only the owner may, and only to an active holder of the top role.
         */
        post: operations["members-transferOwnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/resource-scope": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Limit a member to chosen servers and storages
         * @description An empty list lifts the limit.
         */
        put: operations["members-setResourceScope"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Disable or enable a member
         * @description Disabling ends their sessions and API tokens.
         */
        put: operations["members-setStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a member's password
         * @description Answers a one-time password, once, and ends their sessions.
         */
        post: operations["members-resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/bulk/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable or enable several members
         * @description Each member is decided on its own; the answer says, per member, what happened or why not.
         */
        post: operations["members-bulkSetStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/bulk/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the role of several members
         * @description Each member is decided on its own; the answer says, per member, what happened or why not.
         */
        post: operations["members-bulkChangeRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/bulk/group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move several members to another home group
         * @description Each member is decided on its own; the answer says, per member, what happened or why not.
         */
        post: operations["members-bulkChangeGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/end-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a member out everywhere
         * @description Ends their sessions and API tokens.
         */
        post: operations["members-endSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a member's sessions
         * @description The browsers where they are signed in now (their account's sessions, whichever organization they use), newest activity first.
         */
        get: operations["members-sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of a member's sessions
         * @description That browser is signed out at its next request.
         */
        delete: operations["members-endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock a member's sign-in
         * @description Forgets their failed sign-ins, so the sign-in limit no longer holds them back. Their password and sessions stay as they are.
         */
        post: operations["members-unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/disable-two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn off a member's two-factor sign-in
         * @description For a member who lost their device; ends their sessions and emails them.
         */
        post: operations["members-disableTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{fromMembershipId}/migrate-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move everything a member owns to another member */
        post: operations["members-migrateData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{membershipId}/group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move a member to another home group */
        put: operations["members-changeGroup"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the roles
         * @description Highest rank first, built-in and custom, with whether you may give each to members.
         */
        get: operations["roles-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the invitations you manage
         * @description Newest first; `total` counts every match.
         */
        get: operations["invitations-list"];
        put?: never;
        /**
         * Invite people by email
         * @description Each address is invited on its own and answered with its outcome: invited, or skipped with the reason (already a member, already invited, a domain the group's policy refuses, or not a valid address). One address skipped does not stop the others.
         */
        post: operations["invitations-invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an invitation again
         * @description With a new link (the old one stops working) and a new expiry; works on expired invitations too.
         */
        post: operations["invitations-resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a pending invitation
         * @description Its link stops working.
         */
        delete: operations["invitations-revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the teams
         * @description Every team of the organization; members are listed, and counted, only within your span.
         */
        get: operations["teams-list"];
        put?: never;
        /**
         * Create a team
         * @description Without `groupId`, the team belongs to the whole organization.
         */
        post: operations["teams-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Rename a team or move it to another group
         * @description Without `groupId` the team stays where it is; null makes it organization-wide. A team moves only where every member fits.
         */
        put: operations["teams-update"];
        post?: never;
        /**
         * Delete a team
         * @description Its grants and organization-wide access go with it.
         */
        delete: operations["teams-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{teamId}/members/{membershipId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a member to a team
         * @description The member gains what the team is granted, so you must be able to grant it.
         */
        put: operations["teams-addMember"];
        post?: never;
        /** Remove a member from a team */
        delete: operations["teams-removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the resources the member sees
         * @description Sorted (by name, or by when they last changed) and paged. Page through with `cursor` (an answer's `nextCursor` or `prevCursor`): every page then costs what the first does. `page` jumps to a page by number, which costs the rows it skips; `last` gives the last page. `total` counts every match, up to 10,000 for those who see more (then `totalExact` is false).
         */
        get: operations["resources-list"];
        put?: never;
        /**
         * Create a resource
         * @description You become its owner, with Administrator.
         */
        post: operations["resources-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a resource and your access to it
         * @description With asMembershipId, the access of that member instead (a preview for admins over members in their span).
         */
        get: operations["resources-get"];
        /**
         * Change a resource's name, description and privacy
         * @description Needs Edit; making it private or public needs Share as well.
         */
        put: operations["resources-update"];
        post?: never;
        /**
         * Delete a resource
         * @description Needs Administer; its grants and activity go with it.
         */
        delete: operations["resources-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/creatable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the resource types you may create */
        get: operations["resources-creatable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a run or a restore
         * @description Run a job or task (needs Run), or restore from a storage (needs Data). The run stays RUNNING until its outcome is reported (POST /runs/{activityId}/outcome).
         */
        post: operations["resources-act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{activityId}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report how a run or restore ended
         * @description Needs what starting it needs. A run ends once: a second report is refused with 409.
         */
        post: operations["resources-finishRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a resource to another member
         * @description Needs Administer on it, or Access members' data over its owner; the new owner must be an active member.
         */
        post: operations["resources-transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the activity of the resources you see
         * @description Runs, restores and access changes, newest first; of one resource with resourceId.
         */
        get: operations["resources-activity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report runs and restores per resource
         * @description Of the resources you see, those with runs or restores in the last `days` days, with how they ended.
         */
        get: operations["resources-report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/restores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report restores per member
         * @description Needs Manage restores. Per member in your span who owns resources you see: what can be restored and the last restore.
         */
        get: operations["resources-restoreReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List who has access to a resource
         * @description Needs Share on it.
         */
        get: operations["resources-access"];
        /**
         * Grant a member, team or group access to a resource
         * @description Sets the principal's capabilities, replacing its grant if it has one. Needs Share, and only capabilities you hold there. An email address is notified of events only (no capabilities).
         */
        put: operations["resources-grant"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a grant from a resource
         * @description Needs Share, and every capability the grant gives.
         */
        delete: operations["resources-revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/principals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find members, teams and groups to share a resource with
         * @description Needs Share on it, or the right to transfer it. At most 8 members, 5 teams and 5 groups match `search`.
         */
        get: operations["resources-principals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explain a member's access to a resource
         * @description What the member may do there and every role, grant, team or group path that gives or removes it. For yourself, or with Share on the resource.
         */
        get: operations["resources-explain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organization-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organization-wide access
         * @description Who has access to every resource of a type (or of every type), and what you may give per scope.
         */
        get: operations["organizationAccess-list"];
        /**
         * Give or change a principal's organization-wide access
         * @description One entry per principal and scope: this replaces the capabilities of an existing one. You give only what you hold there.
         */
        put: operations["organizationAccess-set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organization-access/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove organization-wide access */
        delete: operations["organizationAccess-revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log
         * @description Newest first, each event in words. Pass `nextCursor` back as `cursor` for the next page; it is null on the last one.
         */
        get: operations["audit-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export one page of members, groups, teams, resources or grants
         * @description Needs Bulk export. At most 1,000 rows a page, in the download's columns; send the previous page's `nextCursor` as `cursor` until it is null. The first page (no cursor) records the export in the audit log, with `format`: the format you will store it in (csv unless given).
         */
        get: operations["export-page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count what an export would hold
         * @description Needs Bulk export. How many rows of each kind you would export now.
         */
        get: operations["export-counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the groups you may run reports on
         * @description Needs Run reports. In tree order, each with its path of names.
         */
        get: operations["reports-groups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report on a group's subtree
         * @description Needs Run reports over the group. The members you see there by role and status, two-factor enrollment, last sign-in and open invitations.
         */
        get: operations["reports-summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/groups/{groupId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the members behind a report's figure
         * @description The active members of the subtree who are dormant, never signed in, or not enrolled in a two-factor sign-in their policy requires. Pages follow one another: send the previous page's `nextCursor` as `cursor` until it is null.
         */
        get: operations["reports-members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/groups/{groupId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the pending or expired invitations of a report
         * @description Pages follow one another: send the previous page's `nextCursor` as `cursor` until it is null.
         */
        get: operations["reports-invitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the token acts as
         * @description The token's member now, their organization, the permissions the token carries, and the token's own limits.
         */
        get: operations["tokens-current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * The input is not valid; `issues` names each field's problem. error (400)
         * @description The error information
         * @example {
         *       "code": "BAD_REQUEST",
         *       "message": "The input is not valid; `issues` names each field's problem.",
         *       "issues": []
         *     }
         */
        "error.BAD_REQUEST": {
            /**
             * @description The error message
             * @example The input is not valid; `issues` names each field's problem.
             */
            message: string;
            /**
             * @description The error code
             * @example BAD_REQUEST
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
        /**
         * No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. error (401)
         * @description The error information
         * @example {
         *       "code": "UNAUTHORIZED",
         *       "message": "No API token, or one that is unknown, expired, revoked or ended with its member's sign-in.",
         *       "issues": []
         *     }
         */
        "error.UNAUTHORIZED": {
            /**
             * @description The error message
             * @example No API token, or one that is unknown, expired, revoked or ended with its member's sign-in.
             */
            message: string;
            /**
             * @description The error code
             * @example UNAUTHORIZED
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
        /**
         * The token's member (or the token's own limits) does not allow this; `message` says why. error (403)
         * @description The error information
         * @example {
         *       "code": "FORBIDDEN",
         *       "message": "The token's member (or the token's own limits) does not allow this; `message` says why.",
         *       "issues": []
         *     }
         */
        "error.FORBIDDEN": {
            /**
             * @description The error message
             * @example The token's member (or the token's own limits) does not allow this; `message` says why.
             */
            message: string;
            /**
             * @description The error code
             * @example FORBIDDEN
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
        /**
         * Not found, or not visible to the token's member. error (404)
         * @description The error information
         * @example {
         *       "code": "NOT_FOUND",
         *       "message": "Not found, or not visible to the token's member.",
         *       "issues": []
         *     }
         */
        "error.NOT_FOUND": {
            /**
             * @description The error message
             * @example Not found, or not visible to the token's member.
             */
            message: string;
            /**
             * @description The error code
             * @example NOT_FOUND
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
        /**
         * Too many requests for this token; wait the seconds of Retry-After. error (429)
         * @description The error information
         * @example {
         *       "code": "TOO_MANY_REQUESTS",
         *       "message": "Too many requests for this token; wait the seconds of Retry-After.",
         *       "issues": []
         *     }
         */
        "error.TOO_MANY_REQUESTS": {
            /**
             * @description The error message
             * @example Too many requests for this token; wait the seconds of Retry-After.
             */
            message: string;
            /**
             * @description The error code
             * @example TOO_MANY_REQUESTS
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
        /**
         * The database cannot answer right now; retry after the seconds of Retry-After. error (503)
         * @description The error information
         * @example {
         *       "code": "SERVICE_UNAVAILABLE",
         *       "message": "The database cannot answer right now; retry after the seconds of Retry-After.",
         *       "issues": []
         *     }
         */
        "error.SERVICE_UNAVAILABLE": {
            /**
             * @description The error message
             * @example The database cannot answer right now; retry after the seconds of Retry-After.
             */
            message: string;
            /**
             * @description The error code
             * @example SERVICE_UNAVAILABLE
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
        /**
         * It conflicts with the current state, or someone changed it at the same moment. error (409)
         * @description The error information
         * @example {
         *       "code": "CONFLICT",
         *       "message": "It conflicts with the current state, or someone changed it at the same moment.",
         *       "issues": []
         *     }
         */
        "error.CONFLICT": {
            /**
             * @description The error message
             * @example It conflicts with the current state, or someone changed it at the same moment.
             */
            message: string;
            /**
             * @description The error code
             * @example CONFLICT
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
        /**
         * What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. error (412)
         * @description The error information
         * @example {
         *       "code": "PRECONDITION_FAILED",
         *       "message": "What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what.",
         *       "issues": []
         *     }
         */
        "error.PRECONDITION_FAILED": {
            /**
             * @description The error message
             * @example What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what.
             */
            message: string;
            /**
             * @description The error code
             * @example PRECONDITION_FAILED
             */
            code: string;
            /**
             * @description An array of issues that were responsible for the error
             * @example []
             */
            issues?: {
                /** @description The input field it is about: a path or query parameter, or a top-level field of the body. */
                field: string;
                /** @description What is wrong with it, in words. */
                message: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "groups-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        id: string;
                        name: string;
                        parentId: string | null;
                        depth: number;
                        /** @description The ids from the root group down to this one, as /id/…/id/. */
                        path: string;
                        memberCount: number;
                        subgroupCount: number;
                        can: {
                            create: boolean;
                            rename: boolean;
                            move: boolean;
                            delete: boolean;
                            viewPolicy: boolean;
                            managePolicy: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                        hasPolicy: boolean;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "groups-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: cuid */
                    parentId: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        parentId: string | null;
                        /** @description The ids from the root group down to this one, as /id/…/id/. */
                        path: string;
                        depth: number;
                        /** Format: date-time */
                        createdAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "groups-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "groups-rename": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        parentId: string | null;
                        /** @description The ids from the root group down to this one, as /id/…/id/. */
                        path: string;
                        depth: number;
                        /** Format: date-time */
                        createdAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "groups-move": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: cuid */
                    newParentId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        parentId: string | null;
                        /** @description The ids from the root group down to this one, as /id/…/id/. */
                        path: string;
                        depth: number;
                        /** Format: date-time */
                        createdAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "groups-policy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        group: {
                            id: string;
                            name: string;
                            isRoot: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                        own: {
                            twoFactor: ("OFF" | "ADMINS" | "EVERYONE") | null;
                            minPasswordLength: number | null;
                            sessionLifetimeHours: number | null;
                            invitationTtlDays: number | null;
                            allowedEmailDomains: string[] | null;
                            /** @description Days an API token may live at most; 0: no limit; null inherits. */
                            tokenLifetimeDays: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description What the parent group's chain sets; null at the root. */
                        inherited: ({
                            values: {
                                /** @enum {string} */
                                twoFactor: "OFF" | "ADMINS" | "EVERYONE";
                                minPasswordLength: number;
                                sessionLifetimeHours: number | null;
                                invitationTtlDays: number;
                                allowedEmailDomains: string[] | null;
                                /** @description Days an API token may live at most; 0: no limit. */
                                tokenLifetimeDays: number;
                            } & {
                                [key: string]: unknown;
                            };
                            sources: {
                                twoFactor: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                minPasswordLength: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                sessionLifetimeHours: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                invitationTtlDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                allowedEmailDomains: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                tokenLifetimeDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        effective: {
                            values: {
                                /** @enum {string} */
                                twoFactor: "OFF" | "ADMINS" | "EVERYONE";
                                minPasswordLength: number;
                                sessionLifetimeHours: number | null;
                                invitationTtlDays: number;
                                allowedEmailDomains: string[] | null;
                                /** @description Days an API token may live at most; 0: no limit. */
                                tokenLifetimeDays: number;
                            } & {
                                [key: string]: unknown;
                            };
                            sources: {
                                twoFactor: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                minPasswordLength: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                sessionLifetimeHours: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                invitationTtlDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                allowedEmailDomains: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                tokenLifetimeDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        canManage: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "groups-setPolicy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    settings: {
                        twoFactor: ("OFF" | "ADMINS" | "EVERYONE") | null;
                        minPasswordLength: number | null;
                        sessionLifetimeHours: number | null;
                        invitationTtlDays: number | null;
                        allowedEmailDomains: string[] | null;
                        /** @default null */
                        tokenLifetimeDays?: number | null;
                    };
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        group: {
                            id: string;
                            name: string;
                            isRoot: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                        own: {
                            twoFactor: ("OFF" | "ADMINS" | "EVERYONE") | null;
                            minPasswordLength: number | null;
                            sessionLifetimeHours: number | null;
                            invitationTtlDays: number | null;
                            allowedEmailDomains: string[] | null;
                            /** @description Days an API token may live at most; 0: no limit; null inherits. */
                            tokenLifetimeDays: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description What the parent group's chain sets; null at the root. */
                        inherited: ({
                            values: {
                                /** @enum {string} */
                                twoFactor: "OFF" | "ADMINS" | "EVERYONE";
                                minPasswordLength: number;
                                sessionLifetimeHours: number | null;
                                invitationTtlDays: number;
                                allowedEmailDomains: string[] | null;
                                /** @description Days an API token may live at most; 0: no limit. */
                                tokenLifetimeDays: number;
                            } & {
                                [key: string]: unknown;
                            };
                            sources: {
                                twoFactor: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                minPasswordLength: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                sessionLifetimeHours: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                invitationTtlDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                allowedEmailDomains: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                tokenLifetimeDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        effective: {
                            values: {
                                /** @enum {string} */
                                twoFactor: "OFF" | "ADMINS" | "EVERYONE";
                                minPasswordLength: number;
                                sessionLifetimeHours: number | null;
                                invitationTtlDays: number;
                                allowedEmailDomains: string[] | null;
                                /** @description Days an API token may live at most; 0: no limit. */
                                tokenLifetimeDays: number;
                            } & {
                                [key: string]: unknown;
                            };
                            sources: {
                                twoFactor: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                minPasswordLength: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                sessionLifetimeHours: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                invitationTtlDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                allowedEmailDomains: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                tokenLifetimeDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        canManage: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-list": {
        parameters: {
            query?: {
                page?: number;
                cursor?: string;
                last?: boolean;
                sort?: "name" | "email" | "role" | "group" | "status" | "createdAt";
                direction?: "asc" | "desc";
                pageSize?: number;
                search?: string;
                groupId?: string;
                roleId?: string;
                status?: "INVITED" | "ACTIVE" | "DISABLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        /** @description False when a search matched more than 10,000: `total` then says only "more than 10,000". */
                        totalExact: boolean;
                        /** @description The page number asked for; null for a page read by cursor or the last page. */
                        page: number | null;
                        pageSize: number;
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Pass as `cursor` for the previous page; null on the first page. */
                        prevCursor: string | null;
                        /** @description Whether your role changes members at all. */
                        manages: boolean;
                        rows: ({
                            id: string;
                            name: string;
                            email: string;
                            username: string | null;
                            company: string;
                            /** @enum {string} */
                            status: "INVITED" | "ACTIVE" | "DISABLED";
                            isOwner: boolean;
                            isSelf: boolean;
                            role: {
                                id: string;
                                name: string;
                                rank: number;
                            } & {
                                [key: string]: unknown;
                            };
                            group: {
                                id: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            lastSignInAt: string | null;
                            can: {
                                changeRole: boolean;
                                changeGroup: boolean;
                                setStatus: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description Until when the sign-in limit refuses them; null: it does not. */
                            lockedUntil: string | null;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    username?: string;
                    company?: string;
                    /** Format: cuid */
                    groupId: string;
                    /** Format: cuid */
                    roleId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        membershipId: string;
                        email: string;
                        /** @description Shown this once; the member must change it at their next sign-in. */
                        oneTimePassword: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-changeRole": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: cuid */
                    roleId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        roleId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        email: string;
                        username: string | null;
                        company: string;
                        /** @enum {string} */
                        status: "INVITED" | "ACTIVE" | "DISABLED";
                        isOwner: boolean;
                        isSelf: boolean;
                        role: {
                            id: string;
                            name: string;
                            rank: number;
                        } & {
                            [key: string]: unknown;
                        };
                        group: {
                            id: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        lastSignInAt: string | null;
                        can: {
                            edit: boolean;
                            changeRole: boolean;
                            changeGroup: boolean;
                            setStatus: boolean;
                            resetCredentials: boolean;
                            delete: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                        hasTwoFactor: boolean;
                        signIn: {
                            /** @description Failed sign-ins in the limit's current 15-minute window. */
                            failedAttempts: number;
                            /** @description Until when the sign-in limit refuses them; null: it does not. */
                            lockedUntil: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Null unless you may see policies. */
                        policy: ({
                            values: {
                                /** @enum {string} */
                                twoFactor: "OFF" | "ADMINS" | "EVERYONE";
                                minPasswordLength: number;
                                sessionLifetimeHours: number | null;
                                invitationTtlDays: number;
                                allowedEmailDomains: string[] | null;
                                /** @description Days an API token may live at most; 0: no limit. */
                                tokenLifetimeDays: number;
                            } & {
                                [key: string]: unknown;
                            };
                            sources: {
                                twoFactor: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                minPasswordLength: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                sessionLifetimeHours: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                invitationTtlDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                allowedEmailDomains: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                tokenLifetimeDays: ({
                                    groupId: string;
                                    groupName: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                            } & {
                                [key: string]: unknown;
                            };
                            twoFactorRequired: boolean;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        /** @description Empty: no limit. */
                        resourceScope: ({
                            id: string;
                            name: string;
                            /** @description One of server, storage, job, task, monitor, endpoint. */
                            type: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        canViewAs: boolean;
                        ownedResources: number;
                        canMigrateData: boolean;
                        canTransferOwnership: boolean;
                        /** @description Why you see this member but may not manage them, or null. */
                        readOnly: string | null;
                        history: ({
                            id: string;
                            action: string;
                            /** Format: date-time */
                            at: string;
                            actor: string;
                            label: string;
                            sentence: string;
                            detail: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-delete": {
        parameters: {
            query?: {
                transferResourcesTo?: string;
            };
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-edit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email: string;
                    username?: string | null;
                    company?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-access": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description From the root down to their home group. */
                        groups: ({
                            id: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        teams: ({
                            id: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        role: {
                            name: string;
                            permissions: ({
                                key: string;
                                area: string;
                                label: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        };
                        organizationWide: ({
                            grantId: string;
                            /** @description The resource type it covers, or "*" for every type. */
                            scope: string;
                            capabilities: string[];
                            mayCreate: boolean;
                            via: {
                                /** @enum {string} */
                                kind: "member" | "team" | "group";
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description How it reaches them, in words. */
                            source: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-transferOwnership": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-setResourceScope": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    resourceIds: string[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        membershipId: string;
                        scope: ({
                            id: string;
                            name: string;
                            /** @description One of server, storage, job, task, monitor, endpoint. */
                            type: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-setStatus": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "ACTIVE" | "DISABLED";
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "ACTIVE" | "DISABLED";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-resetPassword": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @description Shown this once; the member must change it at their next sign-in. */
                        oneTimePassword: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-bulkSetStatus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    membershipIds?: string[];
                    /** @description Every member the list shows under these filters, at most 1,000: instead of membershipIds. */
                    matching?: {
                        search?: string;
                        /** Format: cuid */
                        groupId?: string;
                        /** Format: cuid */
                        roleId?: string;
                        /** @enum {string} */
                        status?: "INVITED" | "ACTIVE" | "DISABLED";
                    };
                    /** @enum {string} */
                    status: "ACTIVE" | "DISABLED";
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        membershipId: string;
                        /** @description Their name; null for a member you do not see. */
                        name: string | null;
                        ok: boolean;
                        /** @description What happened, or why not. */
                        message: string;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-bulkChangeRole": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    membershipIds?: string[];
                    /** @description Every member the list shows under these filters, at most 1,000: instead of membershipIds. */
                    matching?: {
                        search?: string;
                        /** Format: cuid */
                        groupId?: string;
                        /** Format: cuid */
                        roleId?: string;
                        /** @enum {string} */
                        status?: "INVITED" | "ACTIVE" | "DISABLED";
                    };
                    /** Format: cuid */
                    roleId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        membershipId: string;
                        /** @description Their name; null for a member you do not see. */
                        name: string | null;
                        ok: boolean;
                        /** @description What happened, or why not. */
                        message: string;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-bulkChangeGroup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    membershipIds?: string[];
                    /** @description Every member the list shows under these filters, at most 1,000: instead of membershipIds. */
                    matching?: {
                        search?: string;
                        /** Format: cuid */
                        groupId?: string;
                        /** Format: cuid */
                        roleId?: string;
                        /** @enum {string} */
                        status?: "INVITED" | "ACTIVE" | "DISABLED";
                    };
                    /** Format: cuid */
                    groupId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        membershipId: string;
                        /** @description Their name; null for a member you do not see. */
                        name: string | null;
                        ok: boolean;
                        /** @description What happened, or why not. */
                        message: string;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-endSessions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        id: string;
                        userAgent: string;
                        ip: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        lastSeenAt: string;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-endSession": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-unlock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        wasLocked: boolean;
                        failedAttempts: number;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-disableTwoFactor": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-migrateData": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fromMembershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: cuid */
                    toMembershipId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        /** @description The name of the member who owned it. */
                        from: string;
                        /** @description The name of the member who owns it now. */
                        to: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "members-changeGroup": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: cuid */
                    groupId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        groupId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "roles-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        id: string;
                        name: string;
                        description: string;
                        /** @description Higher outranks lower. */
                        rank: number;
                        /** @enum {string} */
                        reach: "ORGANIZATION" | "SUBTREE" | "SELF";
                        builtIn: boolean;
                        permissions: string[];
                        /** @description The most that grants give its holders on a resource. */
                        ceiling: string[];
                        version: number;
                        isYours: boolean;
                        mayEdit: boolean;
                        /** @description How many members hold it; only for roles you may edit. */
                        holders: number | null;
                        mayAssign: boolean;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "invitations-list": {
        parameters: {
            query?: {
                state?: "PENDING" | "EXPIRED" | "ACCEPTED" | "REVOKED";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        rows: ({
                            id: string;
                            email: string;
                            /** @enum {string} */
                            state: "PENDING" | "EXPIRED" | "ACCEPTED" | "REVOKED";
                            /** @description The role's name. */
                            role: string;
                            /** @description The group's name; null when it was deleted. */
                            group: string | null;
                            teamCount: number;
                            invitedBy: {
                                name: string;
                                email: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            lastSentAt: string;
                            sendCount: number;
                            acceptedAt: string | null;
                            revokedAt: string | null;
                            revokedBy: string | null;
                            can: {
                                resend: boolean;
                                revoke: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "invitations-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    emails: string[];
                    /** Format: cuid */
                    roleId: string;
                    /** Format: cuid */
                    groupId: string;
                    teamIds?: string[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        email: string;
                        /** @enum {string} */
                        outcome: "invited" | "skipped";
                        reason: string;
                        /** @description The invitation made, or the pending one that made this address skipped. */
                        invitationId: string | null;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "invitations-resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** Format: date-time */
                        expiresAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "invitations-revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "teams-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        id: string;
                        name: string;
                        description: string;
                        /** @description The group whose subtree the team belongs to; null: the whole organization. */
                        group: ({
                            id: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        canManage: boolean;
                        memberCount: number;
                        grantCount: number;
                        /** @description Its organization-wide access, in words. */
                        organizationWide: string[];
                        members: ({
                            membershipId: string;
                            name: string;
                            email: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "teams-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    groupId?: string | null;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "teams-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    groupId?: string | null;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "teams-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "teams-addMember": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        teamId: string;
                        membershipId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "teams-removeMember": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        teamId: string;
                        membershipId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-list": {
        parameters: {
            query?: {
                page?: number;
                cursor?: string;
                last?: boolean;
                sort?: "name" | "updatedAt";
                direction?: "asc" | "desc";
                pageSize?: number;
                type?: "server" | "storage" | "job" | "task" | "monitor" | "endpoint";
                search?: string;
                asMembershipId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        /** @description False when you see more than 10,000 resources: `total` then says only "more than 10,000". */
                        totalExact: boolean;
                        /** @description The page number asked for; null for a page read by cursor or the last page. */
                        page: number | null;
                        pageSize: number;
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Pass as `cursor` for the previous page; null on the first page. */
                        prevCursor: string | null;
                        /** @description With asMembershipId: resources the member sees that you do not (not listed). */
                        hidden: number;
                        viewingAs: ({
                            membershipId: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        rows: ({
                            id: string;
                            /** @description One of server, storage, job, task, monitor, endpoint. */
                            type: string;
                            name: string;
                            description: string;
                            private: boolean;
                            owner: {
                                name: string;
                                isYou: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "server" | "storage" | "job" | "task" | "monitor" | "endpoint";
                    name: string;
                    /** @default  */
                    description?: string;
                    /** @default false */
                    private?: boolean;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new resource's id. */
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-get": {
        parameters: {
            query?: {
                asMembershipId?: string;
            };
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description One of server, storage, job, task, monitor, endpoint. */
                        type: string;
                        name: string;
                        description: string;
                        private: boolean;
                        owner: {
                            membershipId: string;
                            name: string;
                            email: string;
                            isYou: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        access: {
                            capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                            /** @description The capabilities in words: a preset's name (Run, Full access…) or the list. */
                            summary: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description With asMembershipId: the member whose access `access`, `actions` and `can` show. */
                        viewingAs: ({
                            membershipId: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        /** @description The actions (POST …/actions) allowed on it now. */
                        actions: ("run" | "restore")[];
                        can: {
                            edit: boolean;
                            delete: boolean;
                            share: boolean;
                            transfer: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    private: boolean;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The resource's id. */
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The deleted resource's id. */
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-creatable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        types: ("server" | "storage" | "job" | "task" | "monitor" | "endpoint")[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-act": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "run" | "restore";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The run's id, to report its outcome. */
                        activityId: string;
                        /** Format: date-time */
                        at: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-finishRun": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "SUCCEEDED" | "FAILED";
                    output?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activityId: string;
                        /** @enum {string} */
                        result: "SUCCEEDED" | "FAILED";
                        /** Format: date-time */
                        finishedAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-transfer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: cuid */
                    toMembershipId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description The new owner's name. */
                        owner: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-activity": {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                resourceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        rows: ({
                            id: string;
                            /** Format: date-time */
                            at: string;
                            /** @description run, restore, or access (a change of its grants). */
                            action: string;
                            /** @description Runs and restores: RUNNING, SUCCEEDED or FAILED; access changes: CHANGED. */
                            result: string;
                            /** @description The note given when the run started, or what an access change did. */
                            detail: string;
                            actorName: string;
                            finishedAt: string | null;
                            finishedByName: string | null;
                            /** @description What the report of the outcome said (a run's output or error). */
                            output: string;
                            resource: {
                                id: string;
                                name: string;
                                /** @description One of server, storage, job, task, monitor, endpoint. */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-report": {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                days?: number;
                sort?: "failed" | "runs" | "name" | "last";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        /** Format: date-time */
                        since: string;
                        rows: ({
                            id: string;
                            name: string;
                            /** @description One of server, storage, job, task, monitor, endpoint. */
                            type: string;
                            runs: number;
                            succeeded: number;
                            failed: number;
                            running: number;
                            /** Format: date-time */
                            lastAt: string;
                            /** @description RUNNING, SUCCEEDED or FAILED. */
                            lastResult: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-restoreReport": {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        rows: ({
                            /** @description The owner's membership id. */
                            id: string;
                            name: string;
                            email: string;
                            resources: number;
                            restorable: number;
                            /** @description The first names of the restorable resources. */
                            restorableNames: string[];
                            lastRestoreAt: string | null;
                            lastRestoreResult: string | null;
                            lastRestoreResource: string | null;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-access": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        owner: {
                            membershipId: string;
                            name: string;
                            email: string;
                        } & {
                            [key: string]: unknown;
                        };
                        yours: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                        /** @description Organization-wide access that covers this resource; changed under organization access, not here. */
                        organizationWide: ({
                            id: string;
                            /** @enum {string} */
                            kind: "MEMBER" | "TEAM" | "GROUP" | "EMAIL";
                            principal: {
                                name: string;
                                /** @description An email address, a team's size, or what a group grant reaches. */
                                detail: string;
                            } & {
                                [key: string]: unknown;
                            };
                            summary: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        grants: ({
                            id: string;
                            /** @enum {string} */
                            kind: "MEMBER" | "TEAM" | "GROUP" | "EMAIL";
                            principal: {
                                name: string;
                                /** @description An email address, a team's size, or what a group grant reaches. */
                                detail: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description The principal as PUT …/grants takes it. */
                            ref: ({
                                /** @constant */
                                kind: "MEMBER";
                                membershipId: string;
                            } & {
                                [key: string]: unknown;
                            }) | ({
                                /** @constant */
                                kind: "TEAM";
                                teamId: string;
                            } & {
                                [key: string]: unknown;
                            }) | ({
                                /** @constant */
                                kind: "GROUP";
                                groupId: string;
                            } & {
                                [key: string]: unknown;
                            }) | ({
                                /** @constant */
                                kind: "EMAIL";
                                email: string;
                            } & {
                                [key: string]: unknown;
                            });
                            capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                            summary: string;
                            /** @description Whether you hold every capability of this grant, as changing or removing it needs. */
                            canChange: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-grant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    principal: {
                        /** @constant */
                        kind: "MEMBER";
                        /** Format: cuid */
                        membershipId: string;
                    } | {
                        /** @constant */
                        kind: "TEAM";
                        /** Format: cuid */
                        teamId: string;
                    } | {
                        /** @constant */
                        kind: "GROUP";
                        /** Format: cuid */
                        groupId: string;
                    } | {
                        /** @constant */
                        kind: "EMAIL";
                        /** Format: email */
                        email: string;
                    };
                    capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The grant's id. */
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The removed grant's id. */
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-principals": {
        parameters: {
            query?: {
                search?: string;
            };
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: ({
                            membershipId: string;
                            name: string;
                            email: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        teams: ({
                            teamId: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        groups: ({
                            groupId: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        /** @description What you may search, and why; anyone is found by their full email address. */
                        directory: {
                            /** @enum {string} */
                            members: "span" | "address";
                            /** @enum {string} */
                            teams: "organization" | "own";
                            /** @enum {string} */
                            groups: "reach" | "own";
                            reason: string;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "resources-explain": {
        parameters: {
            query: {
                membershipId: string;
            };
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        member: {
                            membershipId: string;
                            name: string;
                            role: string;
                        } & {
                            [key: string]: unknown;
                        };
                        visible: boolean;
                        capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                        summary: string;
                        paths: ({
                            /** @enum {string} */
                            kind: "owner" | "custodian" | "restorer" | "role" | "grant";
                            description: string;
                            capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                            summary: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        /** @description Why the member sees nothing although something reaches them, or empty. */
                        removed: string;
                        scope: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "organizationAccess-list": {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        rows: ({
                            id: string;
                            /** @description A resource type (server, storage, job, task, monitor, endpoint), or * for every type. */
                            scope: string;
                            scopeLabel: string;
                            /** @description MEMBER, TEAM or GROUP, as in `ref`. */
                            kind: string;
                            principal: {
                                name: string;
                                detail: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description The principal as `set` takes it. */
                            ref: ({
                                /** @constant */
                                kind: "MEMBER";
                                membershipId: string;
                            } & {
                                [key: string]: unknown;
                            }) | ({
                                /** @constant */
                                kind: "TEAM";
                                teamId: string;
                            } & {
                                [key: string]: unknown;
                            }) | ({
                                /** @constant */
                                kind: "GROUP";
                                groupId: string;
                            } & {
                                [key: string]: unknown;
                            });
                            capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                            mayCreate: boolean;
                            summary: string;
                            canChange: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                        /** @description Per scope, what you may give there. */
                        yours: {
                            [key: string]: {
                                capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                                mayCreate: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "organizationAccess-set": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    principal: {
                        /** @constant */
                        kind: "MEMBER";
                        /** Format: cuid */
                        membershipId: string;
                    } | {
                        /** @constant */
                        kind: "TEAM";
                        /** Format: cuid */
                        teamId: string;
                    } | {
                        /** @constant */
                        kind: "GROUP";
                        /** Format: cuid */
                        groupId: string;
                    };
                    /** @enum {string} */
                    scope: "*" | "server" | "storage" | "job" | "task" | "monitor" | "endpoint";
                    capabilities: ("view" | "run" | "edit" | "data" | "share" | "admin")[];
                    /** @default false */
                    mayCreate?: boolean;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "organizationAccess-revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description It conflicts with the current state, or someone changed it at the same moment. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.CONFLICT"];
                };
            };
            /** @description What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.PRECONDITION_FAILED"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "audit-list": {
        parameters: {
            query?: {
                actorUserId?: string;
                action?: string;
                targetId?: string;
                from?: string | "";
                to?: string | "";
                search?: string;
                cursor?: string;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: ({
                            id: string;
                            /** Format: date-time */
                            at: string;
                            actor: {
                                /** @description Null for Steward's own events. */
                                userId: string | null;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            action: string;
                            label: string;
                            targetType: string;
                            targetId: string;
                            sentence: string;
                            changes: ({
                                field: string;
                                before: string | null;
                                after: string | null;
                            } & {
                                [key: string]: unknown;
                            })[];
                            detail: string;
                            ip: string | null;
                        } & {
                            [key: string]: unknown;
                        })[];
                        nextCursor: string | null;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "export-page": {
        parameters: {
            query?: {
                cursor?: string | null;
                format?: "csv" | "json";
            };
            header?: never;
            path: {
                kind: "members" | "groups" | "teams" | "resources" | "grants";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "members" | "groups" | "teams" | "resources" | "grants";
                        rows: {
                            [key: string]: string | number | boolean;
                        }[];
                        /** @description The `cursor` of the next page, or null after the last. */
                        nextCursor: string | null;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "export-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: number;
                        groups: number;
                        teams: number;
                        resources: number;
                        grants: number;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "reports-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": ({
                        id: string;
                        name: string;
                        /** @description The group's path of names from the top of your reach. */
                        label: string;
                        level: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "reports-summary": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        group: {
                            id: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        at: string;
                        /** @description No sign-in for this many days makes an account dormant. */
                        dormantDays: number;
                        byRole: ({
                            roleId: string;
                            role: string;
                            rank: number;
                            invited: number;
                            active: number;
                            disabled: number;
                            total: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        totals: {
                            invited: number;
                            active: number;
                            disabled: number;
                            total: number;
                        } & {
                            [key: string]: unknown;
                        };
                        twoFactor: {
                            coveredEnrolled: number;
                            coveredNotEnrolled: number;
                            notCovered: number;
                        } & {
                            [key: string]: unknown;
                        };
                        signIn: {
                            within7: number;
                            within30: number;
                            within90: number;
                            dormant: number;
                            never: number;
                        } & {
                            [key: string]: unknown;
                        };
                        invitations: {
                            pending: number;
                            expired: number;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "reports-members": {
        parameters: {
            query: {
                list: "dormant" | "neverSignedIn" | "notEnrolled";
                cursor?: string | null;
                pageSize?: number;
            };
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: ({
                            /** @description The membership id. */
                            id: string;
                            name: string;
                            email: string;
                            role: string;
                            group: string;
                            status: string;
                            /** Format: date-time */
                            createdAt: string;
                            lastSignInAt: string | null;
                            twoFactor: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                        /** @description The `cursor` of the next page, or null after the last. */
                        nextCursor: string | null;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "reports-invitations": {
        parameters: {
            query: {
                state: "PENDING" | "EXPIRED";
                cursor?: string | null;
                pageSize?: number;
            };
            header?: never;
            path: {
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: ({
                            id: string;
                            email: string;
                            role: string;
                            group: string;
                            invitedBy: string;
                            /** Format: date-time */
                            lastSentAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        /** @description The `cursor` of the next page, or null after the last. */
                        nextCursor: string | null;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "tokens-current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            slug: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        };
                        member: {
                            membershipId: string;
                            name: string;
                            email: string;
                            isOwner: boolean;
                            role: {
                                id: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            group: {
                                id: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description The role's permissions, narrowed by the token's. */
                        permissions: string[];
                        /** @description Null when the caller is a signed-in session. */
                        token: ({
                            id: string;
                            name: string;
                            prefix: string;
                            readOnly: boolean;
                            expiresAt: string | null;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The input is not valid; `issues` names each field's problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.BAD_REQUEST"];
                };
            };
            /** @description No API token, or one that is unknown, expired, revoked or ended with its member's sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.UNAUTHORIZED"];
                };
            };
            /** @description The token's member (or the token's own limits) does not allow this; `message` says why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.FORBIDDEN"];
                };
            };
            /** @description Not found, or not visible to the token's member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.NOT_FOUND"];
                };
            };
            /** @description Too many requests for this token; wait the seconds of Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description The database cannot answer right now; retry after the seconds of Retry-After. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
}
