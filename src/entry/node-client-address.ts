import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { BlockList, isIPv6 } from "node:net";
import { clientBehindProxies } from "../http/client-address";

/**
 * The client address of a request to the Node server: the socket's, or, when the socket is one of the trusted
 * proxies (addresses or CIDR ranges, from TRUSTED_PROXIES), the hop that proxy added to X-Forwarded-For.
 */
export function nodeClientAddress(trustedProxies: readonly string[]): (c: Context) => string | undefined {
  const trusted = new BlockList();
  const family = (address: string) => (isIPv6(address) ? "ipv6" : "ipv4");
  for (const entry of trustedProxies) {
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    if (prefix === undefined) trusted.addAddress(address, family(address));
    else trusted.addSubnet(address, Number(prefix), family(address));
  }
  const isTrusted = (address: string) => trusted.check(address, family(address));
  return (c) => clientBehindProxies(getConnInfo(c).remote.address, c.req.header("x-forwarded-for"), isTrusted);
}
