import Link from "next/link";
import { ACCOUNT_LINKS } from "./account-links";
import { SignOutButton } from "./sign-out-button";

/** The pages of one's own account and signing out, as small buttons: under the console's
 * sidebar and on the cards shown outside it. */
export function AccountLinkButtons() {
  return (
    <div className="flex flex-wrap gap-2">
      {ACCOUNT_LINKS.map((l) => (
        <Link key={l.href} href={l.href} className="rounded-md px-2 py-1.5 text-xs font-medium text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50">
          {l.label}
        </Link>
      ))}
      <SignOutButton className="!px-2 !py-1.5 !text-xs" />
    </div>
  );
}
