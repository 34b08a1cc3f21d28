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
