import Link from "next/link";
import { ApiTokens } from "@/components/account/api-tokens";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/tokens` }, async (api) => ({ ...(await api.console.you()), own: await api.tokens.list({}) }));
  if (!page.allowed) return refusePage(slug, page.reason);
  const { you } = page.data;
  const canCreate = you.role.permissions.includes("tokens.use");
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          canCreate ? (
            <>
              A token acts as you at each request, with your role, groups and grants as they are then, and never more. Send it as Authorization: Bearer
              &lt;token&gt;; the{" "}
              <Link href={`/o/${slug}/api`} className="font-medium text-indigo-700 underline">
                API reference
              </Link>{" "}
              lists what it can call.
            </>
          ) : (
            `Your role ${you.role.name} does not have “Use API tokens”: you can only revoke tokens you made before.`
          )
        }
      />
      <ApiTokens permissions={you.role.permissions} canCreate={canCreate} />
    </>
  );
}
