import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { themeScriptSource } from "@/components/theme";
import { cspNonce } from "@/server/http/csp-nonce";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Steward", template: "%s · Steward" }, description: "Run your organization's access." };
// Every page reads the session or the database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme script runs under the same per-response CSP nonce as Next's own scripts
  // (scripts/serve.mjs sets it on the request).
  const nonce = await cspNonce();
  return (
    // The theme script sets data-theme on <html> before React hydrates, so the server's
    // markup and the browser's differ there by design.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScriptSource }} />
      </head>
      <body className="min-h-screen font-sans text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
