import { Forbidden } from "@/components/forbidden";
import { ForbiddenWithoutReason } from "@/components/forbidden-without-reason";
import { pageRefusal } from "@/server/trpc/page-refusal";

/** The console's 403 on loading a page that refusePage refused, inside the console's frame:
 * the API's reason and the way back. */
export default async function OrganizationForbidden() {
  const refusal = await pageRefusal();
  if (!refusal) return <ForbiddenWithoutReason />;
  return <Forbidden slug={refusal.slug} reason={refusal.reason} />;
}
