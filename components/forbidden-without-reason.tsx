"use client";
import { useParams } from "next/navigation";
import { Forbidden } from "./forbidden";

/** The console's 403 when forbidden() came from anywhere but refusePage: no reason to give,
 * and the organization from the address. */
export function ForbiddenWithoutReason() {
  const { slug } = useParams<{ slug: string }>();
  return <Forbidden slug={slug} reason="Your role does not allow this page." />;
}
