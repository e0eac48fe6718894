// A real OpenID provider for the identity-provider tests: npm's certified `oidc-provider`,
// configured the way a partner's provider would be for Somos. Clients use OAuth 2.0 client
// credentials; access tokens are JWTs (resource indicators, `jwt` format) with `scope`, the
// audience `somos-api` and a `territories` claim taken from the client's registration.
//
//   node provider.mjs <config.json>
//   config: {"port", "clients": [{"client_id", "client_secret", "scope", "territories"?}],
//            "keys"?: [private JWKs]}       (keys generated here when absent)
//
// Beside the provider, a test-only admin surface (loopback only):
//   PUT /__admin/keys   body {"keys": [private JWKs]}: the provider is rebuilt with these keys
//                       (rotation: put a new key first; retirement: leave the old one out)
//   GET /__admin/stats  {"jwks_requests": n} — how often the JWKS was fetched
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;

// Resource indicators: what a token is for decides its audience and signing algorithm.
const RESOURCES = {
  'https://api.somos.test': { audience: 'somos-api', alg: 'RS256' },
  'https://es256.api.somos.test': { audience: 'somos-api', alg: 'ES256' },
  'https://other.example': { audience: 'other-api', alg: 'RS256' }, // not for Somos
};
const SOMOS_SCOPES = [
  'organizations:read', 'organizations:write', 'plans:read', 'plans:write',
  'events:read', 'events:write', 'attendees:pii', 'webhooks:manage', 'admin',
].join(' ');

function generatedKeys() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return [
    { ...rsa, kid: randomUUID(), alg: 'RS256', use: 'sig' },
    { ...ec, kid: randomUUID(), alg: 'ES256', use: 'sig' },
  ];
}

function build(keys) {
  const territories = new Map(config.clients.map((c) => [c.client_id, c.territories]));
  const provider = new Provider(issuer, {
    clients: config.clients.map((c) => ({
      client_id: c.client_id,
      client_secret: c.client_secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      scope: c.scope,
    })),
    jwks: { keys },
    scopes: ['openid', ...SOMOS_SCOPES.split(' ')],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'https://api.somos.test',
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource) => {
          const server = RESOURCES[resource];
          if (!server) throw new Provider.errors.InvalidTarget();
          return {
            scope: SOMOS_SCOPES,
            audience: server.audience,
            accessTokenTTL: 600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: server.alg } },
          };
        },
      },
    },
    // The partner's territories (DIVIPOLA codes) travel in the token, as a Keycloak mapper
    // would put them there.
    extraTokenClaims: (ctx, token) => {
      const codes = territories.get(token.clientId);
      return codes ? { territories: codes } : undefined;
    },
  });
  provider.on('server_error', (ctx, err) => console.error('server_error', err));
  return provider;
}

let provider = build(config.keys ?? generatedKeys());
let jwksRequests = 0;

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  if (req.url === '/__admin/stats') return json(res, 200, { jwks_requests: jwksRequests });
  if (req.url === '/__admin/keys' && req.method === 'PUT') {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      try {
        provider = build(JSON.parse(body).keys);
        json(res, 200, { kids: JSON.parse(body).keys.map((k) => k.kid) });
      } catch (err) {
        json(res, 400, { error: String(err) });
      }
    });
    return undefined;
  }
  if (req.url.startsWith('/jwks')) jwksRequests += 1;
  return provider.callback()(req, res);
});

server.listen(config.port, '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: issuer }));
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
