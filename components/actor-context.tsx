"use client";
// What the signed-in member's role holds, so that pages show only the actions the server
// would allow. The server still decides every request.
import { createContext, useContext } from "react";
import type { Permission } from "@/server/authz/permissions";

const PermissionsContext = createContext<readonly string[]>([]);
export const PermissionsProvider = PermissionsContext.Provider;

export function useCan(permission: Permission): boolean {
  return useContext(PermissionsContext).includes(permission);
}
