/**
 * Which address sent a request that may have come through reverse proxies. Only a proxy named as trusted may
 * speak for the client: X-Forwarded-For is read from the right (each proxy appends the address it saw), and the
 * first hop not added by a trusted proxy is the client. Anything further left is whatever the client claimed.
 */

/**
 * An address as a hop of X-Forwarded-For or a socket gives it, plain: without brackets or a port ("[::1]:443",
 * "1.2.3.4:80"), lower case, and an IPv4 address in IPv6 notation (::ffff:127.0.0.1) as IPv4.
 */
export function plainAddress(address: string): string {
  const plain = address
    .trim()
    .toLowerCase()
    .replace(/^\[([^\]]+)\](?::\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  return plain.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
}

/**
 * The key that limits count attempts by: an IPv4 address as it is, an IPv6 address by its /64 network, which one
 * subscriber usually holds whole (RFC 6177), so that rotating through it gains nothing.
 */
export function limitKeyOf(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

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
