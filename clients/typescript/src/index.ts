// The Somos API client for TypeScript: openapi-fetch over the types openapi-typescript
// generates from the contract (src/schema.d.ts, `make clients`), plus OAuth 2.0 client
// credentials at the partner's identity provider.
import createClient, { type Client, type Middleware } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export type SomosClient = Client<paths>;
export type Schemas = components["schemas"];

/** Client credentials at an OpenID provider; a token is reused until a minute before it expires. */
export class ClientCredentials {
  private token: string | undefined;
  private renewAt = 0;

  constructor(
    readonly tokenUrl: string,
    readonly clientId: string,
    private readonly clientSecret: string,
    readonly scope: string,
    readonly resource?: string,
  ) {}

  /** A current access token (a new one from the provider when needed). */
  async accessToken(): Promise<string> {
    if (this.token === undefined || Date.now() >= this.renewAt) {
      const form = new URLSearchParams({ grant_type: "client_credentials", scope: this.scope });
      if (this.resource) form.set("resource", this.resource);
      const basic = Buffer.from(`${encodeURIComponent(this.clientId)}:${encodeURIComponent(this.clientSecret)}`);
      const response = await fetch(this.tokenUrl, {
        method: "POST",
        headers: { authorization: `Basic ${basic.toString("base64")}` },
        body: form,
      });
      if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { access_token: string; expires_in?: number };
      this.token = body.access_token;
      this.renewAt = Date.now() + Math.max(0, (body.expires_in ?? 300) - 60) * 1000;
    }
    return this.token;
  }

  /** Forget the token (after a 401), so the next request fetches a new one. */
  forget(): void {
    this.token = undefined;
  }
}

/** A typed client for `baseUrl` whose every request carries a current bearer token. */
export function createSomosClient(baseUrl: string, credentials: ClientCredentials): SomosClient {
  const client = createClient<paths>({ baseUrl });
  const bearer: Middleware = {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await credentials.accessToken()}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.status === 401) credentials.forget();
      return response;
    },
  };
  client.use(bearer);
  return client;
}
