import Link from "next/link";
import { ApiReference } from "@/components/account/api-reference";
import { refusePage } from "@/components/refuse-page";
import { Card, PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "API reference" };

/** The REST API's reference, rendered from /api/v1/openapi.json: open to every member (the
 * document is public); using it takes a token, made under API tokens. */
export default async function ApiReferencePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/api` }, (api) => api.console.you());
  if (!page.allowed) return refusePage(slug, page.reason);
  const mayUse = page.data.you.role.permissions.includes("tokens.use");
  return (
    <>
      <PageHeader
        title="API reference"
        description="The REST API under /api/v1: the console's own procedures for scripts and agents, decided as the token's member at each request."
      />
      <Card className="mb-4">
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            {mayUse ? (
              <>
                Make a token under{" "}
                <Link href={`/o/${slug}/tokens`} className="font-medium text-indigo-700 underline">
                  API tokens
                </Link>
                , then send it as{" "}
              </>
            ) : (
              <>Your role {page.data.you.role.name} does not have “Use API tokens”; someone who has it sends their token as </>
            )}
            <code className="rounded bg-slate-100 px-1">Authorization: Bearer stw_…</code>. The document itself is at{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 underline">
              /api/v1/openapi.json
            </a>
            .
          </p>
          {/* A dark block in both themes: the dark palette is mirrored (app/globals.css), so there slate-50 is the dark one.
              The command wraps rather than scrolls, so a phone shows it whole without a scrolling box to reach by keyboard. */}
          <pre className="rounded bg-slate-900 p-3 text-xs whitespace-pre-wrap wrap-anywhere text-slate-100 dark:bg-slate-50 dark:text-slate-800 dark:ring-1 dark:ring-slate-200">
            <code>{`curl -H "Authorization: Bearer $STEWARD_TOKEN" "$STEWARD_URL/api/v1/resources?type=job"`}</code>
          </pre>
        </div>
      </Card>
      <ApiReference />
    </>
  );
}
