"use client";
// A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus
// returns to the button that opened it.
import { useEffect, useRef, type ReactNode } from "react";

export function Dialog({ open, onClose, title, wide, children }: { open: boolean; onClose: () => void; title: string; wide?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="dialog-title"
      className={`m-auto w-full ${wide ? "max-w-3xl" : "max-w-md"} rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200`}
    >
      {open && (
        <div className="p-5">
          <h2 id="dialog-title" className="mb-4 text-base font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
