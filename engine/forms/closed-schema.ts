// A submission may hold the fields its form asks and nothing else. Published versions are immutable and
// administrators' schemas are open by default (JSON Schema allows unknown properties unless told not to), so
// the server closes a copy of each schema before it checks answers against it:
// - every object gets `additionalProperties: false`, knowing its own `properties` and those that conditional
//   branches (`allOf: [{ if, then, else }]`, the designer's "show only when") add;
// - a field that only a `then` adds is refused while its condition does not hold (`else` forbids it), so an
//   answer to a hidden question cannot slip in unchecked.
// An administrator's explicit `additionalProperties` is kept.
type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);
const propertiesOf = (s: unknown): Schema => (isSchema(s) && isSchema(s.properties) ? s.properties : {});

function close(node: Schema): void {
  const own = propertiesOf(node);
  const branches = Array.isArray(node.allOf) ? node.allOf.filter(isSchema) : [];
  if ((node.type === 'object' || isSchema(node.properties)) && node.additionalProperties === undefined) {
    const properties: Schema = { ...own };
    for (const branch of branches) {
      for (const name of [...Object.keys(propertiesOf(branch.then)), ...Object.keys(propertiesOf(branch.else))]) properties[name] ??= true;
      const onlyInThen = Object.keys(propertiesOf(branch.then)).filter((name) => !(name in own));
      if (branch.if !== undefined && branch.else === undefined && onlyInThen.length > 0) branch.else = { properties: Object.fromEntries(onlyInThen.map((name) => [name, false])) };
    }
    node.properties = properties;
    node.additionalProperties = false;
  }
  for (const child of Object.values(own)) if (isSchema(child)) close(child);
  for (const branch of branches) for (const part of [branch.then, branch.else]) for (const child of Object.values(propertiesOf(part))) if (isSchema(child)) close(child);
  if (isSchema(node.items)) close(node.items);
}

/** A closed copy of a form's answer schema (the original is left as it is). */
export function closedSchema(schema: object): object {
  const copy = structuredClone(schema) as Schema;
  close(copy);
  return copy;
}
