import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignOutButton } from "@/components/sign-out-button";
import { getDb } from "@/server/db";
import { isSetupDone } from "@/server/services/setup";
import { readForPage } from "@/server/trpc/server";

export default async function Home() {
  if (!(await isSetupDone(getDb()))) redirect("/setup");
  const read = await readForPage({ slug: null, path: "/" }, (api) => Promise.all([api.account.me(), api.instance.creation()]));
  if (!read.allowed) throw new Error(read.reason); // authedProcedure refuses only the signed-out
  const [viewer, creation] = read.data;
  if (viewer.mustChangePassword) redirect("/account/password");
  // A suspended organization would only show why it is closed: open the first that is not.
  const open = viewer.organizations.find((o) => !o.suspended);
  if (open) redirect(`/o/${open.slug}`);
  const suspended = viewer.organizations;
  return (
    <AuthCard
      title="No organization"
      subtitle={
        suspended.length
          ? `The organizations of ${viewer.email} are suspended by the operators of this Steward.`
          : `${viewer.email} is not an active member of any organization.`
      }
    >
      {suspended.length > 0 && (
        <ul className="mb-4 space-y-1 text-sm">
          {suspended.map((o) => (
            <li key={o.slug}>
              <Link href={`/o/${o.slug}`} className="font-medium text-indigo-600 hover:text-indigo-500">
                {o.name} (suspended)
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="mb-4 text-sm text-slate-600">
        {creation.allowed
          ? "Create an organization of your own, or ask an administrator of an existing one to invite you."
          : "Ask an administrator of your organization to invite you or to re-enable your membership."}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {creation.allowed && (
          <Link href="/organizations/new" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-xs hover:bg-indigo-500">
            Create an organization
          </Link>
        )}
        {viewer.isOperator && (
          <Link
            href="/admin"
            className="rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-xs ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Instance admin
          </Link>
        )}
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
