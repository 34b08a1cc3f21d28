// In place of the console when the organization refuses its own members (an operator has
// suspended it): the server's reason, and the ways on: the person's other organizations,
// their account, signing out.
import Link from "next/link";
import { AccountLinkButtons } from "./account-link-buttons";
import { AuthCard } from "./auth-card";

type Org = { slug: string; name: string; role: string; suspended: boolean };

export function OrganizationRefused({
  slug,
  reason,
  organizations,
  mayCreateOrganization,
  isOperator,
}: {
  slug: string;
  reason: string;
  organizations: Org[];
  mayCreateOrganization: boolean;
  isOperator: boolean;
}) {
  const here = organizations.find((o) => o.slug === slug);
  const others = organizations.filter((o) => o.slug !== slug);
  return (
    <AuthCard title={here?.suspended ? `${here.name} is suspended` : "You can’t open this organization"} subtitle="403 · Not available">
      <p className="text-sm text-slate-900">{reason}</p>
      <div className="mt-5 border-t border-slate-100 pt-4">
        <h2 className="text-sm font-semibold text-slate-900">Your other organizations</h2>
        {others.length ? (
          <ul className="mt-2 space-y-1">
            {others.map((o) => (
              <li key={o.slug} className="flex items-baseline justify-between gap-3 text-sm">
                <Link href={`/o/${o.slug}`} className="font-medium text-indigo-600 hover:text-indigo-500">
                  {o.name}
                  {o.suspended && " (suspended)"}
                </Link>
                <span className="truncate text-xs text-slate-500">{o.role}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-500">You are not a member of any other organization.</p>
        )}
        {(mayCreateOrganization || isOperator) && (
          <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {mayCreateOrganization && (
              <Link href="/organizations/new" className="font-medium text-indigo-600 hover:text-indigo-500">
                Create an organization
              </Link>
            )}
            {isOperator && (
              <Link href="/admin" className="font-medium text-indigo-600 hover:text-indigo-500">
                Instance admin
              </Link>
            )}
          </p>
        )}
      </div>
      <div className="mt-5 border-t border-slate-100 pt-4">
        <h2 className="text-sm font-semibold text-slate-900">Your account</h2>
        <div className="mt-2">
          <AccountLinkButtons />
        </div>
      </div>
    </AuthCard>
  );
}
