// Types of build-stamp.mjs, for the TypeScript scripts that import it.
export function fingerprint(): string;
export function hasProductionBuild(): boolean;
export function buildIsCurrent(): boolean;
export function markBuilt(): void;
export const API_BUNDLE: string;
