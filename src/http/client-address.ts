/**
 * Which address sent a request that may have come through reverse proxies. Only a proxy named as trusted may
 * speak for the client: X-Forwarded-For is read from the right (each proxy appends the address it saw), and the
 * first hop not added by a trusted proxy is the client. Anything further left is whatever the client claimed.
 */

/** An IPv4 address in IPv6 notation (::ffff:127.0.0.1), as Node reports IPv4 clients on a dual-stack socket, in IPv4. */
export const plainAddress = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

export function clientBehindProxies(
  socket: string | undefined,
  forwardedFor: string | undefined,
  trusted: (address: string) => boolean,
): string | undefined {
  if (!socket) return undefined;
  let client = plainAddress(socket);
  if (!trusted(client)) return client;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => plainAddress(hop.trim()))
    .filter((hop) => hop !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    client = hops[i]!;
    if (!trusted(client)) return client;
  }
  return client;
}
