/**
 * @internal A JSON Schema subset: the keywords the envelope schemas use. The
 * kit checks responses against the exported schemas with it, so it needs no
 * validator at runtime; the test suite proves it agrees with ajv.
 */
export interface SchemaNode {
  type?: string | readonly string[];
  required?: readonly string[];
  properties?: Readonly<Record<string, SchemaNode>>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  minItems?: number;
  minLength?: number;
  anyOf?: readonly SchemaNode[];
}

/** @internal One problem per offending path, e.g. `error.stack: unexpected field`. */
export function checkAgainstSchema(
  value: unknown,
  schema: SchemaNode,
  path = '',
): string[] {
  if (schema.anyOf) {
    const results = schema.anyOf.map((branch) =>
      checkAgainstSchema(value, branch, path),
    );
    if (results.some((problems) => problems.length === 0)) return [];
    // Report the branch of the value's own type ("must not be empty"), else the types allowed.
    const sameType = schema.anyOf.findIndex(
      (branch) => checkType(value, branch, path) === undefined,
    );
    if (sameType >= 0) return results[sameType];
    const types = schema.anyOf.map((branch) => branch.type).join(' or ');
    return [
      `${label(path)}: expected ${types}, received ${JSON.stringify(value) ?? String(value)}`,
    ];
  }
  const typeProblem = checkType(value, schema, path);
  if (typeProblem) return [typeProblem];
  const problems: string[] = [];
  if (
    typeof value === 'string' &&
    schema.minLength !== undefined &&
    value.length < schema.minLength
  ) {
    problems.push(`${label(path)}: must not be empty`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${label(path)}: must not be empty`);
    if (schema.items)
      value.forEach((item, i) =>
        problems.push(
          ...checkAgainstSchema(item, schema.items!, join(path, String(i))),
        ),
      );
  } else if (typeof value === 'object' && value !== null) {
    problems.push(
      ...checkObject(value as Record<string, unknown>, schema, path),
    );
  }
  return problems;
}

function checkObject(
  value: Record<string, unknown>,
  schema: SchemaNode,
  path: string,
): string[] {
  const problems: string[] = [];
  for (const key of schema.required ?? []) {
    if (!(key in value)) problems.push(`${join(path, key)}: missing`);
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = join(path, key);
    if (schema.propertyNames)
      problems.push(
        ...checkAgainstSchema(key, schema.propertyNames, `${childPath} (name)`),
      );
    const childSchema = schema.properties?.[key];
    if (childSchema) {
      problems.push(...checkAgainstSchema(child, childSchema, childPath));
    } else if (schema.additionalProperties === false) {
      problems.push(
        `${childPath}: unexpected field (${JSON.stringify(child)})`,
      );
    } else if (typeof schema.additionalProperties === 'object') {
      problems.push(
        ...checkAgainstSchema(child, schema.additionalProperties, childPath),
      );
    }
  }
  return problems;
}

function checkType(
  value: unknown,
  schema: SchemaNode,
  path: string,
): string | undefined {
  if (schema.type === undefined) return undefined;
  const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (types.some((type) => hasType(value, type))) return undefined;
  return `${label(path)}: expected ${types.join(' or ')}, received ${JSON.stringify(value) ?? String(value)}`;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return (
        typeof value === 'object' && value !== null && !Array.isArray(value)
      );
    case 'array':
      return Array.isArray(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function label(path: string): string {
  return path === '' ? 'body' : path;
}
