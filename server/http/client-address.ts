// Which address a request comes from, for the sign-in limits, sessions and the audit log.
// The connection's own address is set by Steward's server (scripts/serve.mjs) in PEER_HEADER,
// overwriting anything a client sent. X-Forwarded-For is client-controlled text: its entries
// are believed only as far as TRUSTED_PROXIES says which hops are ours (the rules of
// Express's "trust proxy", through its proxy-addr module).
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

export const PEER_HEADER = "x-steward-peer";

type Trust = (address: string, hop: number) => boolean;

/**
 * TRUSTED_PROXIES: unset or empty, no proxy is trusted (the connection's address is the
 * client); a number N, the N nearest hops are proxies; otherwise a comma-separated list of
 * addresses, CIDR ranges or the names loopback, linklocal, uniquelocal.
 */
export function parseTrustedProxies(value: string | undefined): Trust {
  const setting = value?.trim() ?? "";
  if (!setting) return () => false;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  try {
    return proxyaddr.compile(
      setting
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    );
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES is not a number or a list of addresses and CIDR ranges: ${(error as Error).message}`);
  }
}

let configured: { value: string | undefined; trust: Trust } | undefined;
function configuredTrust(): Trust {
  const value = process.env.TRUSTED_PROXIES;
  if (!configured || configured.value !== value) configured = { value, trust: parseTrustedProxies(value) };
  return configured.trust;
}

/** An IP address in its canonical text, or null (IPv4-mapped IPv6 becomes IPv4). */
export function normalizeAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const trimmed = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(trimmed) ? trimmed.toLowerCase() : null;
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (typeof source.get === "function") return (source as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The client's address: the connection's, or the nearest X-Forwarded-For entry that a
 * trusted proxy added. Null when the request did not come through Steward's server. */
export function clientAddress(headers: HeaderSource, trust: Trust = configuredTrust()): string | null {
  const peer = normalizeAddress(header(headers, PEER_HEADER));
  if (!peer) return null;
  const forwardedFor = header(headers, "x-forwarded-for");
  const address = proxyaddr({ headers: { "x-forwarded-for": forwardedFor }, socket: { remoteAddress: peer } } as never, trust);
  return normalizeAddress(address) ?? peer;
}
