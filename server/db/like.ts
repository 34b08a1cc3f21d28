// LIKE patterns from what people type: their own wildcards (% and _) and LIKE's escape
// character (a backslash) are taken literally. Prisma's `contains` and `startsWith` leave
// them live, so "%" would match everything: pass `likeLiteral(text)` to those too.

export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** "Contains `text`". */
export const likeContains = (text: string) => `%${likeLiteral(text)}%`;

/** "Starts with `prefix`". */
export const likeStartsWith = (prefix: string) => `${likeLiteral(prefix)}%`;
