"use client";
// The OpenAPI document rendered by Scalar's reference component, from this server only: no
// web fonts, no telemetry, no proxy, no AI agent (it would send the document elsewhere);
// "Test request" calls /api/v1 here with the token typed in.
//
// Scalar reads forceDarkModeState once, when it starts: the component is started anew when the
// theme changes (key), or a switch to dark would leave it light, with its light page behind
// the console's now light text. data-third-party marks its markup, which is Scalar's to make
// accessible, for the accessibility checks (tests/e2e/10-accessibility.spec.ts).
import { Loading } from "../ui";
import dynamic from "next/dynamic";
import "@scalar/api-reference-react/style.css";
import { useResolvedTheme } from "../theme-toggle";

const ApiReferenceReact = dynamic(() => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <Loading label="Loading the reference…" />,
});

export function ApiReference() {
  const theme = useResolvedTheme();
  return (
    <div data-third-party="scalar" className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
      <ApiReferenceReact
        key={theme}
        configuration={{
          url: "/api/v1/openapi.json",
          withDefaultFonts: false,
          telemetry: false,
          hideClientButton: true,
          hideDarkModeToggle: true,
          forceDarkModeState: theme,
          showDeveloperTools: "never",
          documentDownloadType: "json",
          persistAuth: false,
          authentication: { preferredSecurityScheme: "token" },
          // Scalar's agent is on by default for local addresses; off here, always.
          ...{ agent: { disabled: true } },
        }}
      />
    </div>
  );
}
