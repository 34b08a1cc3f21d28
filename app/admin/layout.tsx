import Link from "next/link";
import type { ReactNode } from "react";
import { AdminFrame } from "@/components/admin/admin-frame";
import { AuthCard } from "@/components/auth-card";
import { SignOutButton } from "@/components/sign-out-button";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Instance admin" };

/** The operators' console: signed out, to sign in and back; anyone else, the reason why not. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const read = await readForPage({ slug: null, path: "/admin" }, async (api) => {
    const me = await api.account.me();
    await api.instance.settings(); // the operators' gate
    return me;
  });
  if (!read.allowed)
    return (
      <AuthCard title="Operators only" subtitle="403 · Not allowed">
        <p className="text-sm text-slate-900">{read.reason}</p>
        <p className="mt-2 text-sm text-slate-500">
          The instance admin manages the organizations of this Steward. If you need it, ask one of its operators to add you.
        </p>
        <div className="mt-4 flex items-center justify-between border-t border-slate-100 pt-4 text-sm">
          <Link href="/" className="font-medium text-indigo-600 hover:text-indigo-500">
            ← Your organizations
          </Link>
          <SignOutButton />
        </div>
      </AuthCard>
    );
  return <AdminFrame viewer={{ name: read.data.name, email: read.data.email }}>{children}</AdminFrame>;
}
