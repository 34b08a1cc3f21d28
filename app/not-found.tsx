import Link from "next/link";
import { AuthCard } from "@/components/auth-card";

export const metadata = { title: "Page not found" };

/** Any address outside the console that matches no page. */
export default function NotFound() {
  return (
    <AuthCard title="Page not found" subtitle="404 · Nothing lives at this address.">
      <p className="text-sm text-slate-600">Check the address, or start again from Steward&rsquo;s start page, which takes you to your organizations.</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        ← Go to the start page
      </Link>
    </AuthCard>
  );
}
