// The partner loop with the TypeScript client (`npm run example` after setting the variables
// below): client credentials → the change feed → the changed resources → and, for webhook
// deliveries, their Standard Webhooks signature.
//
//   SOMOS_API_URL=https://api.somos.example SOMOS_TOKEN_URL=https://idp.example/…/token \
//   SOMOS_CLIENT_ID=gobernacion-antioquia SOMOS_CLIENT_SECRET=… \
//   SOMOS_SCOPE="organizations:read events:read" npm run example
//
// The cursor is saved only after the changes before it were handled (at least once): handle
// each change idempotently, by type, id and version (commitment.overdue carries the version the
// commitment already had).
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import { Webhook } from "standardwebhooks";

import { ClientCredentials, createSomosClient, type Schemas, type SomosClient } from "../src/index.js";

/** One entry of `GET /api/v1/changes` (no field values: read the resource for those). */
export interface Change {
  cursor: string;
  type: string; // "organization.updated"
  resource: string; // "organizations"
  id: string;
  version: number;
  municipality_code: string | null;
  path: string; // where to GET the record's current content
  occurred_at: string;
}

/** One page of the feed after `after`; `wait` long-polls up to that many seconds. */
export async function readChanges(
  apiUrl: string,
  credentials: ClientCredentials,
  after: string | null,
  wait = 0,
): Promise<{ items: Change[]; next_cursor: string | null }> {
  // The feed by URL: with a contract that has it, `client.GET("/api/v1/changes", …)` is typed too.
  const url = new URL("/api/v1/changes", apiUrl);
  url.searchParams.set("limit", "200");
  if (after) url.searchParams.set("after", after);
  if (wait) url.searchParams.set("wait", String(wait));
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${await credentials.accessToken()}` },
  });
  if (!response.ok) throw new Error(`GET /api/v1/changes answered ${response.status}`);
  return (await response.json()) as { items: Change[]; next_cursor: string | null };
}

/** An organization as it is now; undefined when this partner can no longer read it. */
export async function fetchOrganization(
  client: SomosClient,
  id: string,
): Promise<Schemas["OrganizationRead"] | undefined> {
  const { data, response } = await client.GET("/api/v1/organizations/{organization_id}", {
    params: { path: { organization_id: id } },
  });
  if (response.status === 404) return undefined;
  if (!data) throw new Error(`GET organization answered ${response.status}`);
  return data;
}

/** A webhook delivery's event once its signature checks out; throws WebhookVerificationError
 * otherwise. Verify the raw body before parsing it. */
export function verifyDelivery(secret: string, rawBody: string, headers: Record<string, string>): unknown {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return new Webhook(secret).verify(rawBody, lower);
}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`set ${name}`);
    return value;
  };
  const apiUrl = env("SOMOS_API_URL");
  const credentials = new ClientCredentials(
    env("SOMOS_TOKEN_URL"),
    env("SOMOS_CLIENT_ID"),
    env("SOMOS_CLIENT_SECRET"),
    process.env.SOMOS_SCOPE ?? "organizations:read",
    process.env.SOMOS_RESOURCE,
  );
  const client = createSomosClient(apiUrl, credentials);
  const stateFile = process.env.SOMOS_STATE_FILE ?? "somos-sync-state.json";
  let cursor: string | null = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, "utf8")).cursor : null;
  for (;;) {
    const page = await readChanges(apiUrl, credentials, cursor, 25);
    for (const change of page.items) {
      const current = change.resource === "organizations" ? await fetchOrganization(client, change.id) : undefined;
      console.log(`${change.type} ${change.id} v${change.version}: ${current?.name ?? change.path}`);
    }
    if (page.next_cursor) {
      cursor = page.next_cursor;
      writeFileSync(stateFile, JSON.stringify({ cursor }));
    }
    if (process.argv.includes("--once") && page.items.length === 0) return;
  }
}

if (process.argv[1]?.endsWith("partner_loop.js")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
