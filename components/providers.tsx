"use client";
// React Query and the tRPC client, one pair per organization (org-clients.ts): requests
// carry the organization of the page's URL (/o/[slug]/...) in a header, which org-scoped
// procedures act in, and each organization's lists stay in its own cache.
import { QueryClientProvider } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { OrgClientRegistry, orgSlugOf } from "./org-clients";
import { Toasts } from "./toasts";
import { TRPCProvider } from "./trpc";

export function Providers({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new OrgClientRegistry());
  const { queryClient, trpcClient } = registry.get(orgSlugOf(usePathname()));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        <Toasts />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
