"use client";
import { signOut } from "next-auth/react";
import { Button } from "./ui";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <Button variant="secondary" className={className} onClick={() => void signOut({ callbackUrl: "/signin" })}>
      Sign out
    </Button>
  );
}
