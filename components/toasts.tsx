"use client";
// The notices that confirm a completed change (components/done-messages.ts says which):
// sonner's queue, drawn in the success alert's colours, read out politely, and gone after
// five seconds. They take no clicks, so they never cover what a person (or a test) clicks next.
import { Toaster } from "sonner";

export function Toasts() {
  return (
    <Toaster
      position="bottom-right"
      visibleToasts={3}
      duration={5_000}
      containerAriaLabel="Notices"
      toastOptions={{
        unstyled: true,
        classNames: {
          toast:
            "pointer-events-none! flex w-full items-center gap-2 rounded-md bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800 shadow-lg ring-1 ring-inset ring-emerald-200",
        },
      }}
    />
  );
}
