// How a console page refuses its viewer (the API refused its read): HTTP 403, and the
// console's 403 page inside the shell, with the API's reason and the way back.
import "server-only";
import { forbidden } from "next/navigation";
import { consoleLayoutRenders, keepPageRefusal } from "@/server/trpc/page-refusal";
import { Forbidden } from "./forbidden";

/**
 * Loading the page: forbidden() (experimental.authInterrupts), the only way a server
 * component answers 403; Next then shows app/o/[slug]/forbidden.tsx, which shows the reason
 * kept here. A client-side navigation inside the organization keeps the layout, and with it
 * the forbidden page rendered for the page first loaded, with that page's reason or none: so
 * there the page shows the 403 page itself (nobody sees the status of that fetch).
 */
export function refusePage(slug: string, reason: string) {
  if (!consoleLayoutRenders()) return <Forbidden slug={slug} reason={reason} />;
  keepPageRefusal({ slug, reason });
  forbidden();
}
