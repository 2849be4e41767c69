/**
 * TRUST_PROXY: the reverse proxies whose X-Forwarded-For the server believes, as addresses or CIDR
 * ranges (`127.0.0.1,10.0.0.0/8,fd00::/8`). Never "everything" or a hop count: fastify would then
 * take the client's address from whatever the client wrote in the header, and a client could pick a
 * new address per request to escape the per-address and pairing limits.
 */
import { isIP } from 'node:net';

const EXAMPLE = 'list the proxy addresses or ranges, e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8';

/** Parses the variable into the list fastify's `trustProxy` takes (via proxy-addr); throws naming the bad entry. */
export function parseTrustProxy(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '0') return [];
  return trimmed.split(',').map((raw) => {
    const entry = raw.trim();
    if (/^(\d+|true|all|\*|yes)$/i.test(entry)) throw new Error(`"${entry}" would trust every hop, so any client could choose its address; ${EXAMPLE}`);
    const [address = '', prefix, ...more] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (family === 0 || address.includes('%') || more.length > 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range; ${EXAMPLE}`);
    }
    if (prefix !== undefined && Number(prefix) > bits) throw new Error(`"${entry}": an IPv${family} prefix is at most /${bits}; ${EXAMPLE}`);
    if (prefix !== undefined && Number(prefix) === 0) throw new Error(`"${entry}" is every address; ${EXAMPLE}`);
    return entry;
  });
}
