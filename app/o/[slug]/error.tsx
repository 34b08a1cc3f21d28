"use client";
import { useParams } from "next/navigation";
import { ErrorNotice } from "@/components/error-notice";

/** An unexpected error in a console page, shown inside the console's frame. */
export default function OrganizationError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  return <ErrorNotice error={error} reset={reset} home={`/o/${slug}`} />;
}
