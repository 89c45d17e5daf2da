/**
 * The SCIM 2.0 schemas Entente's server speaks (RFC 7643 §4 User and Group, §4.3 the enterprise
 * extension, §7 the attribute characteristics), as data: the `/Schemas` endpoint shows them, the
 * filter reads `caseExact` from them, the coercion reads `type`, the PATCH reads `mutability`.
 * Passwords are not part of it: persons sign in at their member's identity source, never here.
 */

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type AttributeType =
  | "string"
  | "boolean"
  | "decimal"
  | "integer"
  | "dateTime"
  | "reference"
  | "complex";
export type Mutability = "readOnly" | "readWrite" | "immutable" | "writeOnly";

/** One attribute's characteristics (RFC 7643 §7), with the names of §8.7.1. */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: "always" | "never" | "default" | "request";
  readonly uniqueness: "none" | "server" | "global";
  readonly subAttributes?: readonly AttributeDefinition[];
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
}

/** A schema of RFC 7643 §7: its URN and its attributes. */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDefinition[];
}

type Options = Partial<Omit<AttributeDefinition, "name" | "type" | "description">>;

function attribute(name: string, type: AttributeType, description: string, options: Options = {}) {
  const base: AttributeDefinition = {
    name,
    type,
    description,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
  };
  return { ...base, ...options };
}

const text = (name: string, description: string, options: Options = {}) =>
  attribute(name, "string", description, options);

/** `type`, `primary`, `display`, `value`: the sub-attributes of a multi-valued attribute (§2.4). */
function multiValued(name: string, description: string, types: readonly string[], extra: Options = {}) {
  return attribute(name, "complex", description, {
    multiValued: true,
    subAttributes: [
      text("value", `The ${name} value.`),
      text("display", "A human-readable name.", { mutability: "readOnly" }),
      text("type", "A label of the function.", { canonicalValues: types }),
      attribute("primary", "boolean", "The primary value of the attribute."),
    ],
    ...extra,
  });
}

const memberRef = (description: string, mutability: Mutability) =>
  attribute("members", "complex", description, {
    multiValued: true,
    mutability,
    subAttributes: [
      text("value", "Identifier of the member.", { mutability: "immutable", caseExact: true }),
      attribute("$ref", "reference", "URI of the member.", {
        mutability: "immutable",
        referenceTypes: ["User", "Group"],
      }),
      text("display", "Name of the member.", { mutability: "readOnly" }),
      text("type", "User or Group.", { mutability: "immutable", canonicalValues: ["User", "Group"] }),
    ],
  });

export const USER_DEFINITION: SchemaDefinition = {
  id: USER_SCHEMA,
  name: "User",
  description: "A person of the member (an agent or an élu), one person of the pivot directory.",
  attributes: [
    text("userName", "Unique identifier for the User at the member, usually the sign-in address.", {
      required: true,
      uniqueness: "server",
    }),
    attribute("name", "complex", "The components of the person's name.", {
      subAttributes: [
        text("formatted", "The full name."),
        text("familyName", "The family name."),
        text("givenName", "The given name."),
        text("middleName", "The middle name."),
        text("honorificPrefix", "The honorific prefix."),
        text("honorificSuffix", "The honorific suffix."),
      ],
    }),
    text("displayName", "The name displayed to end users."),
    text("nickName", "The casual name."),
    attribute("profileUrl", "reference", "A URI of the person's profile.", { referenceTypes: ["external"] }),
    text("title", "The person's title."),
    text("userType", "Relationship to the member: `agent` or `elu` (élu) for Entente."),
    text("preferredLanguage", "Preferred language (RFC 7231 Accept-Language form)."),
    text("locale", "Locale (language tag)."),
    text("timezone", "Time zone (IANA)."),
    attribute("active", "boolean", "Whether the person may use the services; false suspends."),
    multiValued("emails", "Email addresses.", ["work", "home", "other"]),
    multiValued("phoneNumbers", "Phone numbers.", ["work", "home", "mobile", "fax", "pager", "other"]),
    attribute("addresses", "complex", "Physical addresses.", {
      multiValued: true,
      subAttributes: ["formatted", "streetAddress", "locality", "region", "postalCode", "country", "type"]
        .map((name) => text(name, `The ${name} component.`))
        .concat([attribute("primary", "boolean", "The primary address.")]),
    }),
    attribute("groups", "complex", "Groups the User belongs to (read-only: change the Group).", {
      multiValued: true,
      mutability: "readOnly",
      subAttributes: [
        text("value", "Identifier of the Group.", { mutability: "readOnly", caseExact: true }),
        attribute("$ref", "reference", "URI of the Group.", { mutability: "readOnly" }),
        text("display", "Name of the Group.", { mutability: "readOnly" }),
        text("type", "direct.", { mutability: "readOnly" }),
      ],
    }),
    multiValued("roles", "Roles of the person.", []),
  ],
};

export const ENTERPRISE_DEFINITION: SchemaDefinition = {
  id: ENTERPRISE_SCHEMA,
  name: "EnterpriseUser",
  description: "Enterprise User extension (RFC 7643 §4.3).",
  attributes: [
    text("employeeNumber", "Number of the person at the member."),
    text("costCenter", "Cost center."),
    text("organization", "Organization."),
    text("division", "Division."),
    text("department", "Department (direction, service)."),
    attribute("manager", "complex", "The person's manager.", {
      subAttributes: [
        text("value", "Id of the manager's User.", { caseExact: true }),
        attribute("$ref", "reference", "URI of the manager's User."),
        text("displayName", "Name of the manager.", { mutability: "readOnly" }),
      ],
    }),
  ],
};

export const GROUP_DEFINITION: SchemaDefinition = {
  id: GROUP_SCHEMA,
  name: "Group",
  description: "A group of the member's persons; its name reaches the services as a pivot group.",
  attributes: [
    text("displayName", "Name of the Group.", { required: true }),
    memberRef("Members of the Group (Users).", "readWrite"),
  ],
};

/** The attributes every resource has (RFC 7643 §3.1), searched as the schema attributes are. */
export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  text("id", "Identifier given by Entente.", { caseExact: true, mutability: "readOnly", returned: "always" }),
  text("externalId", "Identifier given by the member's directory.", { caseExact: true }),
  attribute("meta", "complex", "Resource metadata.", {
    mutability: "readOnly",
    subAttributes: [
      text("resourceType", "User or Group.", { caseExact: true, mutability: "readOnly" }),
      attribute("created", "dateTime", "Creation time.", { mutability: "readOnly" }),
      attribute("lastModified", "dateTime", "Last modification time.", { mutability: "readOnly" }),
      attribute("location", "reference", "URI of the resource.", { mutability: "readOnly" }),
      text("version", "ETag of the resource.", { caseExact: true, mutability: "readOnly" }),
    ],
  }),
];

export type ResourceType = "User" | "Group";

/** The schemas of a resource type: the core schema first, then its extensions. */
export function schemasOf(type: ResourceType): readonly [SchemaDefinition, ...SchemaDefinition[]] {
  return type === "User" ? [USER_DEFINITION, ENTERPRISE_DEFINITION] : [GROUP_DEFINITION];
}

/**
 * The definition of an attribute path (`userName`, `name.givenName`, `emails.value`,
 * `urn:…:enterprise:2.0:User:department`), names compared case-insensitively (RFC 7643 §2.1);
 * undefined when the schemas do not define it.
 */
export function findAttribute(type: ResourceType, path: string): AttributeDefinition | undefined {
  const { schema, names } = splitPath(type, path);
  const top = schema === null ? [...COMMON_ATTRIBUTES, ...schemasOf(type)[0].attributes] : schema.attributes;
  let found = top.find((a) => same(a.name, names[0] ?? ""));
  for (const name of names.slice(1)) found = found?.subAttributes?.find((a) => same(a.name, name));
  return found;
}

/**
 * Splits a path into its schema (null: the core schema and the common attributes) and its names.
 * A URN prefix is the schema's id followed by `:` (RFC 7644 §3.10).
 */
export function splitPath(
  type: ResourceType,
  path: string,
): { schema: SchemaDefinition | null; names: string[] } {
  for (const schema of schemasOf(type)) {
    if (path.toLowerCase().startsWith(`${schema.id.toLowerCase()}:`)) {
      const rest = path.slice(schema.id.length + 1).split(".");
      return { schema: schema.id === schemasOf(type)[0].id ? null : schema, names: rest };
    }
  }
  return { schema: null, names: path.split(".") };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
