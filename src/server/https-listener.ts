/**
 * HTTPS for phones and headsets on the showroom network (TLS_CERT_FILE, TLS_KEY_FILE): a page
 * from `http://192.168.x.x` is no secure context (no WebCrypto, service worker or WebXR), one
 * from `https://<a name in the certificate>` is. The same fastify app answers on both listeners
 * (its router is the request handler of an `https.Server` beside fastify's own plain-HTTP one),
 * so routes, rate limits, caches and the closing state are shared; `req.protocol` is `https`
 * here because the socket is encrypted. docs/deploy.md says how a showroom gets a certificate.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createSecureContext } from 'node:tls';
import type { FastifyInstance } from 'fastify';

export type TlsFiles = { certFile: string; keyFile: string };

export type TlsCredentials = {
  /** PEM certificate, with its chain if the file has one, and private key. */
  cert: Buffer;
  key: Buffer;
  /** The DNS names and IP addresses the certificate is for (its subjectAltName). */
  names: string[];
  validFrom: Date;
  validTo: Date;
};

function readFile(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`${variable} ${file}: cannot read it (${code})`, { cause: error });
  }
}

/** `DNS:a.example, IP Address:10.0.0.2` -> `['a.example', '10.0.0.2']`. */
function altNames(x509: X509Certificate): string[] {
  return (x509.subjectAltName ?? '')
    .split(', ')
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry)?.[1])
    .filter((name): name is string => name !== undefined);
}

/**
 * Reads and checks the certificate and key; throws an Error naming the variable and file: cannot
 * read it, no PEM certificate, no PEM private key (an encrypted key included), or a key that is
 * not the certificate's.
 */
export function readTlsCredentials(files: TlsFiles): TlsCredentials {
  const cert = readFile('TLS_CERT_FILE', files.certFile);
  const key = readFile('TLS_KEY_FILE', files.keyFile);
  let x509: X509Certificate;
  try {
    if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no BEGIN CERTIFICATE block');
    x509 = new X509Certificate(cert); // the first one: the server's own, the chain follows it
  } catch (error) {
    throw new Error(`TLS_CERT_FILE ${files.certFile}: no PEM certificate (${(error as Error).message})`, { cause: error });
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new Error(`TLS_KEY_FILE ${files.keyFile}: no PEM private key, or one with a passphrase (${(error as Error).message})`, { cause: error });
  }
  if (!x509.checkPrivateKey(privateKey)) throw new Error(`TLS_KEY_FILE ${files.keyFile} is not the key of the certificate in TLS_CERT_FILE ${files.certFile}`);
  try {
    createSecureContext({ cert, key }); // whatever else OpenSSL refuses (a broken chain block)
  } catch (error) {
    throw new Error(`TLS_CERT_FILE ${files.certFile}, TLS_KEY_FILE ${files.keyFile}: refused by TLS (${(error as Error).message})`, { cause: error });
  }
  return { cert, key, names: altNames(x509), validFrom: new Date(x509.validFrom), validTo: new Date(x509.validTo) };
}

export interface HttpsListener {
  readonly server: Server;
  readonly files: TlsFiles;
  /** What is served now. */
  credentials(): TlsCredentials;
  /** Listens on `port` (0: any free one) and `host`; a failure names HTTPS_HOST and HTTPS_PORT. */
  listen(port: number, host: string): Promise<{ host: string; port: number }>;
  /**
   * Re-reads both files and serves them to new connections. Throws (see readTlsCredentials) and
   * keeps serving the current certificate when they are wrong, e.g. a renewal half written.
   */
  reload(): TlsCredentials;
}

/**
 * Adds an HTTPS listener to `app` (before it is ready: it adds close hooks). It listens once
 * `listen` is called and closes with the app: no new connections at preClose, idle keep-alive
 * connections dropped, and the app's close waits for the rest. Pass `credentials` already read
 * (main.ts checks them before it opens storage), or it reads `files` now.
 */
export function addHttpsListener(app: FastifyInstance, files: TlsFiles, credentials: TlsCredentials = readTlsCredentials(files)): HttpsListener {
  let current = credentials;
  const server = createServer({ cert: current.cert, key: current.key }, (req, res) => app.routing(req, res));
  // The timeouts fastify gave its own server.
  server.keepAliveTimeout = app.server.keepAliveTimeout;
  server.requestTimeout = app.server.requestTimeout;
  server.headersTimeout = app.server.headersTimeout;
  server.setTimeout(app.server.timeout);

  let closed: Promise<void> = Promise.resolve();
  app.addHook('preClose', (done) => {
    if (server.listening) {
      closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
    }
    done();
  });
  app.addHook('onClose', async () => {
    await closed;
  });

  return {
    server,
    files,
    credentials: () => current,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const failed = (error: NodeJS.ErrnoException) => reject(new Error(`HTTPS_HOST ${host}, HTTPS_PORT ${port}: cannot listen (${error.code ?? error.message})`, { cause: error }));
        server.once('error', failed);
        server.listen(port, host, () => {
          server.removeListener('error', failed);
          const address = server.address();
          resolve({ host, port: typeof address === 'object' && address ? address.port : port });
        });
      }),
    reload: () => {
      const next = readTlsCredentials(files);
      server.setSecureContext({ cert: next.cert, key: next.key });
      current = next;
      return next;
    },
  };
}

/** `certificate for a.example, b.example, valid until 2027-05-01` (with a warning when it is out of date). */
export function describeCertificate(tls: TlsCredentials, nowMs: number): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const names = tls.names.length > 0 ? tls.names.join(', ') : 'no subjectAltName: browsers will refuse it';
  if (tls.validTo.getTime() <= nowMs) return `certificate for ${names}, EXPIRED on ${day(tls.validTo)}: phones will refuse it`;
  if (tls.validFrom.getTime() > nowMs) return `certificate for ${names}, NOT VALID before ${day(tls.validFrom)}: phones will refuse it`;
  return `certificate for ${names}, valid until ${day(tls.validTo)}`;
}

/**
 * The HTTPS lines of the start-up banner: where phones and headsets go (the certificate's first
 * exact name on the HTTPS port, since a phone must use a name the certificate holds), and the
 * origin for share links: PUBLIC_ORIGIN, or else that HTTPS address for the kiosk's `?share=`.
 */
export function httpsBannerLines(options: { listening?: { host: string; port: number }; credentials?: TlsCredentials; publicOrigin?: string; nowMs: number }): string {
  const { listening, credentials, publicOrigin, nowMs } = options;
  let lines = '';
  let phoneOrigin: string | undefined;
  if (listening && credentials) {
    const name = credentials.names.find((n) => !n.startsWith('*.'));
    phoneOrigin = name === undefined ? undefined : new URL(`https://${name.includes(':') ? `[${name}]` : name}:${listening.port}`).origin;
    const where = `HTTPS on ${listening.host}:${listening.port}; ${describeCertificate(credentials, nowMs)}`;
    lines += `  phones and headsets: ${phoneOrigin ? `${phoneOrigin}/` : `https://<a name in the certificate>:${listening.port}/`} (${where})\n`;
  }
  if (publicOrigin) lines += `  share links: ${publicOrigin} (PUBLIC_ORIGIN)\n`;
  else if (listening) lines += `  share links: PUBLIC_ORIGIN is unset; start the kiosk with ?share=${phoneOrigin ?? `https://<a name in the certificate>:${listening.port}`} (or set PUBLIC_ORIGIN)\n`;
  return lines;
}
