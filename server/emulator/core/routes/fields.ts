// Database and collection fields: restv3/rest-get-database-fields.md, rest-post-database-fields.md,
// rest-put-database-field.md, rest-delete-database-field.md, rest-get-collection-fields.md,
// rest-post-collection-fields.md, rest-put-collection-field.md, rest-delete-collection-field.md.
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorEnv } from '../context.ts';
import {
  ApiError,
  created,
  deleted,
  intPrefix,
  json,
  MESSAGES,
  missingElement,
  noContent,
  pageArray,
  parsePaging,
  readObjectBody,
  truthy,
} from '../http.ts';
import {
  deleteField,
  type FieldOwner,
  type FieldProps,
  type FieldRow,
  fieldJson,
  findField,
  insertField,
  listFields,
  updateField,
} from '../model.ts';
import { collectionOwner, databaseOwner, inTransaction } from '../records.ts';
import { isFieldType, isNumericType, phpString } from '../values.ts';

const MAX_INDEXED = 64;
const UNIQUE_TYPES = ['email', 'phone_fax', 'phone_gsm'];
const invalid = (why: string) => new ApiError(`${MESSAGES.invalidData}: ${why}`);

/** Body → field properties, on top of an existing field for updates; validated (docs/api/databases.md §2). */
export function fieldProps(body: Record<string, unknown>, siblings: FieldRow[], existing?: FieldRow): FieldProps {
  const flag = (key: string, current: number | undefined) => (body[key] === undefined ? current === 1 : truthy(body[key]));
  const name = body.name === undefined && existing ? existing.name : phpString(body.name);
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw invalid('a field name consists of letters, digits and underscores (at most 64)');
  if (['id', 'code'].includes(name.toLowerCase())) throw invalid(`"${name}" is reserved`);
  const type = body.type === undefined ? (existing?.type ?? 'text') : body.type;
  if (!isFieldType(type)) throw invalid(`unknown field type ${JSON.stringify(type)}`);
  let value =
    body.value === undefined
      ? existing && existing.type === type
        ? existing.value
        : isNumericType(type)
          ? '0'
          : ''
      : phpString(body.value);
  if (type === 'select') value = value.split(/\r?\n/).join('\r\n'); // choices are returned with \r\n
  const props: FieldProps = {
    name,
    type,
    value,
    displayed: flag('displayed', existing?.displayed),
    ordered: flag('ordered', existing?.ordered),
    length: body.length === undefined ? (existing?.length ?? 255) : Math.max(0, Math.min(65535, intPrefix(phpString(body.length)))),
    textlines:
      body.textlines === undefined ? (existing?.textlines ?? 1) : Math.max(0, Math.min(1000, intPrefix(phpString(body.textlines)))),
    hidden: flag('hidden', existing?.hidden),
    index: flag('index', existing?.indexed),
    lock: flag('lock', existing?.locked),
  };
  const others = siblings.filter((f) => f.id !== existing?.id);
  if (others.some((f) => f.name.toLowerCase() === name.toLowerCase())) throw invalid(`a field "${name}" already exists`);
  if (UNIQUE_TYPES.includes(type) && others.some((f) => f.type === type)) throw invalid(`only one field of type ${type} is allowed`);
  if (props.index && type === 'big') throw invalid('a field of type big cannot be indexed');
  if (props.index && others.filter((f) => f.indexed === 1).length >= MAX_INDEXED)
    throw invalid(`at most ${MAX_INDEXED} fields can be indexed`);
  return props;
}

function fieldRoutes(app: EmulatorApp, prefix: string, ownerOf: (c: Context<EmulatorEnv>) => FieldOwner, unknownField: string) {
  const list = (c: Context<EmulatorEnv>) =>
    json(pageArray(parsePaging(c.get('query')), listFields(c.get('ctx').db, ownerOf(c)).map(fieldJson)));

  const create = async (c: Context<EmulatorEnv>) => {
    const ctx = c.get('ctx');
    const owner = ownerOf(c);
    const body = await readObjectBody(c);
    const id = inTransaction(ctx, () => insertField(ctx.db, owner, fieldProps(body, listFields(ctx.db, owner))));
    return created(c, 'field', id);
  };

  const update = async (c: Context<EmulatorEnv>) => {
    const ctx = c.get('ctx');
    const owner = ownerOf(c);
    const field = findField(ctx.db, owner, c.req.param('field') ?? '');
    if (!field) throw new ApiError(unknownField);
    const body = await readObjectBody(c);
    inTransaction(ctx, () => updateField(ctx.db, owner, field, fieldProps(body, listFields(ctx.db, owner), field), ctx.now()));
    return noContent();
  };

  const remove = (c: Context<EmulatorEnv>) => {
    const ctx = c.get('ctx');
    const owner = ownerOf(c);
    const field = findField(ctx.db, owner, c.req.param('field') ?? '');
    if (!field) throw new ApiError(MESSAGES.noField);
    inTransaction(ctx, () => deleteField(ctx.db, owner, field)); // `lock`ed fields can still be deleted via the API
    return deleted('field', field.id);
  };

  app.get(`${prefix}/fields`, list);
  app.post(`${prefix}/fields`, create);
  // There is no single-field GET (`GET …/field/1` → Invalid method); a field ID is required for writes.
  app.on(['PUT', 'POST'], `${prefix}/field`, () => {
    throw new ApiError('No field id supplied for the field');
  });
  app.on(['PUT', 'POST'], `${prefix}/field/:field`, update);
  app.delete(`${prefix}/field`, () => {
    throw missingElement(3);
  });
  app.delete(`${prefix}/field/:field`, remove);
}

export function registerFieldRoutes(app: EmulatorApp): void {
  fieldRoutes(app, '/database/:database', (c) => databaseOwner(c.get('database').id), MESSAGES.noField);
  fieldRoutes(app, '/collection/:collection', (c) => collectionOwner(c.get('collection')), 'Failed to get the field');
}
