// Proof that other languages can consume openapi.yaml: typed use of several operations through the
// types openapi-typescript generates (mautic.d.ts). Compiled with `tsc --strict --noEmit` by make spec-lint.
import type { components, operations, paths } from "./mautic";

type Schemas = components["schemas"];
type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

type ListContactsQuery = NonNullable<operations["listContacts"]["parameters"]["query"]>;
type ContactList = Json<operations["listContacts"]["responses"][200]>;
type ContactCreated = Json<operations["createContact"]["responses"][201]>;
type CreateContactBody = Json<NonNullable<operations["createContact"]["requestBody"]>>;
type BatchEditBody = Json<operations["updateContactsBatch"]["requestBody"]>;
type BatchResult = Json<operations["updateContactsBatch"]["responses"][200]>;
type Deleted = Json<operations["deleteContact"]["responses"][200]>;
type Segments = Json<operations["getContactSegments"]["responses"][200]>;
type PointGroupScore = Json<operations["getContactPointGroup"]["responses"][200]>;
type ErrorBody = Json<operations["getContact"]["responses"][404]>;

// Query parameters keep PHP's bracket syntax and integer flags.
export const query: ListContactsQuery = {
  search: "!is:anonymous tag:vip",
  limit: 50,
  orderByDir: "DESC",
  minimal: 1,
  "select[]": ["id", "email"],
  where: {
    "where[0][col]": "points",
    "where[0][expr]": "between",
    "where[0][val][0]": "10",
    "where[0][val][1]": "20",
  },
};

// @ts-expect-error minimal is the integer flag 0 | 1, not a boolean (PHP reads "false" as true)
export const wrongFlag: ListContactsQuery = { minimal: true };

// @ts-expect-error orderByDir is ASC or DESC
export const wrongDirection: ListContactsQuery = { orderByDir: "up" };

export const getContactPath: keyof paths = "/contacts/{id}";

// Write bodies accept custom field aliases next to the declared keys.
export const newContact: CreateContactBody = {
  email: "jim@example.com",
  tags: ["vip", "-prospect"],
  owner: null,
  shoe_size: "44",
};

export const batchEdit: BatchEditBody = [{ id: 47, firstname: "Jim" }];

// @ts-expect-error batch edit items need an id
export const batchWithoutId: BatchEditBody = [{ firstname: "Jim" }];

// Responses: string totals, maps that are [] when empty, and field groups that may be [].
export function emails(list: ContactList): string[] {
  const total: number = Number(list.total);
  const contacts: Schemas["Contact"][] = Array.isArray(list.contacts) ? [] : Object.values(list.contacts);
  const found = contacts.map((contact) => {
    const all = contact.fields?.all;
    const email = all?.["email"];
    return typeof email === "string" ? email : "";
  });
  return total >= 0 ? found : [];
}

export function coreAliases(contact: Schemas["Contact"]): string[] {
  const core = contact.fields?.core;
  return core === undefined || Array.isArray(core) ? [] : Object.keys(core);
}

export function createdId(body: ContactCreated): number {
  return body.contact.id;
}

export function deletedIdIsNull(body: Deleted): null {
  return body.contact.id;
}

export function failedPositions(result: BatchResult): string[] {
  const errors = result.errors ?? [];
  return Array.isArray(errors) ? errors.map((_, index) => String(index)) : Object.keys(errors);
}

export function segmentNames(body: Segments): string[] {
  return Array.isArray(body.lists) ? [] : Object.values(body.lists).map((segment) => segment.name ?? "");
}

export function score(body: PointGroupScore): number | undefined {
  return Array.isArray(body) ? undefined : (body.groupScore?.score ?? undefined);
}

export function firstMessage(body: ErrorBody): string {
  return body.errors[0]?.message ?? "";
}
