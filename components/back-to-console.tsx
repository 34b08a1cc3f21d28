import Link from "next/link";

export function BackToConsole() {
  return (
    <Link href="/" className="font-medium text-indigo-600 hover:text-indigo-500">
      ← Back to the console
    </Link>
  );
}
