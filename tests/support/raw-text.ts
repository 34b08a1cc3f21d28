// Text that only a fault of ours would show a person on a page: a validation library's own
// wording or a schema path where a sentence belongs, a framework's bare error page, an
// engine's error name, a value printed without being put into words.
export const RAW_PAGE_TEXT = new RegExp(
  [
    /Invalid input|expected \w+, received|Too (?:small|big): expected|Invalid option: expected|Unrecognized keys?:/,
    // A schema path before a message: "emails.1: …", "membershipId: …".
    /\b[a-z]\w*(?:\.\d+)+: |\b[a-z]+[A-Z]\w*: [A-Z]/,
    /This page could not be found|Application error|Internal Server Error|Unhandled Runtime Error/,
    /ZodError|TRPCError|Prisma|TypeError|ReferenceError|SyntaxError|Unexpected token|\[object \w+\]|\bundefined\b|\bNaN\b|Invalid Date/,
  ]
    .map((r) => r.source)
    .join("|"),
);
