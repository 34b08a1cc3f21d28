"use client";
// A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus
// returns to the button that opened it. It keeps a 1rem margin on a phone's screen and
// scrolls inside itself when its content is taller than the screen.
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
      className={`m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] overflow-y-auto ${wide ? "max-w-3xl" : "max-w-md"} rounded-lg bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200`}
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
