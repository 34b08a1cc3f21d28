// Generated from /api/v1/openapi.json by `npm run api:types`. Do not edit.
export interface paths {
    "/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the resources the member sees
         * @description Paged by name; `total` counts every match.
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "resources-list": {
        parameters: {
            query?: {
                page?: number;
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
}
