import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The security headers of every response (docs/security.md "Headers"): API JSON, errors, the web
 * client's index.html and assets, the public pages. A strict CSP without inline script, no framing,
 * no referrer (the join token is in the path), camera/microphone/screen capture for the app only.
 * `connectOrigins`: where the pages may connect besides their own origin (the SFU's signaling).
 */
export function securityHeaders(options: { connectOrigins: string[] }): RequestHandler[] {
  const connect = ["'self'", ...options.connectOrigins.flatMap((origin) => [origin, origin.replace(/^http/, 'ws')])];
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:', 'mediastream:'],
        'font-src': ["'self'"],
        'connect-src': connect,
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Sent only over https (below): a plain-http install must stay reachable.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  const rest = (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Permissions-Policy', 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()');
    // Behind a proxy, `req.secure` follows X-Forwarded-Proto (trust proxy).
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Nothing the API answers is kept by a browser or a proxy (patient data, tokens).
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
  return [policy, rest];
}

/** Whether a socket handshake's Origin may open a channel: browsers always send one; other clients none. */
export function originAllowed(origin: string | undefined, allowed: string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}
